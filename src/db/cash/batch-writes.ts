/**
 * The writes of a batch of automatic matches, a few multi-row statements per batch whatever its
 * size: the receipts locked, the payment and write-off documents, the decisions, their
 * applications and the receipts' new state. Rows travel in chunks so that no statement carries
 * more parameters than the protocol allows.
 */
import { type Kysely, sql } from 'kysely';
import { batches } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import type { NewApplication } from './applications.ts';
import { type DecisionInput, ledgerDocumentRow, type NewLedgerDocument } from './cash-writes.ts';

const CHUNK = 1000;

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
      and status in ('open', 'suggested')
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
      and decision in ('auto', 'accepted', 'corrected')
    group by transaction_id`.execute(trx);
  return new Map(result.rows.map((row) => [row.transactionId, Number(row.count)]));
}

/** Inserts the documents; returns their ids in input order (references are unique per source). */
export async function insertLedgerDocuments(
  trx: Kysely<Database>,
  companyId: string,
  documents: readonly NewLedgerDocument[],
): Promise<number[]> {
  const ids = new Map<string, number>();
  for (const chunk of batches(documents, CHUNK)) {
    const rows = await trx
      .insertInto('documents')
      .values(chunk.map((document) => ledgerDocumentRow(companyId, document)))
      .returning(['document_id', 'source', 'external_ref'])
      .execute();
    for (const row of rows) ids.set(`${row.source}\n${row.external_ref}`, row.document_id);
  }
  return documents.map((document) => {
    const id = ids.get(`${document.source}\n${document.externalRef}`);
    if (id === undefined) throw new Error(`document ${document.externalRef} was not inserted`);
    return id;
  });
}

/** Inserts the decisions; returns their ids in input order (one decision per receipt here). */
export async function insertDecisions(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  decisions: readonly DecisionInput[],
): Promise<number[]> {
  const ids = new Map<number, number>();
  for (const chunk of batches(decisions, CHUNK)) {
    const rows = await trx
      .insertInto('cash_decisions')
      .values(
        chunk.map((decision) => ({
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
        })),
      )
      .returning(['decision_id', 'transaction_id'])
      .execute();
    for (const row of rows) ids.set(row.transaction_id, row.decision_id);
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

export async function insertDecidedApplications(
  trx: Kysely<Database>,
  companyId: string,
  applications: readonly DecidedApplication[],
): Promise<void> {
  for (const chunk of batches(applications, CHUNK))
    await trx
      .insertInto('cash_applications')
      .values(
        chunk.map((application) => ({
          company_id: companyId,
          decision_id: application.decisionId,
          transaction_id: application.transactionId,
          customer_code: application.customerCode,
          payment_document_id: application.paymentDocumentId,
          write_off_document_id: application.writeOffDocumentId,
          amount_minor: application.amountMinor,
        })),
      )
      .execute();
}

export interface AppliedReceipt {
  transactionId: number;
  customerCode: string;
  /** The payment of a receipt applied to one customer; null for a group receipt. */
  paymentDocumentId: number | null;
}

/** These receipts are applied: one update for all, each with its customer and payment. */
export async function markReceiptsApplied(
  trx: Kysely<Database>,
  companyId: string,
  receipts: readonly AppliedReceipt[],
): Promise<void> {
  for (const chunk of batches(receipts, 5000))
    await sql`
      update bank_transactions t set status = 'applied', customer_code = v.customer_code,
        payment_document_id = v.payment_document_id
      from unnest(${chunk.map((r) => r.transactionId)}::int8[], ${chunk.map((r) => r.customerCode)}::text[],
        ${chunk.map((r) => r.paymentDocumentId)}::int8[]) as v(transaction_id, customer_code, payment_document_id)
      where t.company_id = ${companyId} and t.transaction_id = v.transaction_id`.execute(trx);
}
