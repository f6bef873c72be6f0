/**
 * Writes of cash application: suggestions, decisions, what was learned about payers, the receipt's
 * status, and the ledger documents a receipt becomes (a payment, a write-off, a bounced payment).
 * Allocations go through db/ledger/ledger-writes.ts like every other allocation.
 */
import { type Kysely, sql } from 'kysely';
import type { AllocationRecord, LedgerDoc } from '#core/ledger/ledger';
import type { DocumentKind } from '#core/types';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { idRange } from './id-range.ts';

export interface SuggestionRow {
  transactionId: number;
  rank: number;
  customerCode: string;
  confidence: number;
  proposal: unknown;
  evidence: unknown;
}

const SUGGESTION_COLUMNS: readonly ColumnSpec<SuggestionRow>[] = [
  { name: 'transaction_id', type: 'int8', value: (row) => row.transactionId },
  { name: 'rank', type: 'int4', value: (row) => row.rank },
  { name: 'customer_code', type: 'text', value: (row) => row.customerCode },
  { name: 'confidence', type: 'int4', value: (row) => row.confidence },
  { name: 'proposal', type: 'jsonb', value: (row) => row.proposal },
  { name: 'evidence', type: 'jsonb', value: (row) => row.evidence },
];

/**
 * The suggestions of these receipts become the given ones (the latest run wins). The rows travel
 * as one array per column (a batch of receipts brings thousands).
 */
export async function replaceSuggestions(
  trx: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
  rows: readonly SuggestionRow[],
): Promise<void> {
  if (transactionIds.length === 0) return;
  await sql`
    delete from cash_suggestions
    where company_id = ${companyId} and transaction_id = any(${[...transactionIds]}::int8[])
      ${idRange('transaction_id', transactionIds)}`.execute(trx);
  for (const chunk of batches(rows, 5000))
    await sql`
      insert into cash_suggestions (company_id, transaction_id, rank, customer_code, confidence, proposal, evidence)
      select ${companyId}, transaction_id, rank, customer_code, confidence, proposal::jsonb, evidence::jsonb
      from (${unnestSelect(chunk, SUGGESTION_COLUMNS)}) as staged`.execute(trx);
}

export async function setReceiptStatus(
  trx: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
  status: string,
  fields: {
    customerCode?: string | null;
    paymentDocumentId?: number | null;
    bouncedDocumentId?: number | null;
  } = {},
): Promise<void> {
  if (transactionIds.length === 0) return;
  await trx
    .updateTable('bank_transactions')
    .set({
      status,
      ...(fields.customerCode !== undefined ? { customer_code: fields.customerCode } : {}),
      ...(fields.paymentDocumentId !== undefined ? { payment_document_id: fields.paymentDocumentId } : {}),
      ...(fields.bouncedDocumentId !== undefined ? { bounced_document_id: fields.bouncedDocumentId } : {}),
    })
    .where('company_id', '=', companyId)
    .where('transaction_id', 'in', [...transactionIds])
    .execute();
}

export interface DecisionInput {
  transactionId: number;
  decision: 'auto' | 'accepted' | 'corrected' | 'reversed' | 'bounced' | 'ignored';
  customerCode: string | null;
  confidence: number | null;
  proposal: unknown;
  evidence: unknown;
  paymentDocumentId: number | null;
  allocationIds: number[];
}

export async function insertDecision(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  decision: DecisionInput,
): Promise<number> {
  const row = await trx
    .insertInto('cash_decisions')
    .values({
      company_id: companyId,
      transaction_id: decision.transactionId,
      decision: decision.decision,
      customer_code: decision.customerCode,
      confidence: decision.confidence,
      proposal: decision.proposal === null ? null : JSON.stringify(decision.proposal),
      evidence: decision.evidence === null ? null : JSON.stringify(decision.evidence),
      payment_document_id: decision.paymentDocumentId,
      allocation_ids: decision.allocationIds,
      decided_by: actor,
    })
    .returning('decision_id')
    .executeTakeFirstOrThrow();
  return row.decision_id;
}

/** One more confirmation that this payer (IBAN or name variant) pays for this customer. */
export async function teachPayer(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  payer: { kind: 'iban' | 'name'; value: string; customerCode: string; date: string },
): Promise<void> {
  await sql`
    insert into cash_payers (company_id, payer_kind, payer_value, customer_code, confirmations, last_confirmed_on, taught_by)
    values (${companyId}, ${payer.kind}, ${payer.value}, ${payer.customerCode}, 1, ${payer.date}, ${actor})
    on conflict (company_id, payer_kind, payer_value, customer_code) do update
      set confirmations = cash_payers.confirmations + 1,
        last_confirmed_on = greatest(cash_payers.last_confirmed_on, excluded.last_confirmed_on),
        taught_by = excluded.taught_by`.execute(trx);
}

export interface NewLedgerDocument {
  kind: DocumentKind;
  source: string;
  externalRef: string;
  customerCode: string;
  issueDate: string;
  amountMinor: number;
  currency: string;
  label: string | null;
  /** The user who made it (internal audit). */
  createdBy?: string | undefined;
}

/** A document cash application writes (a receipt, a write-off): due and valued the day it is issued. */
export function ledgerDocumentRow(companyId: string, document: NewLedgerDocument) {
  return {
    company_id: companyId,
    kind: document.kind,
    source: document.source,
    external_ref: document.externalRef,
    customer_code: document.customerCode,
    issue_date: document.issueDate,
    due_date: document.issueDate,
    value_date: document.issueDate,
    amount_minor: document.amountMinor,
    currency: document.currency,
    label: document.label,
    created_by: document.createdBy ?? null,
  };
}

export async function insertLedgerDocument(
  trx: Kysely<Database>,
  companyId: string,
  document: NewLedgerDocument,
): Promise<number> {
  const row = await trx
    .insertInto('documents')
    .values(ledgerDocumentRow(companyId, document))
    .returning('document_id')
    .executeTakeFirstOrThrow();
  return row.document_id;
}

/**
 * Locks these documents until the transaction ends (in id order, so two matchings cannot
 * deadlock) and returns them with every allocation touching them: the allocation rules of
 * core/ledger are checked on what nobody can change any more.
 */
export async function lockLedgerDocuments(
  trx: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<{ documents: LedgerDoc[]; allocations: AllocationRecord[] }> {
  if (documentIds.length === 0) return { documents: [], allocations: [] };
  const ids = [...new Set(documentIds)];
  const documents = await sql<LedgerDoc>`
    select document_id as id, kind, customer_code as "customerCode", issue_date as "issueDate",
      due_date as "dueDate", amount_minor as "amountMinor", currency
    from documents where company_id = ${companyId} and document_id = any(${ids}::int8[])
    order by document_id for update`.execute(trx);
  const allocations = await sql<AllocationRecord>`
    select allocation_id as id, debit_document_id as "debitId", credit_document_id as "creditId",
      amount_minor as "amountMinor", allocation_date as "allocationDate", reverses_allocation_id as "reversesId"
    from allocations where company_id = ${companyId}
      and (debit_document_id = any(${ids}::int8[]) or credit_document_id = any(${ids}::int8[]))`.execute(trx);
  return { documents: documents.rows, allocations: allocations.rows };
}

/** Allocations of these ids not yet reversed (for a reversal). */
export async function unreversedAllocations(
  trx: Kysely<Database>,
  companyId: string,
  allocationIds: readonly number[],
): Promise<AllocationRecord[]> {
  if (allocationIds.length === 0) return [];
  const result = await sql<AllocationRecord>`
    select a.allocation_id as id, a.debit_document_id as "debitId", a.credit_document_id as "creditId",
      a.amount_minor as "amountMinor", a.allocation_date as "allocationDate", a.reverses_allocation_id as "reversesId"
    from allocations a
    where a.company_id = ${companyId} and a.allocation_id = any(${[...allocationIds]}::int8[])
      and a.reverses_allocation_id is null
      and not exists (select 1 from allocations r where r.company_id = a.company_id and r.reverses_allocation_id = a.allocation_id)
    order by a.allocation_id`.execute(trx);
  return result.rows;
}

/** Every allocation of a payment document not yet reversed. */
export async function allocationIdsOfCredit(
  trx: Kysely<Database>,
  companyId: string,
  creditDocumentId: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('allocations')
    .select('allocation_id')
    .where('company_id', '=', companyId)
    .where('credit_document_id', '=', creditDocumentId)
    .where('reverses_allocation_id', 'is', null)
    .execute();
  return rows.map((row) => row.allocation_id);
}

/** How many times this receipt was applied (a reversal makes room for another). */
export async function appliedCount(
  trx: Kysely<Database>,
  companyId: string,
  transactionId: number,
): Promise<number> {
  const row = await trx
    .selectFrom('cash_decisions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('company_id', '=', companyId)
    .where('transaction_id', '=', transactionId)
    .where('decision', 'in', ['auto', 'accepted', 'corrected'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface LatestApplication {
  decisionId: number;
  decision: string;
  customerCode: string | null;
  paymentDocumentId: number | null;
  allocationIds: number[];
  /** The write-off document the match created, if any (kept in its proposal). */
  writeOffDocumentId: number | null;
  /** The match linked the line to a payment the ledger recorded before (it wrote no document). */
  recorded: boolean;
  /** That payment's reference (kept in the proposal), null for a match that wrote its payment. */
  recordedRef: string | null;
}

/** The decision that applied the receipt last, if it is still in force (not reversed since). */
export async function latestApplication(
  trx: Kysely<Database>,
  companyId: string,
  transactionId: number,
): Promise<LatestApplication | null> {
  const row = await trx
    .selectFrom('cash_decisions')
    .select(['decision_id', 'decision', 'customer_code', 'payment_document_id', 'allocation_ids', 'proposal'])
    .where('company_id', '=', companyId)
    .where('transaction_id', '=', transactionId)
    .orderBy('decision_id', 'desc')
    .executeTakeFirst();
  if (!row || !['auto', 'accepted', 'corrected'].includes(row.decision)) return null;
  return {
    decisionId: row.decision_id,
    decision: row.decision,
    customerCode: row.customer_code,
    paymentDocumentId: row.payment_document_id,
    allocationIds: row.allocation_ids.map(Number),
    writeOffDocumentId:
      (row.proposal as { writeOffDocumentId?: number | null } | null)?.writeOffDocumentId ?? null,
    ...recordedOf(row.proposal as { method?: string; recorded?: { ref?: string } } | null),
  };
}

function recordedOf(proposal: { method?: string; recorded?: { ref?: string } } | null) {
  const recorded = proposal?.method === 'recorded';
  return { recorded, recordedRef: recorded ? (proposal?.recorded?.ref ?? '') : null };
}

export async function suggestionOf(
  db: Kysely<Database>,
  companyId: string,
  transactionId: number,
  rank: number,
): Promise<{ proposal: unknown; evidence: unknown } | null> {
  const row = await db
    .selectFrom('cash_suggestions')
    .select(['proposal', 'evidence'])
    .where('company_id', '=', companyId)
    .where('transaction_id', '=', transactionId)
    .where('rank', '=', rank)
    .executeTakeFirst();
  return row ?? null;
}
