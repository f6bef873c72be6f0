/**
 * The indicators' tables kept at write time (migrations 0041, 0042) against the ledger they
 * summarise, recomputed from scratch: what the tests and the scale benchmark check after writes.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface KpiFactDifferences {
  /** Keys of document_day_totals whose stored sum differs from the documents' (or is missing). */
  dayTotals: number;
  /** Allocations whose allocation_facts row is missing, extra or differs. */
  allocationFacts: number;
}

export async function kpiFactDifferences(
  db: Kysely<Database>,
  companyId: string,
): Promise<KpiFactDifferences> {
  const result = await sql<KpiFactDifferences>`
    with expected_days as (
      select d.issue_date, d.kind, d.amount_minor > 0 as debit, d.due_date, c.customer_type,
        sum(d.amount_minor)::int8 as amount_minor
      from documents d join customers c on c.company_id = d.company_id and c.code = d.customer_code
      where d.company_id = ${companyId} group by 1, 2, 3, 4, 5
    ), stored_days as (
      select issue_date, kind, debit, due_date, customer_type, amount_minor
      from document_day_totals where company_id = ${companyId}
    ), expected_facts as (
      select a.allocation_id, a.allocation_date, a.amount_minor, deb.customer_code, deb.due_date,
        deb.issue_date as debit_issue_date,
        (date_trunc('month', deb.issue_date) + interval '1 month')::date - 1 as debit_month_end,
        deb.kind = 'invoice' as debit_is_invoice, case when cr.kind = 'payment' then cr.issue_date end as payment_date,
        case when cr.kind = 'payment' then date_trunc('month', cr.issue_date)::date end as payment_month
      from allocations a
      join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
      join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id
      where a.company_id = ${companyId}
    ), stored_facts as (
      select allocation_id, allocation_date, amount_minor, customer_code, due_date, debit_issue_date,
        debit_month_end, debit_is_invoice, payment_date, payment_month
      from allocation_facts where company_id = ${companyId}
    )
    select
      (select count(*) from ((select * from expected_days except all select * from stored_days)
        union all (select * from stored_days except all select * from expected_days)) x)::int8 as "dayTotals",
      (select count(*) from ((select * from expected_facts except all select * from stored_facts)
        union all (select * from stored_facts except all select * from expected_facts)) y)::int8
        as "allocationFacts"`.execute(db);
  return result.rows[0] as KpiFactDifferences;
}
