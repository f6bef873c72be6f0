/**
 * The promises to pay of the customers' imported story (`customer_events` of kind 'promise'), and
 * the payments that tell whether they were kept (core/dunning/imported-promises.ts). Read only: the
 * dunning state, the agenda and the forecast read the promises recorded in Encours, not these.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ImportedPromiseRow {
  eventId: number;
  customerCode: string;
  customerName: string;
  /** The customer's currency: the ledger the payments are read in. */
  currency: string;
  /** The line's date: the day of the call. */
  madeOn: string;
  documentRef: string | null;
  detail: string;
}

/**
 * The 'promise' lines up to the date that Encours did not write, newest first. Encours's own lines
 * (a promise recorded, a promise found broken) carry their catalogue message; those written before
 * lines had one (migration 0067) are told apart by what Encours recorded that day: a promise made on
 * the line's day, or a broken-promise task due on it.
 */
export async function selectImportedPromises(
  db: Kysely<Database>,
  companyId: string,
  filter: { asOf: string; salesperson?: string | undefined; customerCode?: string | undefined },
): Promise<ImportedPromiseRow[]> {
  const result = await sql<ImportedPromiseRow>`
    select e.event_id::int8 as "eventId", e.customer_code as "customerCode", c.name as "customerName",
      c.currency, e.event_date as "madeOn", e.document_ref as "documentRef", e.detail
    from customer_events e
    join customers c on c.company_id = e.company_id and c.code = e.customer_code
    where e.company_id = ${companyId} and e.kind = 'promise' and e.message_key is null
      and e.event_date <= ${filter.asOf}::date
      and not exists (select 1 from dunning_promises p where p.company_id = e.company_id
        and p.customer_code = e.customer_code and p.made_on = e.event_date)
      and not exists (select 1 from dunning_call_tasks t where t.company_id = e.company_id
        and t.customer_code = e.customer_code and t.kind = 'broken_promise' and t.due_date = e.event_date)
      ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
      ${filter.customerCode !== undefined ? sql`and e.customer_code = ${filter.customerCode}` : sql``}
    order by e.event_date desc, e.event_id desc`.execute(db);
  return result.rows;
}

/**
 * The customers' payments up to the date, by date: a bounced payment with a negative amount, since
 * a payment that bounced did not pay what was promised.
 */
export async function selectPaymentsNetOfBounces(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
  asOf: string,
): Promise<{ customerCode: string; date: string; amountMinor: number }[]> {
  if (customerCodes.length === 0) return [];
  const result = await sql<{ customerCode: string; date: string; amountMinor: number }>`
    select customer_code as "customerCode", issue_date as date, (-amount_minor)::int8 as "amountMinor"
    from documents
    where company_id = ${companyId} and kind in ('payment', 'bounced_payment')
      and issue_date <= ${asOf}::date and customer_code = any (${[...customerCodes]}::text[])
    order by customer_code, issue_date`.execute(db);
  return result.rows;
}

/** An invoice a promise line names: one row per allocation up to the date (none: `allocatedOn` null). */
export interface NamedInvoiceRow {
  documentId: number;
  customerCode: string;
  ref: string;
  amountMinor: number;
  allocatedOn: string | null;
  allocatedMinor: number | null;
}

/**
 * The customers' invoices issued up to the date whose reference (upper case) is one of the words
 * asked for that customer, with their allocations up to the date (a reversal negative), by invoice
 * and date. `wanted` pairs a customer with a word (core/dunning/imported-promise-invoices.ts).
 */
export async function selectNamedInvoices(
  db: Kysely<Database>,
  companyId: string,
  wanted: readonly { customerCode: string; word: string }[],
  asOf: string,
): Promise<NamedInvoiceRow[]> {
  if (wanted.length === 0) return [];
  const result = await sql<NamedInvoiceRow>`
    select d.document_id::int8 as "documentId", d.customer_code as "customerCode", d.external_ref as ref,
      d.amount_minor::int8 as "amountMinor", a.allocation_date as "allocatedOn",
      a.amount_minor::int8 as "allocatedMinor"
    from documents d
    left join allocations a on a.company_id = d.company_id and a.debit_document_id = d.document_id
      and a.allocation_date <= ${asOf}::date
    where d.company_id = ${companyId} and d.kind = 'invoice' and d.issue_date <= ${asOf}::date
      and (d.customer_code, upper(d.external_ref)) in (
        select w.code, w.word from unnest(${wanted.map((w) => w.customerCode)}::text[],
          ${wanted.map((w) => w.word)}::text[]) as w(code, word))
    order by d.document_id, a.allocation_date, a.allocation_id`.execute(db);
  return result.rows;
}
