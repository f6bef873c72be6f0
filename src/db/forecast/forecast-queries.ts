/**
 * What the payment-date model reads: every invoice with its settlement date, and the signals
 * (disputes, promises, reminders) of the customer events. Settlement date = the date of the
 * allocation that brought the open amount to zero, counting only allocations not reversed; it is
 * "by payment" when a payment made that last allocation (a credit note closing an invoice is not
 * the customer paying). Allocation dates, not payment dates, so that a back-test cut at D sees
 * exactly the matching known at D.
 */
import { type Kysely, sql } from 'kysely';
import type { InvoiceRecord } from '#core/forecast/types';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface ForecastInvoiceRow extends InvoiceRecord {
  salesperson: string | null;
}

export async function selectForecastInvoices(
  db: Kysely<Database>,
  companyId: string,
  issuedUpTo: string,
): Promise<ForecastInvoiceRow[]> {
  const result = await sql<ForecastInvoiceRow>`
    with live as (
      select a.debit_document_id as document_id, a.amount_minor, a.allocation_date, p.kind as credit_kind
        from allocations a
        join documents p on p.company_id = a.company_id and p.document_id = a.credit_document_id
       where a.company_id = ${companyId}
         and a.reverses_allocation_id is null
         and not exists (select 1 from allocations r
                          where r.company_id = a.company_id and r.reverses_allocation_id = a.allocation_id)
    ), per_document as (
      select document_id, sum(amount_minor)::int8 as allocated_minor, max(allocation_date) as last_date
        from live group by document_id
    ), last_kind as (
      select l.document_id, bool_or(l.credit_kind = 'payment') as by_payment
        from live l join per_document pd on pd.document_id = l.document_id and pd.last_date = l.allocation_date
       group by l.document_id
    )
    select d.document_id::int8 as "documentId", d.customer_code as "customerCode",
           c.customer_type as "customerType", c.salesperson as "salesperson",
           d.external_ref as "documentRef", d.issue_date as "issueDate", d.due_date as "dueDate",
           d.amount_minor as "amountMinor", d.currency as "currency",
           case when pd.allocated_minor = d.amount_minor then pd.last_date end as "settledOn",
           coalesce(pd.allocated_minor = d.amount_minor and lk.by_payment, false) as "settledByPayment"
      from documents d
      join customers c on c.company_id = d.company_id and c.code = d.customer_code
      left join per_document pd on pd.document_id = d.document_id
      left join last_kind lk on lk.document_id = d.document_id
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.issue_date <= ${issuedUpTo}::date
     order by d.document_id`.execute(db);
  return result.rows;
}

/** Open amount at the date of each invoice open then, by document id. */
export async function selectOpenInvoiceAmounts(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<Map<number, number>> {
  const result = await sql<{ documentId: number; openMinor: number }>`
    select o.document_id::int8 as "documentId", o.open_minor::int8 as "openMinor"
      from (${openItemsAsOf({ companyId, asOf })}) o
      join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
     where d.kind = 'invoice'`.execute(db);
  return new Map(result.rows.map((row) => [row.documentId, row.openMinor]));
}

export interface InvoiceEventRow {
  documentRef: string;
  customerCode: string;
  kind: 'dispute' | 'promise' | 'reminder';
  eventDate: string;
  detail: string;
}

/** Disputes, promises and reminders recorded on or before the date and naming a document. */
export async function selectInvoiceEvents(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<InvoiceEventRow[]> {
  const result = await sql<InvoiceEventRow>`
    select document_ref as "documentRef", customer_code as "customerCode", kind,
           event_date as "eventDate", detail
      from customer_events
     where company_id = ${companyId} and event_date <= ${asOf}::date
       and kind in ('dispute', 'promise', 'reminder') and document_ref is not null
     order by event_date, event_id`.execute(db);
  return result.rows;
}
