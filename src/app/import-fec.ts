/**
 * `encours import fec FILE`: rebuilds customers, documents and their lettering from a French
 * FEC, in one transaction, and proves the result against the file's customer accounts. A
 * malformed file changes nothing; the same file twice changes nothing; the next period's file
 * adds what is new, updates the lettering and keeps the matching made in Encours since.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parsePaymentTerms } from '#core/payment-terms';
import { DOCUMENT_UPSERT } from '#db/entity-columns';
import {
  allocationsTouchingSource,
  companyCurrency,
  customerTermsByCode,
  hasSourceDocuments,
  insertAllocationsByRef,
  insertMissingCustomers,
  insertStagedDocuments,
  widenWorkMemory,
} from '#db/fec-writes';
import { findKindConflicts, findOverAllocated } from '#db/import-checks';
import { documentIdsByRef, insertAllocations } from '#db/ledger-writes';
import { stageRows, type UpsertCounts, upsertStaged } from '#db/upsert';
import type { JournalType } from '#importers/fec/fec-journals';

// The shells name journal types and read rejected files' problems through the use case.
export { isJournalType, JOURNAL_TYPES, type JournalType } from '#importers/fec/fec-journals';
export type { ImportError } from '#importers/parse-file';

import {
  customerCodeOf,
  FEC_SOURCE,
  type FecLedger,
  reconstructLedger,
} from '#importers/fec/fec-reconstruct';
import { type FecFile, readFecFile } from '#importers/fec/read-fec';
import type { ImportError } from '#importers/parse-file';
import type { AppContext } from './context.ts';
import { DomainError } from './errors.ts';
import { planLetteringSync } from './import-fec-lettering.ts';
import { type FecReconciliation, reconcileFec } from './import-fec-proof.ts';

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
  warnings: string[];
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
    throw new DomainError(
      'invalid_input',
      `customer accounts must be account number prefixes: ${prefixes.join(',')}`,
    );
  const defaultTerms = input.defaultTerms ?? DEFAULT_FEC_TERMS;
  if (!parsePaymentTerms(defaultTerms))
    throw new DomainError('invalid_input', `unknown payment terms: ${defaultTerms}`);
  const read = await readFecFile(input.filePath, {
    customerAccountPrefixes: prefixes,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  if (!read.ok) throw rejection(fileName, read.errors);
  const file: FecFile = { ...read, fileName };
  const fileSha256 = await sha256(input.filePath);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const summary = await writeFec({ ...ctx, db: trx }, file, input, defaultTerms);
      if (input.dryRun) throw new DryRunRollback(summary);
      await trx
        .insertInto('import_runs')
        .values({
          company_id: ctx.companyId,
          entity: 'fec',
          file_name: fileName,
          file_sha256: fileSha256,
          row_count: summary.lines,
          inserted: summary.changes.documentsInserted,
          updated: summary.changes.documentsUpdated,
          unchanged: summary.changes.documentsUnchanged,
          actor: ctx.actor,
        })
        .execute();
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

async function writeFec(
  ctx: AppContext,
  file: FecFile,
  input: ImportFecInput,
  defaultTerms: string,
): Promise<FecImportSummary> {
  const { db, companyId } = ctx;
  const currency = await companyCurrency(db, companyId);
  if (currency === null) throw new DomainError('not_found', `unknown company: ${companyId}`);
  const codes = [...new Set(file.customerLines.map(customerCodeOf))];
  const stored = await customerTermsByCode(db, companyId, codes);
  const problems: ImportError[] = [];
  for (const line of file.customerLines) {
    const customer = stored.get(customerCodeOf(line));
    if (customer && customer.currency !== currency && problems.length < 200)
      problems.push(
        problem(
          file,
          line.line,
          'CompAuxNum',
          customerCodeOf(line),
          `the customer's currency is ${customer.currency}, the books' ${currency}`,
        ),
      );
  }
  if (problems.length > 0) throw rejection(file.fileName, problems);
  const ledger = reconstructLedger(file, {
    currency,
    defaultTerms,
    termsFor: (code) => stored.get(code)?.terms ?? defaultTerms,
    ...(input.journalTypes ? { journalOverrides: input.journalTypes } : {}),
  });
  await widenWorkMemory(db);
  const customersInserted = await insertMissingCustomers(db, companyId, ledger.customers);
  const firstImport = !(await hasSourceDocuments(db, companyId, FEC_SOURCE));
  const counts = await writeDocuments(ctx, file, ledger, firstImport);
  const lettering = await writeLettering(ctx, ledger, firstImport);
  const asOf = file.lastDate ?? ctx.clock.today();
  const { reconciliation, openItems } = await reconcileFec(db, companyId, ledger, asOf);
  return {
    file: file.fileName,
    dryRun: input.dryRun ?? false,
    currency,
    encoding: file.encoding,
    firstDate: file.firstDate,
    lastDate: file.lastDate,
    lines: file.lines,
    entries: file.entries,
    customers: ledger.customers.length,
    documents: countKinds(ledger),
    allocations: lettering.kept + lettering.inserted,
    openItems,
    reconciliation,
    changes: {
      customersInserted,
      documentsInserted: counts.inserted,
      documentsUpdated: counts.updated,
      documentsUnchanged: counts.unchanged,
      allocationsInserted: lettering.inserted,
      allocationsReversed: lettering.reversed,
    },
    journals: ledger.journalTypes,
    warnings: [
      ...file.warnings,
      ...ledger.warnings,
      ...lettering.warnings,
      ...reconciliation.customersWithDifference.map(
        (difference) =>
          `customer ${difference.customerCode}: open items ${difference.sumOpenItemsMinor} ≠ FEC balance ${difference.fecBalanceMinor} (minor units)`,
      ),
    ],
  };
}

/**
 * Stages the file's documents and writes them. A first import (no FEC document yet) inserts them
 * outright: nothing stored can conflict, be updated or be over-allocated, so the comparison, the
 * audit and the checks would only scan an empty set.
 */
async function writeDocuments(
  ctx: AppContext,
  file: FecFile,
  ledger: FecLedger,
  firstImport: boolean,
): Promise<UpsertCounts> {
  const { db, companyId, actor } = ctx;
  await stageRows(db, 'stage_fec_documents', ledger.documents, DOCUMENT_UPSERT.columns);
  if (firstImport) {
    const names = DOCUMENT_UPSERT.columns.map((column) => column.name);
    const inserted = await insertStagedDocuments(db, companyId, 'stage_fec_documents', names);
    return { inserted, updated: 0, unchanged: 0 };
  }
  const problems: ImportError[] = [];
  for (const conflict of await findKindConflicts(db, companyId, 'stage_fec_documents'))
    problems.push(
      problem(
        file,
        conflict.line,
        'JournalCode',
        conflict.ref,
        `this line was imported before as a ${conflict.detail}: use --journal to keep the journal's type`,
      ),
    );
  if (problems.length > 0) throw rejection(file.fileName, problems);
  const counts = await upsertStaged(db, companyId, actor, 'stage_fec_documents', DOCUMENT_UPSERT);
  for (const over of await findOverAllocated(db, companyId, 'stage_fec_documents'))
    problems.push(
      problem(
        file,
        over.line,
        'Debit/Credit',
        over.ref,
        `the new amount is below what is already matched (${over.detail} minor units)`,
      ),
    );
  if (problems.length > 0) throw rejection(file.fileName, problems);
  return counts;
}

interface LetteringResult {
  kept: number;
  inserted: number;
  reversed: number;
  warnings: string[];
}

/**
 * Brings the lettering in line with the file (see planLetteringSync). On a first import no
 * allocation exists yet, so the plan runs on the file's own references (a document's rank stands
 * for its id) and the database resolves the ids while inserting, instead of sending every
 * document id to Node.
 */
async function writeLettering(ctx: AppContext, ledger: FecLedger, firstImport: boolean) {
  const { db, companyId, actor } = ctx;
  if (firstImport) {
    const localIdByRef = new Map(ledger.documents.map((doc, index) => [doc.externalRef, index + 1]));
    const lettering = planLetteringSync(ledger.allocations, ledger.documents, localIdByRef, []);
    const refOf = (localId: number) => ledger.documents[localId - 1]?.externalRef ?? '';
    const inserted = await insertAllocationsByRef(
      db,
      companyId,
      actor,
      FEC_SOURCE,
      lettering.inserts.map((allocation) => ({
        debitRef: refOf(allocation.debitDocumentId),
        creditRef: refOf(allocation.creditDocumentId),
        amountMinor: allocation.amountMinor,
        allocationDate: allocation.allocationDate,
      })),
    );
    return { kept: 0, inserted, reversed: 0, warnings: lettering.warnings } satisfies LetteringResult;
  }
  const idByRef = await documentIdsByRef(db, companyId, FEC_SOURCE);
  const existing = await allocationsTouchingSource(db, companyId, FEC_SOURCE);
  const lettering = planLetteringSync(ledger.allocations, ledger.documents, idByRef, existing);
  await insertAllocations(db, companyId, actor, lettering.reversals);
  await insertAllocations(db, companyId, actor, lettering.inserts);
  return {
    kept: lettering.kept,
    inserted: lettering.inserts.length,
    reversed: lettering.reversals.length,
    warnings: lettering.warnings,
  } satisfies LetteringResult;
}

function countKinds(ledger: FecLedger): FecImportSummary['documents'] {
  const counts = { invoices: 0, creditNotes: 0, payments: 0, other: 0 };
  for (const doc of ledger.documents) {
    if (doc.kind === 'invoice') counts.invoices++;
    else if (doc.kind === 'credit_note') counts.creditNotes++;
    else if (doc.kind === 'payment') counts.payments++;
    else counts.other++;
  }
  return counts;
}

function problem(
  file: FecFile,
  line: number,
  column: string | null,
  value: string | null,
  reason: string,
): ImportError {
  return { file: file.fileName, line, column, value, reason };
}

function rejection(fileName: string, errors: readonly ImportError[]): DomainError {
  const first = errors[0];
  const where = first
    ? ` (first: line ${first.line}${first.column ? `, ${first.column}` : ''}: ${first.reason})`
    : '';
  return new DomainError(
    'import_rejected',
    `${fileName}: rejected, ${errors.length} problem(s); nothing was imported${where}`,
    { errors },
  );
}

async function sha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
