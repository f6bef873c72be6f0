/**
 * Delivering a run that has been carried out: its print batch (the letters, registered ones
 * first), the deposit list of its registered letters for the post office, and where its e-mails
 * stand in the outbox. The run itself stored and queued everything; delivery reads it back.
 */

import { claimShareOf, type RunCurrencyTotals, runClaimTotals } from '#core/dunning/run-totals';
import { selectRunTracking } from '#db/dunning/registered-tracking';
import {
  countRunEmails,
  type RegisteredLetterRow,
  type RunActionFiguresRow,
  selectRegisteredLetters,
  selectRunActionFigures,
  selectRunDelivery,
} from '#db/dunning/run-delivery-queries';
import type { BusinessDocument, TabularReport } from '#render/document';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import {
  type DocumentSetting,
  documentSetting,
  type ExportFormat,
  type ReportExport,
  renderExport,
} from '../reports/report-tables.ts';
import { portfolioOf } from './queries.ts';
import { recordView, type TrackingRecordView } from './registered-tracking-view.ts';
import { regionNames } from './wording-cache.ts';

export interface RunEmails {
  /** Waiting in the outbox (pending or being sent). */
  queued: number;
  sent: number;
  failed: number;
  /** No mail server configured when they fell due. */
  held: number;
}

export interface RunDeliveryView {
  runId: number;
  asOf: string;
  /** When and by whom it was carried out. */
  createdAt: string;
  createdBy: string;
  letters: number;
  batchFiles: { letterId: number; path: string }[];
  registeredLetters: (RegisteredLetterRow & {
    position: number;
    /** What was recorded of it (number, deposit, outcome), and how many recordings made that. */
    tracking: (TrackingRecordView & { entries: number }) | null;
  })[];
  emails: RunEmails;
  totals: RunSentTotals;
}

/**
 * What a sent run claims, as its preview showed it (core/dunning/run-totals.ts), and how many of its
 * actions are reminders that claim, courtesy e-mails and call tasks: a call task sends nothing, so a
 * banner that counted it as a reminder sent overstated the run.
 */
export interface RunSentTotals {
  customers: number;
  actions: number;
  claimed: number;
  courtesy: number;
  callTasks: number;
  byCurrency: RunCurrencyTotals[];
}

export function runSentTotals(actions: readonly RunActionFiguresRow[]): RunSentTotals {
  const shares = actions.map(claimShareOf);
  const count = (share: string) => shares.filter((s) => s === share).length;
  return {
    customers: new Set(actions.map((a) => a.customerCode)).size,
    actions: actions.length,
    claimed: count('claimed'),
    courtesy: count('courtesy'),
    callTasks: count('call_task'),
    byCurrency: runClaimTotals(actions),
  };
}

/** A run's delivery. The whole company's run: a salesperson does not see it. */
export async function getRunDelivery(ctx: AppContext, runId: number): Promise<RunDeliveryView> {
  const run =
    portfolioOf(ctx) === undefined ? await selectRunDelivery(ctx.db, ctx.companyId, runId) : undefined;
  if (!run)
    throw new DomainError('not_found', { key: 'errors.dunning.noRun', params: { id: String(runId) } });
  const [registered, byStatus, tracked, figures] = await Promise.all([
    selectRegisteredLetters(ctx.db, ctx.companyId, runId),
    countRunEmails(ctx.db, ctx.companyId, runId),
    selectRunTracking(ctx.db, ctx.companyId, runId),
    selectRunActionFigures(ctx.db, ctx.companyId, runId),
  ]);
  const count = (status: string) => byStatus[status] ?? 0;
  return {
    runId: run.runId,
    asOf: run.asOf,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    letters: run.letters,
    batchFiles: run.batchLetterIds.map((letterId) => ({
      letterId,
      path: `/api/dunning/letters/${letterId}`,
    })),
    registeredLetters: registered.map((row, index) => {
      const state = tracked.get(row.actionId);
      return {
        ...row,
        position: index + 1,
        tracking: state ? { ...recordView(state), entries: state.entries } : null,
      };
    }),
    emails: {
      queued: count('pending') + count('sending'),
      sent: count('sent'),
      failed: count('failed'),
      held: count('held'),
    },
    totals: runSentTotals(figures),
  };
}

function addressOf(lang: Lang, row: RegisteredLetterRow): string {
  const country = row.country === 'FR' ? null : (regionNames(lang).of(row.country) ?? row.country);
  return [row.addressLine1, row.addressLine2, country].filter((line) => !!line).join(', ');
}

/** The deposit list: one line per registered letter, in the print batch's order. */
export function registeredLetterTable(view: RunDeliveryView, lang: Lang): TabularReport {
  const t = translator(lang);
  const currency = view.registeredLetters[0]?.currency ?? 'EUR';
  return {
    title: t('dunning.delivery.title', { run: view.runId }),
    subtitle: [
      t('dunning.delivery.subtitle', {
        date: formatDate(lang, view.asOf, { long: true }),
        count: view.registeredLetters.length,
      }),
    ],
    currency,
    columns: [
      { header: t('dunning.delivery.position'), kind: 'integer', width: 4 },
      { header: t('dunning.delivery.customerCode'), kind: 'text', width: 10 },
      { header: t('dunning.delivery.recipient'), kind: 'text', width: 24 },
      { header: t('dunning.delivery.address'), kind: 'text', width: 30 },
      { header: t('dunning.delivery.postalCode'), kind: 'text', width: 8 },
      { header: t('dunning.delivery.city'), kind: 'text', width: 16 },
      { header: t('dunning.delivery.amount'), kind: 'money', width: 12 },
      { header: t('dunning.delivery.trackingNumber'), kind: 'text', width: 16 },
    ],
    // The number once recorded; blank until then, to be written by hand or by the post office's label.
    rows: view.registeredLetters.map((row) => [
      row.position,
      row.customerCode,
      row.customerName,
      addressOf(lang, row),
      row.postalCode ?? '',
      row.city ?? '',
      row.totalDueMinor,
      row.tracking?.trackingNumber ?? '',
    ]),
  };
}

function registeredLetterExport(view: RunDeliveryView, setting: DocumentSetting): ReportExport {
  const table = registeredLetterTable(view, setting.lang);
  const document = (): BusinessDocument => ({
    lang: setting.lang,
    company: setting.company,
    title: table.title,
    subtitle: table.subtitle,
    orientation: 'landscape',
    printedOn: setting.printedOn,
    blocks: [{ type: 'table', table }],
  });
  return { table, document };
}

/** The deposit list as a file (PDF to hand over with the letters, CSV or XLSX to fill in). */
export async function registeredLetterFile(
  ctx: AppContext,
  runId: number,
  format: ExportFormat,
  lang: string | undefined,
): Promise<{ filename: string; body: Buffer }> {
  const view = await getRunDelivery(ctx, runId);
  const setting = await documentSetting(ctx, lang);
  const body = await renderExport(registeredLetterExport(view, setting), format, setting.lang);
  const filename = translator(setting.lang)('dunning.delivery.filename', {
    run: view.runId,
    date: view.asOf,
    ext: format,
  });
  return { filename, body };
}
