/**
 * What the payment-date model reads: every invoice with its settlement date, and the signals
 * (disputes, promises, reminders) of the customer events. Settlement date = the date of the
 * allocation that brought the open amount to zero, counting only allocations not reversed; it is
 * "by payment" when a payment made that last allocation (a credit note closing an invoice is not
 * the customer paying). Allocation dates, not payment dates, so that a back-test cut at D sees
 * exactly the matching known at D. `electronic`: the invoice's channel (null when not known).
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
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
  const result = await forecastInvoicesSql(companyId, issuedUpTo).execute(db);
  return result.rows;
}

/**
 * `selectForecastInvoices` streamed: the query runs once, inside the caller's transaction, and its
 * rows come `chunkSize` at a time through a cursor, so the driver never holds the whole ledger.
 * (Chunks keyed by document id would aggregate every allocation of the company once per chunk.)
 */
export async function forEachForecastInvoiceChunk(
  trx: Transaction<Database>,
  companyId: string,
  issuedUpTo: string,
  chunkSize: number,
  onChunk: (rows: ForecastInvoiceRow[]) => void | Promise<void>,
): Promise<void> {
  await forEachChunk(trx, forecastInvoicesSql(companyId, issuedUpTo), chunkSize, onChunk);
}

/** Rows of a query `chunkSize` at a time through a cursor, inside the caller's transaction. */
async function forEachChunk<Row>(
  trx: Transaction<Database>,
  query: RawBuilder<Row>,
  chunkSize: number,
  onChunk: (rows: Row[]) => void | Promise<void>,
): Promise<void> {
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunk size: ${chunkSize}`);
  // Every row is read: plan for all of them, not for the first tenth (the default for cursors).
  await sql`select set_config('cursor_tuple_fraction', '1', true)`.execute(trx);
  await sql`declare forecast_rows no scroll cursor for ${query}`.execute(trx);
  for (;;) {
    const result = await sql<Row>`fetch forward ${sql.raw(String(chunkSize))} from forecast_rows`.execute(
      trx,
    );
    await onChunk(result.rows);
    if (result.rows.length < chunkSize) break;
  }
  await sql`close forecast_rows`.execute(trx);
}

export interface OpenForecastInvoiceRow extends ForecastInvoiceRow {
  /** Open amount at the date (positive). */
  openMinor: number;
}

/**
 * The invoices open at the date in the currency, in document order, with their open amount then,
 * `chunkSize` at a time: what a stored model needs to predict, without the settled history.
 * (`settledOn` is null: a prediction does not read it.)
 */
export async function forEachOpenForecastInvoiceChunk(
  trx: Transaction<Database>,
  input: {
    companyId: string;
    asOf: string;
    currency: string;
    chunkSize: number;
    customerCode?: string | undefined;
  },
  onChunk: (rows: OpenForecastInvoiceRow[]) => void | Promise<void>,
): Promise<void> {
  const { companyId, asOf, currency, customerCode } = input;
  const query = sql<OpenForecastInvoiceRow>`
    select d.document_id::int8 as "documentId", d.customer_code as "customerCode",
           c.customer_type as "customerType", c.salesperson as "salesperson",
           d.external_ref as "documentRef", d.issue_date as "issueDate", d.due_date as "dueDate",
           d.amount_minor as "amountMinor", d.currency as "currency",
           d.channel = 'electronic' as "electronic",
           null::date as "settledOn", false as "settledByPayment", o.open_minor::int8 as "openMinor"
      from (${openItemsAsOf({ companyId, asOf, ...(customerCode === undefined ? {} : { customerCode }) })}) o
      join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
      join customers c on c.company_id = d.company_id and c.code = d.customer_code
     where d.kind = 'invoice' and d.currency = ${currency} and o.open_minor > 0
     order by d.document_id`;
  await forEachChunk(trx, query, input.chunkSize, onChunk);
}

/** The invoices in the currency issued after `after` and up to `upTo`, in document order. */
export async function selectInvoicesIssuedBetween(
  db: Kysely<Database>,
  input: { companyId: string; currency: string; after: string; upTo: string },
): Promise<ForecastInvoiceRow[]> {
  const { companyId, currency, after, upTo } = input;
  const result = await sql<ForecastInvoiceRow>`
    select d.document_id::int8 as "documentId", d.customer_code as "customerCode",
           c.customer_type as "customerType", c.salesperson as "salesperson",
           d.external_ref as "documentRef", d.issue_date as "issueDate", d.due_date as "dueDate",
           d.amount_minor as "amountMinor", d.currency as "currency",
           d.channel = 'electronic' as "electronic",
           null::date as "settledOn", false as "settledByPayment"
      from documents d
      join customers c on c.company_id = d.company_id and c.code = d.customer_code
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.currency = ${currency}
       and d.issue_date > ${after}::date and d.issue_date <= ${upTo}::date
     order by d.document_id`.execute(db);
  return result.rows;
}

/**
 * Invoiced amounts of `currency` by week before `asOf`: week k holds the invoices issued in the
 * days (asOf − 7(k + 1), asOf − 7k], for k below `weeks` (weeks without invoices are absent).
 */
export async function selectWeeklyInvoicing(
  db: Kysely<Database>,
  input: { companyId: string; currency: string; asOf: string; weeks: number },
): Promise<{ week: number; amountMinor: number }[]> {
  const { companyId, currency, asOf, weeks } = input;
  const result = await sql<{ week: number; amountMinor: number }>`
    select ((${asOf}::date - d.issue_date) / 7)::int4 as week, sum(d.amount_minor)::int8 as "amountMinor"
      from documents d
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.currency = ${currency}
       and d.issue_date > ${asOf}::date - ${weeks * 7}::int4 and d.issue_date <= ${asOf}::date
     group by 1`.execute(db);
  return result.rows.map((row) => ({ week: Number(row.week), amountMinor: Number(row.amountMinor) }));
}

/** The allocations not reversed (`live`) and, per debit document, their sum and last date. */
function settlementCtes(companyId: string): RawBuilder<unknown> {
  return sql`
    live as (
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
    )`;
}

/**
 * How many of the invoices `forEachForecastInvoiceChunk` reads (in the currency) are open at each
 * month end — issued by then and not settled by then, `settledOn` as that query gives it — so that
 * the recalibration's sample of each can be drawn while the history is read.
 */
export async function countInvoicesOpenAt(
  db: Kysely<Database>,
  input: { companyId: string; issuedUpTo: string; currency: string; monthEnds: readonly string[] },
): Promise<number[]> {
  const { companyId, issuedUpTo, currency, monthEnds } = input;
  if (monthEnds.length === 0) return [];
  const counts = monthEnds.map(
    (end) => sql`count(*) filter (where d.issue_date <= ${end}::date
      and not coalesce(pd.allocated_minor = d.amount_minor and pd.last_date <= ${end}::date, false))`,
  );
  const result = await sql<{ counts: number[] }>`
    with ${settlementCtes(companyId)}
    select json_build_array(${sql.join(counts)}) as counts
      from documents d
      join customers c on c.company_id = d.company_id and c.code = d.customer_code
      left join per_document pd on pd.document_id = d.document_id
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.issue_date <= ${issuedUpTo}::date
       and d.currency = ${currency}`.execute(db);
  return result.rows[0]?.counts ?? monthEnds.map(() => 0);
}

function forecastInvoicesSql(companyId: string, issuedUpTo: string): RawBuilder<ForecastInvoiceRow> {
  return sql<ForecastInvoiceRow>`
    with ${settlementCtes(companyId)}, last_kind as (
      select l.document_id, bool_or(l.credit_kind = 'payment') as by_payment
        from live l join per_document pd on pd.document_id = l.document_id and pd.last_date = l.allocation_date
       group by l.document_id
    )
    select d.document_id::int8 as "documentId", d.customer_code as "customerCode",
           c.customer_type as "customerType", c.salesperson as "salesperson",
           d.external_ref as "documentRef", d.issue_date as "issueDate", d.due_date as "dueDate",
           d.amount_minor as "amountMinor", d.currency as "currency",
           d.channel = 'electronic' as "electronic",
           case when pd.allocated_minor = d.amount_minor then pd.last_date end as "settledOn",
           coalesce(pd.allocated_minor = d.amount_minor and lk.by_payment, false) as "settledByPayment"
      from documents d
      join customers c on c.company_id = d.company_id and c.code = d.customer_code
      left join per_document pd on pd.document_id = d.document_id
      left join last_kind lk on lk.document_id = d.document_id
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.issue_date <= ${issuedUpTo}::date
     order by d.document_id`;
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
