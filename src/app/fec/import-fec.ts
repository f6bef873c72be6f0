/**
 * `encours import fec FILE`: rebuilds customers, documents and their lettering from a French
 * FEC, in one transaction, and proves the result against the file's customer accounts. A
 * malformed file changes nothing; the same file twice changes nothing; the next period's file
 * adds what is new, updates the lettering and keeps the matching made in Encours since.
 *
 * The lines are streamed into staging tables as the file is read — every line's entry key and
 * amount, and the customer-account lines — then the entries are checked and the ledger is rebuilt
 * from there set-based: memory does not grow with the number of lines.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { parsePaymentTerms } from '#core/ledger/payment-terms';
import { checkStagedEntries } from '#db/fec/fec-entries';
import { stagedKindCounts } from '#db/fec/fec-rebuild';
import { openLineStage } from '#db/fec/fec-stage';
import { companyCurrency, hasSourceDocuments, widenWorkMemory } from '#db/fec/fec-writes';
import { recordImportRun } from '#db/imports/import-runs';
import type { Database } from '#db/infra/schema';
import type { JournalType } from '#importers/fec/fec-journals';
import { FEC_SOURCE, JournalTypes, stagedLineOf } from '#importers/fec/fec-reconstruct';
import { type FecFile, readFecFile } from '#importers/fec/read-fec';
import { unknownCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkFecAmountBounds } from './import-fec-bounds.ts';
import type { FecReconciliation } from './import-fec-proof.ts';
import { reconcileFec } from './import-fec-proof.ts';
import {
  differenceWarnings,
  overlapWarnings,
  unbalancedLetterWarnings,
  type WordedFecWarning,
  wordFecWarnings,
} from './import-fec-warnings.ts';
import { rejection, writeCustomers, writeDocuments, writeLettering } from './import-fec-write.ts';

// The shells name journal types and read rejected files' problems through the use case.
export { isJournalType, JOURNAL_TYPES, type JournalType } from '#importers/fec/fec-journals';
export type { ImportError } from '#importers/parse-file';

import type { ImportChannel, ImportLang } from '../imports/import-problems.ts';

export { type ImportChannel, type ImportLang, isImportLang } from '../imports/import-problems.ts';

export const DEFAULT_CUSTOMER_ACCOUNTS = ['411', '413', '416'] as const;
export const DEFAULT_FEC_TERMS = 'net:30';

export interface ImportFecInput {
  filePath: string;
  /** Name reported in errors (an uploaded file's original name); the path's base name by default. */
  fileName?: string;
  dryRun?: boolean;
  customerAccounts?: readonly string[];
  journalTypes?: Readonly<Record<string, JournalType>>;
  /** Terms of the customers the import creates (canonical spec or wording); net:30 by default. */
  defaultTerms?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Language of the problems of a rejected file; French by default. */
  lang?: ImportLang;
  /**
   * Who reads the remedies of the problems: the command line (default) sets a journal's type
   * with `--journal`, a program with the request's `journals`, the web page cannot.
   */
  channel?: ImportChannel;
}

export interface FecImportSummary {
  file: string;
  dryRun: boolean;
  currency: string;
  encoding: string;
  firstDate: string | null;
  lastDate: string | null;
  lines: number;
  entries: number;
  customers: number;
  documents: { invoices: number; creditNotes: number; payments: number; other: number };
  allocations: number;
  openItems: number;
  reconciliation: FecReconciliation;
  changes: {
    customersInserted: number;
    documentsInserted: number;
    documentsUpdated: number;
    documentsUnchanged: number;
    allocationsInserted: number;
    allocationsReversed: number;
  };
  journals: Record<string, JournalType>;
  /** Each with its stable code and params, worded in the import's language. */
  warnings: WordedFecWarning[];
}

class DryRunRollback extends Error {
  readonly summary: FecImportSummary;
  constructor(summary: FecImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

export async function importFec(ctx: AppContext, input: ImportFecInput): Promise<FecImportSummary> {
  const fileName = input.fileName ?? basename(input.filePath);
  const prefixes = [...(input.customerAccounts ?? DEFAULT_CUSTOMER_ACCOUNTS)];
  if (prefixes.length === 0 || prefixes.some((prefix) => !/^\d+$/.test(prefix)))
    throw new DomainError('invalid_input', {
      key: 'errors.fec.customerAccounts',
      params: { prefixes: prefixes.join(',') },
    });
  const defaultTerms = input.defaultTerms ?? DEFAULT_FEC_TERMS;
  if (!parsePaymentTerms(defaultTerms))
    throw new DomainError('invalid_input', { key: 'errors.fec.terms', params: { terms: defaultTerms } });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const currency = await companyCurrency(trx, ctx.companyId);
      if (currency === null) throw unknownCompany(ctx.companyId);
      await widenWorkMemory(trx);
      const journalTypes = new JournalTypes(input.journalTypes);
      const file = await stageFile(trx, input, fileName, prefixes, journalTypes);
      const summary = await writeFec({ ...ctx, db: trx }, file, input, currency, defaultTerms);
      summary.journals = journalTypes.all(file.journals);
      if (input.dryRun) throw new DryRunRollback(summary);
      await recordImportRun(trx, {
        companyId: ctx.companyId,
        entity: 'fec',
        fileName,
        fileSha256: file.sha256,
        rowCount: summary.lines,
        inserted: summary.changes.documentsInserted,
        updated: summary.changes.documentsUpdated,
        unchanged: summary.changes.documentsUnchanged,
        actor: ctx.actor,
      });
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Reads and checks the file, streaming its lines into the staging tables. */
async function stageFile(
  trx: Kysely<Database>,
  input: ImportFecInput,
  fileName: string,
  prefixes: string[],
  journalTypes: JournalTypes,
): Promise<FecFile> {
  const stage = await openLineStage(trx);
  let read: Awaited<ReturnType<typeof readFecFile>>;
  try {
    read = await readFecFile(input.filePath, {
      customerAccountPrefixes: prefixes,
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      entryLedger: {
        add: (lines) => stage.writeEntryLines(lines),
        async check(limit) {
          await stage.finish();
          return checkStagedEntries(trx, limit);
        },
      },
      onCustomerLines: (lines, journals) =>
        stage.write(
          lines.map((line) =>
            stagedLineOf(line, journalTypes.typeOf(line.journalCode, journals.get(line.journalCode) ?? '')),
          ),
        ),
    });
  } catch (error) {
    await stage.close();
    throw error;
  }
  if (!read.ok) {
    await stage.close();
    throw rejection(fileName, read.errors, input.lang ?? 'fr', input.channel ?? 'cli');
  }
  await stage.finish();
  return { ...read, fileName };
}

async function writeFec(
  ctx: AppContext,
  file: FecFile,
  input: ImportFecInput,
  currency: string,
  defaultTerms: string,
): Promise<FecImportSummary> {
  const { lang = 'fr', channel = 'cli' } = input;
  const customersInserted = await writeCustomers(ctx, file.fileName, currency, defaultTerms, lang, channel);
  const firstImport = !(await hasSourceDocuments(ctx.db, ctx.companyId, FEC_SOURCE));
  const counts = await writeDocuments(ctx, file.fileName, currency, firstImport, lang, channel);
  await checkFecAmountBounds(ctx, file.fileName, currency, lang, channel);
  const lettering = await writeLettering(ctx, firstImport);
  const letterWarnings = await unbalancedLetterWarnings(ctx.db, currency);
  const asOf = file.lastDate ?? ctx.clock.today();
  const proof = await reconcileFec(ctx.db, ctx.companyId, asOf);
  const overlap =
    firstImport || file.firstDate === null
      ? []
      : await overlapWarnings(ctx.db, ctx.companyId, file.firstDate, asOf);
  const kinds = await stagedKindCounts(ctx.db);
  const count = (kind: string) => kinds.get(kind) ?? 0;
  const documents = {
    invoices: count('invoice'),
    creditNotes: count('credit_note'),
    payments: count('payment'),
    other: [...kinds.values()].reduce((sum, n) => sum + n, 0),
  };
  documents.other -= documents.invoices + documents.creditNotes + documents.payments;
  return {
    file: file.fileName,
    dryRun: input.dryRun ?? false,
    currency,
    encoding: file.encoding,
    firstDate: file.firstDate,
    lastDate: file.lastDate,
    lines: file.lines,
    entries: file.entries,
    customers: proof.customers,
    documents,
    allocations: lettering.kept + lettering.inserted,
    openItems: proof.openItems,
    reconciliation: proof.reconciliation,
    changes: {
      customersInserted,
      documentsInserted: counts.inserted,
      documentsUpdated: counts.updated,
      documentsUnchanged: counts.unchanged,
      allocationsInserted: lettering.inserted,
      allocationsReversed: lettering.reversed,
    },
    journals: {},
    warnings: wordFecWarnings(
      [
        ...file.warnings,
        ...letterWarnings,
        ...lettering.warnings,
        ...overlap,
        ...differenceWarnings(proof.reconciliation, currency),
      ],
      lang,
    ),
  };
}
