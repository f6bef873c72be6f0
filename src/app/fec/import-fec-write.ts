/**
 * Writing a staged FEC into the ledger, inside the import's transaction: the customers it names,
 * its documents (inserted outright on a first import, upserted otherwise), and the lettering.
 */
import { computeDueDate } from '#core/ledger/payment-terms';
import {
  FEC_DOCUMENT_STAGE,
  findCurrencyConflicts,
  insertStagedAllocations,
  stageDocuments,
  stageLetterAllocations,
  termsBasesToResolve,
  unknownStagedCustomers,
} from '#db/fec/fec-rebuild';
import {
  allocationsTouchingSource,
  type CustomerRange,
  indexStagedByCustomer,
  insertMissingCustomers,
  insertStagedDocuments,
  nextCustomerRange,
  stagedAllocations,
  stagedDocumentsWithIds,
} from '#db/fec/fec-writes';
import { DOCUMENT_UPSERT } from '#db/imports/entity-columns';
import { findKindConflicts, findOverAllocated } from '#db/imports/import-checks';
import { type UpsertCounts, upsertStaged } from '#db/imports/upsert';
import { insertAllocations } from '#db/ledger/ledger-writes';
import { FEC_SOURCE, newFecCustomer } from '#importers/fec/fec-reconstruct';
import type { FecWarning } from '#importers/fec/fec-warnings';
import type { ImportError } from '#importers/parse-file';
import { type Problem, problem as problemOf } from '#importers/problems';
import { placeProblem } from '#importers/row-context';
import { translator } from '#text/catalogue';
import { importProblemMessage } from '#text/import-problems';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type ImportChannel, type ImportLang, wordProblems } from '../imports/import-problems.ts';
import { MAX_WARNINGS, planLetteringSync } from './import-fec-lettering.ts';

/** Inserts the customers the file names and Encours does not know; rejects a foreign currency. */
export async function writeCustomers(
  ctx: AppContext,
  fileName: string,
  currency: string,
  defaultTerms: string,
  lang: ImportLang = 'fr',
  channel: ImportChannel = 'cli',
): Promise<number> {
  const { db, companyId } = ctx;
  const conflicts = await findCurrencyConflicts(db, companyId, currency);
  rejectRows(fileName, lang, channel, conflicts, 'CompAuxNum', (conflict) => [
    conflict.code,
    problemOf('fec_currency_conflict', { customerCurrency: conflict.currency, currency }),
  ]);
  const unknown = await unknownStagedCustomers(db, companyId);
  const customers = unknown.map((customer) =>
    newFecCustomer(customer.code, customer.name, customer.line, currency, defaultTerms),
  );
  return insertMissingCustomers(db, companyId, customers);
}

/**
 * Builds the file's documents from the staged lines and writes them. A first import (no FEC
 * document yet) inserts them outright: nothing stored can conflict, be updated or be
 * over-allocated, so the comparison, the audit and the checks would only scan an empty set.
 */
export async function writeDocuments(
  ctx: AppContext,
  fileName: string,
  currency: string,
  firstImport: boolean,
  lang: ImportLang = 'fr',
  channel: ImportChannel = 'cli',
): Promise<UpsertCounts> {
  const { db, companyId, actor } = ctx;
  // Due dates are computed once per (date, terms) pair: a ledger has few of them.
  const bases = await termsBasesToResolve(db, companyId);
  const dueDates = bases.map((base) => ({ ...base, dueDate: computeDueDate(base.termsBase, base.terms) }));
  await stageDocuments(db, companyId, currency, dueDates);
  if (firstImport) {
    const names = DOCUMENT_UPSERT.columns.map((column) => column.name);
    const inserted = await insertStagedDocuments(db, companyId, FEC_DOCUMENT_STAGE, names);
    return { inserted, updated: 0, unchanged: 0 };
  }
  const conflicts = await findKindConflicts(db, companyId, FEC_DOCUMENT_STAGE);
  // Its remedy names how the reader's channel sets a journal's type (--journal, journals=…).
  rejectRows(fileName, lang, channel, conflicts, 'JournalCode', (conflict) => [
    conflict.ref,
    problemOf('fec_kind_conflict', { kind: conflict.detail }),
  ]);
  const counts = await upsertStaged(db, companyId, actor, FEC_DOCUMENT_STAGE, DOCUMENT_UPSERT);
  const over = await findOverAllocated(db, companyId, FEC_DOCUMENT_STAGE);
  rejectRows(fileName, lang, channel, over, 'Debit/Credit', (row) => [
    row.ref,
    problemOf('amount_below_matched', { matchedMinor: Number(row.detail), currency }),
  ]);
  return counts;
}

export interface LetteringResult {
  kept: number;
  inserted: number;
  reversed: number;
  warnings: FecWarning[];
}

/**
 * Customers whose lettering a re-import brings in line at a time: what Node holds (their
 * documents, allocations and letter groups) stays bounded however large the file. Tests lower it.
 */
export const letteringBatch = { customers: 2000 };

/**
 * Brings the lettering in line with the file (see planLetteringSync). On a first import no
 * allocation exists yet, so the allocations the letter groups imply are inserted as they are,
 * in the database; otherwise the plan runs in Node, one slice of customers at a time (a letter
 * group never spans customers, so the slices' plans are the whole file's plan).
 */
export async function writeLettering(ctx: AppContext, firstImport: boolean): Promise<LetteringResult> {
  const { db, companyId } = ctx;
  await stageLetterAllocations(db);
  if (firstImport) {
    const inserted = await insertStagedAllocations(db, companyId, ctx.actor, FEC_SOURCE);
    return { kept: 0, inserted, reversed: 0, warnings: [] };
  }
  await indexStagedByCustomer(db);
  const result: LetteringResult = { kept: 0, inserted: 0, reversed: 0, warnings: [] };
  // The first warnings in the file's order (the letter groups' ranks), as one plan would give them.
  let warnings: { rank: number; warning: FecWarning }[] = [];
  for (
    let range = await nextCustomerRange(db, null, letteringBatch.customers);
    range !== null;
    range = await nextCustomerRange(db, range.upTo, letteringBatch.customers)
  ) {
    const batch = await writeLetteringOf(ctx, range);
    result.kept += batch.kept;
    result.inserted += batch.inserted;
    result.reversed += batch.reversed;
    warnings = [...warnings, ...batch.warnings].sort((a, b) => a.rank - b.rank).slice(0, MAX_WARNINGS);
  }
  result.warnings = warnings.map(({ warning }) => warning);
  return result;
}

async function writeLetteringOf(ctx: AppContext, customers: CustomerRange) {
  const { db, companyId, actor } = ctx;
  const desired = await stagedAllocations(db, customers);
  const documents = await stagedDocumentsWithIds(db, companyId, customers);
  const existing = await allocationsTouchingSource(db, companyId, FEC_SOURCE, customers);
  const lettering = planLetteringSync(desired, documents, existing);
  await insertAllocations(db, companyId, actor, lettering.reversals);
  await insertAllocations(db, companyId, actor, lettering.inserts);
  return {
    kept: lettering.kept,
    inserted: lettering.inserts.length,
    reversed: lettering.reversals.length,
    warnings: lettering.warnings.map((warning, i) => ({
      rank: desired[lettering.warnedAt[i] ?? 0]?.rank ?? 0,
      warning,
    })),
  };
}

/** Rejects the file when rows of it break a rule: each row is a problem on its line. */
function rejectRows<Row extends { line: number }>(
  fileName: string,
  lang: ImportLang,
  channel: ImportChannel,
  rows: readonly Row[],
  column: string,
  describe: (row: Row) => [value: string | null, found: Problem],
): void {
  if (rows.length === 0) return;
  const errors = rows.map((row) => placeProblem(fileName, row.line, column, ...describe(row)));
  throw rejection(fileName, errors, lang, channel);
}

/**
 * A rejected FEC: its problems worded in `lang` for a reader of `channel`, the first of them in
 * the error's own sentence too (the only one a reader of the message alone sees). `headline` says
 * what failed: an import (nothing imported), or a reconciliation, which imports nothing anyway.
 */
export function rejection(
  fileName: string,
  errors: readonly ImportError[],
  lang: ImportLang = 'fr',
  channel: ImportChannel = 'cli',
  headline: 'fec_rejected' | 'fec_reconcile_rejected' = 'fec_rejected',
): DomainError {
  const worded = wordProblems(errors, lang, channel);
  const first = worded[0];
  const t = translator(lang);
  const line = first && t('importProblem.firstProblem', { line: String(first.line) });
  const place = first ? `${line}${first.column ? `, ${first.column}` : ''}` : '';
  const where = first ? ` (${t('common.labelled', { label: place, value: first.reason })})` : '';
  return new DomainError(
    'import_rejected',
    `${importProblemMessage(lang, headline, { file: fileName, count: errors.length })}${where}`,
    { errors: worded },
  );
}
