/**
 * How one customer paid, month by month: invoices settled by payments received in each month,
 * with the amount-weighted delay after the due date and after the issue date. Only payments
 * count: a credit note settles an invoice but is not the customer paying it, and its date says
 * nothing of their habits. The payment's own date is used, not the matching date, which may lag
 * (the KPI report's payment delays follow the same rule).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface PaymentMonthRow {
  month: string;
  paidMinor: number;
  invoices: number;
  averageDelayDays: number | null;
  averageDaysToPay: number | null;
}

/**
 * Payments dated within [from, asOf] matched (as of asOf) to the customer's invoices, leaving out
 * reversals and the rows they cancel, so that a corrected match counts once.
 */
export async function paymentMonthsOfCustomer(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  from: string,
  asOf: string,
): Promise<PaymentMonthRow[]> {
  const result = await sql<PaymentMonthRow>`
    select to_char(p.issue_date, 'YYYY-MM') as "month",
           sum(a.amount_minor)::int8 as "paidMinor",
           count(distinct d.document_id)::int8 as "invoices",
           round(sum(a.amount_minor * (p.issue_date - d.due_date))::numeric
                 / nullif(sum(a.amount_minor), 0), 1)::float8 as "averageDelayDays",
           round(sum(a.amount_minor * (p.issue_date - d.issue_date))::numeric
                 / nullif(sum(a.amount_minor), 0), 1)::float8 as "averageDaysToPay"
      from allocations a
      join documents d on d.company_id = a.company_id and d.document_id = a.debit_document_id
      join documents p on p.company_id = a.company_id and p.document_id = a.credit_document_id
     where a.company_id = ${companyId}
       and d.customer_code = ${customerCode}
       and d.kind = 'invoice'
       and p.kind = 'payment'
       and p.issue_date between ${from} and ${asOf}
       and a.allocation_date <= ${asOf}
       and a.reverses_allocation_id is null
       and not exists (
         select 1 from allocations r
          where r.company_id = a.company_id
            and r.reverses_allocation_id = a.allocation_id
            and r.allocation_date <= ${asOf})
     group by 1
     order by 1`.execute(db);
  return result.rows;
}

/** The customer's invoices overdue and still unpaid at the date: what the monthly bars cannot show. */
export interface UnpaidOverdueRow {
  invoices: number;
  openMinor: number;
  /** Days past due of the oldest, 0 when none. */
  oldestDaysPastDue: number;
  /** Amount-weighted days past due, null when none. */
  averageDaysPastDue: number | null;
}

/**
 * Invoices in `currency` open and past due at `asOf` (partly paid ones by what is left). A customer who stopped
 * paying has no payments to average: its delay shows here, growing every day, not in the bars.
 */
export async function unpaidOverdueOfCustomer(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  currency: string,
  asOf: string,
): Promise<UnpaidOverdueRow> {
  const d = sql`${asOf}::date`;
  const result = await sql<UnpaidOverdueRow>`
    select count(*)::int as "invoices",
           coalesce(sum(o.open_minor), 0)::int8 as "openMinor",
           coalesce(max(${d} - o.due_date), 0)::int as "oldestDaysPastDue",
           round(sum(o.open_minor * (${d} - o.due_date))::numeric / nullif(sum(o.open_minor), 0), 1)::float8
             as "averageDaysPastDue"
      from (${openItemsAsOf({ companyId, asOf, customerCode })}) o
      join documents x on x.company_id = ${companyId} and x.document_id = o.document_id
     where x.kind = 'invoice' and x.currency = ${currency} and o.open_minor > 0 and o.due_date < ${d}`.execute(
    db,
  );
  const row = result.rows[0];
  return row
    ? { ...row, openMinor: Number(row.openMinor) }
    : { invoices: 0, openMinor: 0, oldestDaysPastDue: 0, averageDaysPastDue: null };
}
