/**
 * The writes of a batch of automatic matches, a few multi-row statements per batch whatever its
 * size: the receipts locked, the payment and write-off documents, the decisions, their
 * applications and the receipts' new state. Rows travel in chunks so that no statement carries
 * more parameters than the protocol allows.
 */
import { type Kysely, sql } from 'kysely';
import type { AllocationRecord, LedgerDoc } from '#core/ledger/ledger';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import type { NewApplication } from './applications.ts';
import type { DecisionInput, NewLedgerDocument } from './cash-writes.ts';
import { idRange } from './id-range.ts';

const CHUNK = 1000;

/**
 * Brings the planner's statistics of the receipts up to date: a run of many batches reads its
 * receipts in id order (`receiptsToApply`), which on statistics taken before a statement of
 * 100,000 lines was imported the planner reads through the status index, every receipt still to
 * apply and a sort for each batch. A table the autovacuum is analysing meanwhile is left to it.
 */
export async function refreshReceiptStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze (skip_locked) bank_transactions`.execute(db);
}

/**
 * Locks these receipts (in id order, like every other writer of a receipt) and returns those still
 * to apply: one a person applied, or another run, since they were read is left alone.
 */
export async function lockReceiptsToApply(
  trx: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
): Promise<Set<number>> {
  if (transactionIds.length === 0) return new Set();
  const result = await sql<{ transactionId: number }>`
    select transaction_id as "transactionId" from bank_transactions
    where company_id = ${companyId} and transaction_id = any(${[...transactionIds]}::int8[])
      ${idRange('transaction_id', transactionIds)} and status in ('open', 'suggested')
    order by transaction_id for update`.execute(trx);
  return new Set(result.rows.map((row) => row.transactionId));
}

/** How many times each of these receipts was applied (a reversal makes room for another). */
export async function appliedCounts(
  trx: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
): Promise<Map<number, number>> {
  if (transactionIds.length === 0) return new Map();
  const result = await sql<{ transactionId: number; count: number }>`
    select transaction_id as "transactionId", count(*)::int8 as count from cash_decisions
    where company_id = ${companyId} and transaction_id = any(${[...transactionIds]}::int8[])
      ${idRange('transaction_id', transactionIds)} and decision in ('auto', 'accepted', 'corrected')
    group by transaction_id`.execute(trx);
  return new Map(result.rows.map((row) => [row.transactionId, Number(row.count)]));
}

/** Locks these documents (in id order, like every writer of the ledger) and returns them. */
export async function lockDocuments(
  trx: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<LedgerDoc[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<LedgerDoc>`
    select document_id as id, kind, customer_code as "customerCode", issue_date as "issueDate",
      due_date as "dueDate", amount_minor as "amountMinor", currency
    from documents where company_id = ${companyId} and document_id = any(${[...new Set(documentIds)]}::int8[])
    order by document_id for update`.execute(trx);
  return result.rows;
}

/** What the open-item state (0003's triggers) holds of a document still open. */
export interface OpenItemStateRow {
  documentId: number;
  openMinor: number;
  /** The date of its latest allocation (reversals included); null when it was never allocated. */
  lastAllocationDate: string | null;
}

/**
 * The open-item state of these documents (those still open; a settled one has no row). Read after
 * the documents are locked, in a statement of its own: its snapshot then holds every allocation
 * committed before the locks were granted.
 */
export async function openItemStates(
  trx: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<OpenItemStateRow[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<OpenItemStateRow>`
    select document_id as "documentId", open_minor as "openMinor", last_allocation_date as "lastAllocationDate"
    from open_items where company_id = ${companyId} and document_id = any(${[...new Set(documentIds)]}::int8[])`.execute(
    trx,
  );
  return result.rows;
}

/** Every allocation touching these documents, either side. */
export async function allocationsTouching(
  trx: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<AllocationRecord[]> {
  if (documentIds.length === 0) return [];
  const ids = [...new Set(documentIds)];
  const result = await sql<AllocationRecord>`
    select allocation_id as id, debit_document_id as "debitId", credit_document_id as "creditId",
      amount_minor as "amountMinor", allocation_date as "allocationDate", reverses_allocation_id as "reversesId"
    from allocations where company_id = ${companyId}
      and (debit_document_id = any(${ids}::int8[]) or credit_document_id = any(${ids}::int8[]))`.execute(trx);
  return result.rows;
}

const DOCUMENT_COLUMNS: readonly ColumnSpec<NewLedgerDocument>[] = [
  { name: 'kind', type: 'text', value: (document) => document.kind },
  { name: 'source', type: 'text', value: (document) => document.source },
  { name: 'external_ref', type: 'text', value: (document) => document.externalRef },
  { name: 'customer_code', type: 'text', value: (document) => document.customerCode },
  { name: 'issue_date', type: 'date', value: (document) => document.issueDate },
  { name: 'amount_minor', type: 'int8', value: (document) => document.amountMinor },
  { name: 'currency', type: 'text', value: (document) => document.currency },
  { name: 'label', type: 'text', value: (document) => document.label },
  { name: 'created_by', type: 'text', value: (document) => document.createdBy ?? null },
];

/**
 * Inserts the documents (as `ledgerDocumentRow` shapes them: due and valued the day they are
 * issued); returns their ids in input order (references are unique per source). Rows travel as
 * one array per column: the server parses a few arrays instead of a value list of thousands of
 * parameters (about a fifth of the statement's work).
 */
export async function insertLedgerDocuments(
  trx: Kysely<Database>,
  companyId: string,
  documents: readonly NewLedgerDocument[],
): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const chunk of batches(documents, CHUNK)) {
    const result = await sql<{ document_id: number; source: string; external_ref: string }>`
      insert into documents (company_id, kind, source, external_ref, customer_code, issue_date, due_date,
        value_date, amount_minor, currency, label, created_by)
      select ${companyId}, kind, source, external_ref, customer_code, issue_date, issue_date, issue_date,
        amount_minor, currency, label, created_by
      from (${unnestSelect(chunk, DOCUMENT_COLUMNS)}) as staged
      returning document_id, source, external_ref`.execute(trx);
    for (const row of result.rows) ids.set(`${row.source}\n${row.external_ref}`, row.document_id);
  }
  return documents.map((document) => {
    const id = ids.get(`${document.source}\n${document.externalRef}`);
    if (id === undefined) throw new Error(`document ${document.externalRef} was not inserted`);
    return id;
  });
}

const DECISION_COLUMNS: readonly ColumnSpec<DecisionInput>[] = [
  { name: 'transaction_id', type: 'int8', value: (decision) => decision.transactionId },
  { name: 'decision', type: 'text', value: (decision) => decision.decision },
  { name: 'customer_code', type: 'text', value: (decision) => decision.customerCode },
  { name: 'confidence', type: 'int4', value: (decision) => decision.confidence },
  { name: 'proposal', type: 'jsonb', value: (decision) => decision.proposal },
  { name: 'evidence', type: 'jsonb', value: (decision) => decision.evidence },
  { name: 'payment_document_id', type: 'int8', value: (decision) => decision.paymentDocumentId },
  { name: 'allocation_ids', type: 'text[]', value: (decision) => decision.allocationIds },
];

/** Inserts the decisions; returns their ids in input order (one decision per receipt here). */
export async function insertDecisions(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  decisions: readonly DecisionInput[],
): Promise<number[]> {
  const ids = new Map<number, number>();
  for (const chunk of batches(decisions, CHUNK)) {
    // The allocation ids travel as JSON text (an array of arrays cannot be unnested one level).
    const result = await sql<{ decision_id: number; transaction_id: number }>`
      insert into cash_decisions (company_id, transaction_id, decision, customer_code, confidence, proposal,
        evidence, payment_document_id, allocation_ids, decided_by)
      select ${companyId}, transaction_id, decision, customer_code, confidence, proposal::jsonb, evidence::jsonb,
        payment_document_id, array(select jsonb_array_elements_text(allocation_ids::jsonb)::int8), ${actor}
      from (${unnestSelect(chunk, DECISION_COLUMNS)}) as staged
      returning decision_id, transaction_id`.execute(trx);
    for (const row of result.rows) ids.set(row.transaction_id, row.decision_id);
  }
  return decisions.map((decision) => {
    const id = ids.get(decision.transactionId);
    if (id === undefined) throw new Error(`decision of ${decision.transactionId} was not inserted`);
    return id;
  });
}

export interface DecidedApplication extends NewApplication {
  decisionId: number;
  transactionId: number;
}

const APPLICATION_COLUMNS: readonly ColumnSpec<DecidedApplication>[] = [
  { name: 'decision_id', type: 'int8', value: (application) => application.decisionId },
  { name: 'transaction_id', type: 'int8', value: (application) => application.transactionId },
  { name: 'customer_code', type: 'text', value: (application) => application.customerCode },
  { name: 'payment_document_id', type: 'int8', value: (application) => application.paymentDocumentId },
  { name: 'write_off_document_id', type: 'int8', value: (application) => application.writeOffDocumentId },
  { name: 'amount_minor', type: 'int8', value: (application) => application.amountMinor },
];

export async function insertDecidedApplications(
  trx: Kysely<Database>,
  companyId: string,
  applications: readonly DecidedApplication[],
): Promise<void> {
  const names = APPLICATION_COLUMNS.map((column) => sql.ref(column.name));
  for (const chunk of batches(applications, CHUNK))
    await sql`
      insert into cash_applications (company_id, ${sql.join(names)})
      select ${companyId}, ${sql.join(names)} from (${unnestSelect(chunk, APPLICATION_COLUMNS)}) as staged`.execute(
      trx,
    );
}

export interface AppliedReceipt {
  transactionId: number;
  customerCode: string;
  /** The payment of a receipt applied to one customer; null for a group receipt. */
  paymentDocumentId: number | null;
}

/** A receipt's state after a batch: applied (to a customer, with its payment), suggested or open again. */
export interface ReceiptOutcome {
  transactionId: number;
  status: 'applied' | 'suggested' | 'open';
  /** Of an applied receipt (left as they are for the others). */
  applied: AppliedReceipt | null;
}

/**
 * The state of a batch's receipts, one update for all: an applied one gets its status, customer
 * and payment; another its status, when it is not already in it (a second run mostly leaves its
 * suggestions). Rows are found by the primary key's range (id-range.ts).
 */
export async function setReceiptOutcomes(
  trx: Kysely<Database>,
  companyId: string,
  receipts: readonly ReceiptOutcome[],
): Promise<void> {
  for (const chunk of batches(receipts, 5000)) {
    const ids = chunk.map((r) => r.transactionId);
    await sql`
      update bank_transactions t set status = v.status,
        customer_code = case when v.applied then v.customer_code else t.customer_code end,
        payment_document_id = case when v.applied then v.payment_document_id else t.payment_document_id end
      from unnest(${ids}::int8[], ${chunk.map((r) => r.status)}::text[], ${chunk.map((r) => r.applied !== null)}::bool[],
        ${chunk.map((r) => r.applied?.customerCode ?? null)}::text[],
        ${chunk.map((r) => r.applied?.paymentDocumentId ?? null)}::int8[])
        as v(transaction_id, status, applied, customer_code, payment_document_id)
      where t.company_id = ${companyId} and t.transaction_id = any(${ids}::int8[])
        ${idRange('t.transaction_id', ids)} and t.transaction_id = v.transaction_id
        and (v.applied or t.status <> v.status)`.execute(trx);
  }
}
