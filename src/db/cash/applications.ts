/**
 * The payment documents a bank line became (migration 0019): one per customer it was applied to —
 * several for a group receipt — with the decision that wrote them and the one that reversed them.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface NewApplication {
  customerCode: string;
  paymentDocumentId: number;
  writeOffDocumentId: number | null;
  amountMinor: number;
}

export async function insertApplications(
  trx: Kysely<Database>,
  companyId: string,
  decisionId: number,
  transactionId: number,
  applications: readonly NewApplication[],
): Promise<void> {
  if (applications.length === 0) return;
  await trx
    .insertInto('cash_applications')
    .values(
      applications.map((application) => ({
        company_id: companyId,
        decision_id: decisionId,
        transaction_id: transactionId,
        customer_code: application.customerCode,
        payment_document_id: application.paymentDocumentId,
        write_off_document_id: application.writeOffDocumentId,
        amount_minor: application.amountMinor,
      })),
    )
    .execute();
}

export interface ApplicationRow extends NewApplication {
  transactionId: number;
  decisionId: number;
  customerName: string | null;
}

/** The applications in force (not reversed) of these bank lines, in the order they were written. */
export async function applicationsInForce(
  db: Kysely<Database>,
  companyId: string,
  transactionIds: readonly number[],
): Promise<ApplicationRow[]> {
  if (transactionIds.length === 0) return [];
  const result = await sql<ApplicationRow>`
    select a.transaction_id as "transactionId", a.decision_id as "decisionId", a.customer_code as "customerCode",
      c.name as "customerName", a.payment_document_id as "paymentDocumentId",
      a.write_off_document_id as "writeOffDocumentId", a.amount_minor as "amountMinor"
    from cash_applications a
    left join customers c on c.company_id = a.company_id and c.code = a.customer_code
    where a.company_id = ${companyId} and a.transaction_id = any(${[...transactionIds]}::int8[])
      and a.reversed_by_decision_id is null
    order by a.transaction_id, a.application_id`.execute(db);
  return result.rows;
}

/** How a match was decided: by the matching (with its confidence) or by a person (named when a user). */
export interface DecisionDetailRow {
  decisionId: number;
  decision: string;
  confidence: number | null;
  decidedAt: Date;
  decidedBy: string;
  /** The user's name when the decider is a user of the company. */
  deciderName: string | null;
  /** The match linked the line to a payment the ledger recorded before (method `recorded`). */
  recorded: boolean;
}

/** An item a decision settled (an invoice, or a debit adjustment), with the amount settled on it. */
export interface SettledItemRow {
  decisionId: number;
  customerCode: string;
  documentId: number;
  ref: string;
  kind: string;
  amountMinor: number;
}

/**
 * The decisions that wrote these applications and the debit items each settled: its allocations
 * summed per item (the payment, a credit note netted and a write-off may each settle part of one).
 */
export async function decisionDetails(
  db: Kysely<Database>,
  companyId: string,
  decisionIds: readonly number[],
): Promise<{ decisions: DecisionDetailRow[]; items: SettledItemRow[] }> {
  if (decisionIds.length === 0) return { decisions: [], items: [] };
  const ids = [...new Set(decisionIds)];
  const decisions = await sql<DecisionDetailRow>`
    select k.decision_id as "decisionId", k.decision, k.confidence, k.decided_at as "decidedAt",
      k.decided_by as "decidedBy", u.name as "deciderName",
      coalesce(k.proposal->>'method' = 'recorded', false) as recorded
    from cash_decisions k
    left join users u on u.company_id = k.company_id and u.email = k.decided_by
    where k.company_id = ${companyId} and k.decision_id = any(${ids}::int8[])`.execute(db);
  const items = await sql<SettledItemRow>`
    select k.decision_id as "decisionId", d.customer_code as "customerCode", d.document_id as "documentId",
      d.external_ref as ref, d.kind, sum(l.amount_minor)::int8 as "amountMinor"
    from cash_decisions k
    join allocations l on l.company_id = k.company_id and l.allocation_id = any(k.allocation_ids)
    join documents d on d.company_id = l.company_id and d.document_id = l.debit_document_id
    where k.company_id = ${companyId} and k.decision_id = any(${ids}::int8[])
    group by k.decision_id, d.customer_code, d.document_id, d.external_ref, d.kind, d.issue_date
    order by k.decision_id, d.issue_date, d.document_id`.execute(db);
  return {
    decisions: decisions.rows,
    items: items.rows.map((row) => ({ ...row, amountMinor: Number(row.amountMinor) })),
  };
}

export async function markApplicationsReversed(
  trx: Kysely<Database>,
  companyId: string,
  decisionId: number,
  reversalDecisionId: number,
): Promise<void> {
  await trx
    .updateTable('cash_applications')
    .set({ reversed_by_decision_id: reversalDecisionId })
    .where('company_id', '=', companyId)
    .where('decision_id', '=', decisionId)
    .where('reversed_by_decision_id', 'is', null)
    .execute();
}

/** Records the bounced-payment document of each payment that came back (migration 0034). */
export async function markApplicationsBounced(
  trx: Kysely<Database>,
  companyId: string,
  bounces: readonly { paymentDocumentId: number; bouncedDocumentId: number }[],
): Promise<void> {
  for (const bounce of bounces)
    await trx
      .updateTable('cash_applications')
      .set({ bounced_document_id: bounce.bouncedDocumentId })
      .where('company_id', '=', companyId)
      .where('payment_document_id', '=', bounce.paymentDocumentId)
      .execute();
}

/** The bank line that brought this payment and how many customers that line was applied to. */
export async function transactionOfPayment(
  db: Kysely<Database>,
  companyId: string,
  paymentDocumentId: number,
): Promise<{ transactionId: number; customers: number } | null> {
  const result = await sql<{ transactionId: number; customers: number }>`
    select a.transaction_id as "transactionId",
      (select count(*) from cash_applications b where b.company_id = a.company_id
        and b.decision_id = a.decision_id)::int8 as customers
    from cash_applications a
    where a.company_id = ${companyId} and a.payment_document_id = ${paymentDocumentId}`.execute(db);
  const row = result.rows[0];
  return row ? { transactionId: row.transactionId, customers: Number(row.customers) } : null;
}

/**
 * The group parent of each of these customers: the customer its file names as its group (when
 * that customer exists), else itself — a parent, or a customer alone.
 */
export async function groupParents(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
): Promise<Map<string, string>> {
  if (customerCodes.length === 0) return new Map();
  const result = await sql<{ code: string; parentCode: string }>`
    select c.code, coalesce(p.code, c.code) as "parentCode"
    from customers c left join customers p on p.company_id = c.company_id and p.code = c.group_code
    where c.company_id = ${companyId} and c.code = any(${[...customerCodes]}::text[])`.execute(db);
  return new Map(result.rows.map((row) => [row.code, row.parentCode]));
}
