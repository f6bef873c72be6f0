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
