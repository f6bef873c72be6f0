/**
 * What partners report back: steps, recoveries, costs advanced and their view of the outstanding,
 * by hand, by the API (a list of reports) or by importing their CSV/XLSX status file. Each report is
 * recorded once under its key (the partner's line id, or its content), so sending the same report
 * or file again adds nothing. A recovery is the partner's word only: the payment itself comes in
 * through the ordinary payment or bank import, and the reconciliation shows any gap.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isValidIsoDate } from '#core/calendar';
import { LEGAL_STEPS } from '#core/legal/handover';
import { CONFIRMABLE_PIECES } from '#core/legal/injunction';
import { insertSteps, type NewStep, selectFileKeys, updateFileDetails } from '#db/legal/handover-queries';
import { parseLegalReportFile } from '#importers/legal-reports';
import { problem } from '#importers/problems';
import { type ImportError, placeProblem } from '#importers/row-context';
import { translator } from '#text/catalogue';
import { wordedChoices, wordedDate } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { ImportLang } from '../imports/import-problems.ts';
import { importRejected } from '../imports/import-problems.ts';
import { getLegalFile } from './handover.ts';
import type { LegalFileView } from './handover-view.ts';

export interface StepReportInput {
  fileId: number;
  step: string;
  date: string;
  recoveredMinor?: number | undefined;
  costsMinor?: number | undefined;
  partnerOutstandingMinor?: number | null | undefined;
  note?: string | null | undefined;
  /** The partner's id of the report; re-sending a report with the same id adds nothing. */
  reportId?: string | null | undefined;
}

export interface RecordedReports {
  received: number;
  recorded: number;
  /** Already recorded (same key): nothing added. */
  duplicates: number;
  fileIds: number[];
}

const amount = (value: number | null | undefined, name: string): number => {
  const minor = value ?? 0;
  if (!Number.isSafeInteger(minor) || minor < 0)
    throw new DomainError('invalid_input', { key: 'errors.legal.stepAmount', params: { field: name } });
  return minor;
};

function newStep(report: StepReportInput, source: NewStep['source']): NewStep {
  if (!(LEGAL_STEPS as readonly string[]).includes(report.step))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.unknownStep',
      params: {
        step: report.step,
        allowed: wordedChoices(LEGAL_STEPS, (lang, step) => translator(lang)('legalFile.step', { step })),
      },
    });
  if (!isValidIsoDate(report.date))
    throw new DomainError('invalid_input', { key: 'errors.legal.notADate', params: { value: report.date } });
  const outstanding = report.partnerOutstandingMinor;
  const step = {
    fileId: report.fileId,
    step: report.step,
    date: report.date,
    recoveredMinor: amount(report.recoveredMinor, 'recoveredMinor'),
    costsMinor: amount(report.costsMinor, 'costsMinor'),
    partnerOutstandingMinor:
      outstanding === null || outstanding === undefined
        ? null
        : amount(outstanding, 'partnerOutstandingMinor'),
    note: report.note?.trim() || null,
    source,
  };
  // Without the partner's id, the report's content is its key: the same line twice is one report.
  const content = JSON.stringify([
    step.step,
    step.date,
    step.recoveredMinor,
    step.costsMinor,
    step.partnerOutstandingMinor,
    step.note,
  ]);
  const reportKey = report.reportId?.trim()
    ? `id:${report.reportId.trim()}`
    : `sha256:${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
  return { ...step, reportKey };
}

async function record(ctx: AppContext, steps: readonly NewStep[]): Promise<RecordedReports> {
  const files = new Map((await selectFileKeys(ctx.db, ctx.companyId)).map((f) => [f.fileId, f]));
  for (const step of steps) {
    const file = files.get(step.fileId);
    if (!file)
      throw new DomainError('not_found', {
        key: 'errors.legal.unknownFile',
        params: { fileId: step.fileId },
      });
    if (step.date < file.handedOverOn)
      throw new DomainError('invalid_input', {
        key: 'errors.legal.stepBeforeHandover',
        params: { fileId: step.fileId, date: wordedDate(file.handedOverOn) },
      });
  }
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertSteps(trx, ctx.companyId, ctx.actor, steps);
    if (inserted.length > 0)
      await recordAudit(ctx, trx, {
        action: 'legal.report',
        entity: 'legal_file',
        entityKey: [...new Set(steps.map((s) => s.fileId))].join(','),
        before: null,
        after: {
          source: steps[0]?.source,
          received: steps.length,
          recorded: inserted.length,
          stepIds: inserted,
        },
      });
    return inserted;
  });
  return {
    received: steps.length,
    recorded: ids.length,
    duplicates: steps.length - ids.length,
    fileIds: [...new Set(steps.map((s) => s.fileId))],
  };
}

/** Reports given by hand (`source: manual`) or by the partner through the API (`api`). */
export async function recordStepReports(
  ctx: AppContext,
  reports: readonly StepReportInput[],
  source: 'manual' | 'api' = 'api',
): Promise<RecordedReports> {
  if (reports.length === 0) throw new DomainError('invalid_input', { key: 'errors.legal.noReport' });
  return record(
    ctx,
    reports.map((report) => newStep(report, source)),
  );
}

/** Resolves each line's file (our number, or the partner's reference); lists every line that names none. */
async function resolveFiles(
  ctx: AppContext,
  fileName: string,
  records: Awaited<ReturnType<typeof parseLegalReportFile>> & { ok: true },
) {
  const files = await selectFileKeys(ctx.db, ctx.companyId);
  const errors: ImportError[] = [];
  const steps: NewStep[] = [];
  for (const r of records.records) {
    const number = r.file?.match(/^(?:LF-?)?(\d+)$/i)?.[1];
    const file =
      number !== undefined
        ? files.find((f) => f.fileId === Number(number))
        : files.find((f) => f.partnerReference !== null && f.partnerReference === r.partnerReference);
    const named = r.file ?? r.partnerReference ?? '';
    if (!file) {
      errors.push(
        placeProblem(
          fileName,
          r.line,
          r.file ? 'file' : 'partnerReference',
          named,
          problem('unknown_legal_file', { file: named }),
        ),
      );
      continue;
    }
    if (r.date < file.handedOverOn) {
      const found = problem('legal_step_before_handover', { handedOverOn: file.handedOverOn });
      errors.push(placeProblem(fileName, r.line, 'date', r.date, found));
      continue;
    }
    steps.push(
      newStep(
        {
          fileId: file.fileId,
          step: r.step,
          date: r.date,
          recoveredMinor: r.recoveredMinor,
          costsMinor: r.costsMinor,
          partnerOutstandingMinor: r.outstandingMinor,
          note: r.note,
          reportId: r.lineId,
        },
        'csv',
      ),
    );
  }
  return { steps, errors };
}

/** A partner's status file (CSV/XLSX): all lines or none; `dryRun` checks and records nothing. */
export async function importPartnerReport(
  ctx: AppContext,
  input: { filePath: string; fileName?: string | undefined; lang?: ImportLang; dryRun?: boolean },
): Promise<RecordedReports & { file: string; dryRun: boolean }> {
  const fileName = input.fileName ?? basename(input.filePath);
  const lang = input.lang ?? 'fr';
  const parsed = await parseLegalReportFile(input.filePath, { fileName });
  if (!parsed.ok) throw importRejected(fileName, parsed.errors, lang);
  const { steps, errors } = await resolveFiles(ctx, fileName, parsed);
  if (errors.length > 0) throw importRejected(fileName, errors, lang);
  const summary = { file: fileName, dryRun: input.dryRun ?? false };
  if (input.dryRun)
    return {
      ...summary,
      received: steps.length,
      recorded: 0,
      duplicates: 0,
      fileIds: [...new Set(steps.map((s) => s.fileId))],
    };
  return { ...summary, ...(await record(ctx, steps)) };
}

/** The injunction pieces a person confirms are in the file (proof of delivery, order, formal notice). */
export async function setFileDetails(
  ctx: AppContext,
  input: {
    fileId: number;
    piecesProvided?: readonly string[] | undefined;
    partnerReference?: string | null | undefined;
  },
): Promise<LegalFileView> {
  const pieces = input.piecesProvided ? [...new Set(input.piecesProvided)] : undefined;
  const unknown = pieces?.filter((p) => !(CONFIRMABLE_PIECES as readonly string[]).includes(p)) ?? [];
  if (unknown.length > 0)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.unknownPieces',
      params: {
        unknown: unknown.join(', '),
        allowed: wordedChoices(CONFIRMABLE_PIECES, (lang, piece) =>
          translator(lang)('legalFile.piece', { piece }),
        ),
      },
    });
  const before = await getLegalFile(ctx, { fileId: input.fileId });
  const partnerReference =
    input.partnerReference === undefined ? undefined : input.partnerReference?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    await updateFileDetails(trx, ctx.companyId, input.fileId, {
      ...(pieces ? { piecesProvided: pieces } : {}),
      ...(partnerReference !== undefined ? { partnerReference } : {}),
    });
    await recordAudit(ctx, trx, {
      action: 'legal.file_update',
      entity: 'legal_file',
      entityKey: String(input.fileId),
      before: { piecesProvided: before.piecesProvided, partnerReference: before.partnerReference },
      after: {
        piecesProvided: pieces ?? before.piecesProvided,
        partnerReference: partnerReference === undefined ? before.partnerReference : partnerReference,
      },
    });
  });
  return getLegalFile(ctx, { fileId: input.fileId });
}
