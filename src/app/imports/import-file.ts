/**
 * `encours import ENTITY FILE`: parse the whole file, then write it in one transaction.
 * Any bad row rejects the whole file with a report of every problem; the same file twice
 * changes nothing; a changed row updates the record and leaves an audit entry.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Role } from '#core/types';
import { findRememberedDateOrder, recordImportRun, takeImportTurn } from '#db/imports/import-runs';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import type { UnknownColumns } from '#importers/fields';
import {
  type DateOrder,
  ENTITIES,
  type ImportEntity,
  type ImportError,
  type ImportNotice,
  type ParseResult,
  parseImportFile,
} from '#importers/parse-file';
import { importWarningMessage } from '#text/import-problems';

/** The entities a spreadsheet import accepts (re-exported for the shells). */
export const IMPORT_ENTITIES: readonly ImportEntity[] = ENTITIES;
export { DATE_ORDERS, isDateOrder } from '#importers/parse-file';
/** A problem of a rejected file as the shells show it (code, params and message). */
export type { WordedImportError as ImportError } from './import-problems.ts';
export type { DateOrder, ImportChannel, ImportEntity, ImportLang };

import type { AppContext } from '../context.ts';
import { releaseHeldOrdersWithinRules } from '../credit/held-orders.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import {
  concurrentWriteConflict,
  fileNotOpened,
  type ImportChannel,
  type ImportLang,
  importRejected,
  importTurnTimedOut,
} from './import-problems.ts';
import { valuesThatRead } from './import-row-checks.ts';
import { DEFAULT_IMPORT_WAIT_MS } from './import-wait.ts';
import { ImportWriter } from './import-writer.ts';

/**
 * Who may import what: the roles that may change the same fields one by one. Customers carry
 * credit limits and salespeople, and documents and orders make the ledger, which only the
 * credit department edits; collectors record the payments they chase.
 */
export const IMPORT_ROLES: Readonly<Record<ImportEntity, readonly Role[]>> = {
  customers: ['admin', 'credit_manager'],
  invoices: ['admin', 'credit_manager'],
  'credit-notes': ['admin', 'credit_manager'],
  orders: ['admin', 'credit_manager'],
  payments: ['admin', 'credit_manager', 'collector'],
};

export interface ImportInput {
  entity: ImportEntity;
  filePath: string;
  /** The name the user knows the file by (an upload is stored under another); default: the path's. */
  fileName?: string;
  dryRun?: boolean;
  mapping?: Record<string, string>;
  /**
   * Headers of columns to skip, without a notice. Any other unknown column of a customers file is
   * refused, and so is a near miss of a field a file lacks (« Echéances » with no « Échéance »);
   * the rest are skipped with a notice each (importers/ignored-columns.ts).
   */
  ignoreColumns?: readonly string[];
  /** 'ignore': every column no field takes is skipped with a notice, never refused (default 'refuse'). */
  unknownColumns?: UnknownColumns;
  /**
   * A rejected file lists its first problems only (the web page draws them), with every problem
   * counted and grouped; every problem by default (the command line).
   */
  problemListLimit?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Language of the problems of a rejected file: 'fr' (default) or 'en'. */
  lang?: ImportLang;
  /**
   * Who reads the remedies of the problems and notices: the command line (default) its flags
   * (`--date-order`, `--map`…), the web page its own choices, a program the request's parameters.
   */
  channel?: ImportChannel;
  /** The order of "N/N/N" dates; by default each date column's is read from its values. */
  dateOrder?: DateOrder;
  /**
   * The longest wait, in milliseconds, for another import of the same entity to finish before
   * answering a conflict; 0: no limit. Default 5 minutes (the shells read importWaitFromEnv).
   */
  turnWaitMs?: number;
}

/** Something the user should know about an accepted file (columns read past, how its dates were read), worded. */
export interface WordedImportNotice extends ImportNotice {
  message: string;
}

export interface ImportSummary {
  entity: ImportEntity;
  file: string;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  allocations: number;
  unappliedPayments: number;
  /** Invoices said to be disputed on which a dispute was opened (a re-import opens none). */
  disputesOpened: number;
  notices: WordedImportNotice[];
}

class DryRunRollback extends Error {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

export async function importFile(ctx: AppContext, input: ImportInput): Promise<ImportSummary> {
  const fileName = input.fileName ?? basename(input.filePath);
  const lang = input.lang ?? 'fr';
  const channel = input.channel ?? 'cli';
  const parsed = await parseImportFile(input.filePath, input.entity, {
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.ignoreColumns ? { ignoreColumns: input.ignoreColumns } : {}),
    ...(input.unknownColumns ? { unknownColumns: input.unknownColumns } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}),
    // The order the company's last file of the same kind showed (0055), for dates that read both ways.
    recallDateOrder: (key) => findRememberedDateOrder(ctx.db, ctx.companyId, input.entity, key),
  });
  const rejection = {
    listLimit: input.problemListLimit,
    unmappedColumns: parsed.unmappedColumns,
    channel,
  };
  if (!parsed.ok) {
    const unopened = fileNotOpened(parsed.errors, fileName, lang);
    if (unopened) throw unopened;
    const errors = await withChecksAgainstData(ctx, input.entity, parsed, fileName);
    throw importRejected(fileName, errors, lang, rejection);
  }
  const fileSha256 = await sha256(input.filePath);
  let summary: ImportSummary;
  try {
    summary = await ctx.db.transaction().execute(async (trx) => {
      // Before anything is read: an import of the same entity running meanwhile is waited for.
      const waitMs = input.turnWaitMs ?? DEFAULT_IMPORT_WAIT_MS;
      if (!(await takeImportTurn(trx, ctx.companyId, input.entity, waitMs)))
        throw importTurnTimedOut(fileName, lang);
      const writer = new ImportWriter(trx, ctx, fileName, parsed.columnNames);
      const summary = await writer.write(input.entity, parsed.records as never[], parsed.fields);
      if (writer.errors.length > 0) throw importRejected(fileName, writer.errors, lang, rejection);
      const notices = [...parsed.notices, ...writer.notices].map((notice) => ({
        ...notice,
        message: importWarningMessage(lang, notice.code, notice.params, channel),
      }));
      const result = { ...summary, dryRun: input.dryRun ?? false, notices };
      if (input.dryRun) throw new DryRunRollback(result);
      // Payments move the payment criteria of the score: their customers are re-scored by a job.
      if (input.entity === 'payments') {
        const codes = (parsed.records as readonly { customerCode?: string }[]).flatMap((r) =>
          r.customerCode ? [r.customerCode] : [],
        );
        await requestRescore(ctx, trx, codes, 'payment_import');
      }
      await recordImportRun(trx, {
        companyId: ctx.companyId,
        entity: input.entity,
        fileName,
        fileSha256,
        rowCount: summary.rows,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        actor: ctx.actor,
        learnedDateOrder: parsed.learnedDateOrder,
      });
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    // Only the transaction's own failure means "nothing was written"; what follows its commit is not.
    throw concurrentWriteConflict(error, fileName, lang) ?? error;
  }
  // A payment may bring customers back within the credit rules: their held orders are re-judged.
  if (input.entity === 'payments') await releaseHeldOrdersWithinRules(ctx);
  // Only large files move the statistics enough to matter; the embedded engine has no autovacuum.
  if (summary.rows >= 10_000) await refreshPlannerStatistics(ctx.db);
  return summary;
}

/**
 * A rejected file's problems with those its values that did read meet against the company's data
 * (an unknown customer on a row whose amount is bad too), checked in a transaction rolled back:
 * one report lists every problem of the file. The "N more" line stays last.
 */
async function withChecksAgainstData(
  ctx: AppContext,
  entity: ImportEntity,
  parsed: Extract<ParseResult, { ok: false }>,
  fileName: string,
): Promise<ImportError[]> {
  const read = valuesThatRead(parsed.errors, parsed.columnNames);
  let found: readonly ImportError[] = [];
  if (parsed.records.length > 0) {
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        const writer = new ImportWriter(trx, ctx, fileName, parsed.columnNames);
        await writer.check(entity, parsed.records, read);
        found = writer.errors;
        throw new CheckRollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof CheckRollback)) throw error;
      });
  }
  const isOmitted = (error: ImportError) => error.code === 'more_errors_omitted';
  const fromParser = rename(parsed.errors, fileName);
  const listed = [...fromParser.filter((error) => !isOmitted(error)), ...found];
  return [...listed.sort((a, b) => a.line - b.line), ...fromParser.filter(isOmitted)];
}

class CheckRollback extends Error {}

/** The parser names the file it read; the user knows it by the name they gave. */
function rename(errors: readonly ImportError[], fileName: string): ImportError[] {
  return errors.map((error) => ({ ...error, file: fileName }));
}

async function sha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
