/**
 * The payments of the ledger no bank line was matched to (core/cash/recorded.ts): what a receipt
 * already recorded is recognised against, what its link checks and undoes, and what it shows.
 */
import { type Kysely, sql } from 'kysely';
import type { RecordedPayment } from '#core/cash/recorded';
import type { Database } from '../infra/schema.ts';

/**
 * Payments of one of these amounts (money received, > 0) issued from `from` to `to`, matched to no
 * bank line (no application names them) and not cancelled by a reversal of cash application, with
 * the debits their allocations settle. Reached through the open-item state's indexes: settled
 * documents by the day they were settled (a payment is settled on or after its issue date), and
 * the open credits by amount — not by a scan of every document.
 */
export async function recordedPaymentsOf(
  db: Kysely<Database>,
  companyId: string,
  amountsMinor: readonly number[],
  from: string,
  to: string,
): Promise<RecordedPayment[]> {
  if (amountsMinor.length === 0) return [];
  const result = await sql<Omit<RecordedPayment, 'settledDocumentIds'> & { settledDocumentIds: string[] }>`
    with near as (
      select s.document_id from settled_documents s
      where s.company_id = ${companyId} and s.settled_on >= ${from} and s.issue_date between ${from} and ${to}
      union all
      select o.document_id from open_items o
      where o.company_id = ${companyId} and o.open_minor < 0 and o.issue_date between ${from} and ${to})
    select d.document_id as "documentId", d.customer_code as "customerCode", d.external_ref as ref,
      d.issue_date as "issueDate", d.value_date as "valueDate", -d.amount_minor as "amountMinor", d.currency,
      array(select distinct l.debit_document_id from allocations l
        where l.company_id = d.company_id and l.credit_document_id = d.document_id
        order by l.debit_document_id) as "settledDocumentIds"
    from near n join documents d on d.company_id = ${companyId} and d.document_id = n.document_id
    where d.kind = 'payment' and -d.amount_minor = any(${[...new Set(amountsMinor)]}::int8[])
      and not exists (select 1 from cash_applications a
        where a.company_id = d.company_id and a.payment_document_id = d.document_id)
      and not exists (select 1 from documents c where c.company_id = d.company_id and c.source = 'cash'
        and c.kind = 'adjustment' and c.external_ref = 'CANCEL-' || d.document_id)
    order by d.document_id`.execute(db);
  return result.rows.map((row) => ({ ...row, settledDocumentIds: row.settledDocumentIds.map(Number) }));
}

/** Of these payments, those a bank line is matched to already (an application names them). */
export async function paymentsLinked(
  db: Kysely<Database>,
  companyId: string,
  paymentDocumentIds: readonly number[],
): Promise<Set<number>> {
  if (paymentDocumentIds.length === 0) return new Set();
  const result = await sql<{ documentId: number }>`
    select payment_document_id as "documentId" from cash_applications
    where company_id = ${companyId} and payment_document_id = any(${[...paymentDocumentIds]}::int8[])`.execute(
    db,
  );
  return new Set(result.rows.map((row) => Number(row.documentId)));
}

/**
 * Undoes the links a decision made between a bank line and payments it did not write: the
 * applications go (the payments stay as recorded, free to be matched to another line); the
 * decisions keep the story.
 */
export async function deleteApplicationsOfDecision(
  trx: Kysely<Database>,
  companyId: string,
  decisionId: number,
): Promise<void> {
  await trx
    .deleteFrom('cash_applications')
    .where('company_id', '=', companyId)
    .where('decision_id', '=', decisionId)
    .execute();
}

/** A payment the ledger recorded and what it settles: each debit with the amount its allocations net to. */
export interface RecordedPaymentItems {
  documentId: number;
  ref: string;
  items: { documentId: number; ref: string; kind: string; amountMinor: number }[];
}

/** These payments with the debits their allocations settle (reversed allocations netted out), by issue date. */
export async function recordedPaymentItems(
  db: Kysely<Database>,
  companyId: string,
  paymentDocumentIds: readonly number[],
): Promise<RecordedPaymentItems[]> {
  if (paymentDocumentIds.length === 0) return [];
  const result = await sql<{
    paymentId: number;
    paymentRef: string;
    documentId: number | null;
    ref: string | null;
    kind: string | null;
    amountMinor: string | number | null;
  }>`
    select p.document_id as "paymentId", p.external_ref as "paymentRef", d.document_id as "documentId",
      d.external_ref as ref, d.kind, sum(l.amount_minor)::int8 as "amountMinor"
    from documents p
    left join allocations l on l.company_id = p.company_id and l.credit_document_id = p.document_id
    left join documents d on d.company_id = l.company_id and d.document_id = l.debit_document_id
    where p.company_id = ${companyId} and p.document_id = any(${[...new Set(paymentDocumentIds)]}::int8[])
    group by p.document_id, p.external_ref, d.document_id, d.external_ref, d.kind, d.issue_date
    order by p.document_id, d.issue_date, d.document_id`.execute(db);
  const payments = new Map<number, RecordedPaymentItems>();
  for (const row of result.rows) {
    const paymentId = Number(row.paymentId);
    const payment = payments.get(paymentId) ?? { documentId: paymentId, ref: row.paymentRef, items: [] };
    payments.set(paymentId, payment);
    const amountMinor = Number(row.amountMinor ?? 0);
    if (row.documentId !== null && amountMinor !== 0)
      payment.items.push({
        documentId: Number(row.documentId),
        ref: row.ref ?? '',
        kind: row.kind ?? '',
        amountMinor,
      });
  }
  return [...payments.values()];
}
