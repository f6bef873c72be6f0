/**
 * How one customer paid, month by month: invoices matched by payments or credit notes in each
 * month, with the amount-weighted delay after the due date and after the issue date.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface PaymentMonthRow {
  month: string;
  paidMinor: number;
  invoices: number;
  averageDelayDays: number | null;
  averageDaysToPay: number | null;
}

/**
 * Matching rows dated within [from, asOf] on the customer's invoices, leaving out reversals and
 * the rows they cancel (reversed as of asOf), so that a corrected match counts once.
 */
export async function paymentMonthsOfCustomer(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  from: string,
  asOf: string,
): Promise<PaymentMonthRow[]> {
  const result = await sql<PaymentMonthRow>`
    select to_char(a.allocation_date, 'YYYY-MM') as "month",
           sum(a.amount_minor)::int8 as "paidMinor",
           count(distinct d.document_id)::int8 as "invoices",
           round(sum(a.amount_minor * (a.allocation_date - d.due_date))::numeric
                 / nullif(sum(a.amount_minor), 0), 1)::float8 as "averageDelayDays",
           round(sum(a.amount_minor * (a.allocation_date - d.issue_date))::numeric
                 / nullif(sum(a.amount_minor), 0), 1)::float8 as "averageDaysToPay"
      from allocations a
      join documents d on d.company_id = a.company_id and d.document_id = a.debit_document_id
     where a.company_id = ${companyId}
       and d.customer_code = ${customerCode}
       and d.kind = 'invoice'
       and a.allocation_date between ${from} and ${asOf}
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
