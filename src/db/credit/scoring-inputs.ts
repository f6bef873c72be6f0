/**
 * The payment-behaviour inputs of the scoring, computed in SQL as of a date for one customer or
 * for every customer of the company in one set-based pass (re-scoring a whole portfolio reads the
 * ledger once, never customer by customer):
 * - average days late of the payments of the last 12 months, weighted by the amount they settled
 *   (a payment before the due date counts as 0 days late, not as a credit against lateness);
 * - share of that amount paid late (bps);
 * - the same average over the last 3 months and over the 9 before (the trend, judged by the app);
 * - bounced payments of the last 12 months; disputes of the last 12 months whose invoice is still
 *   open at the date (or that name none); limit usage = balance / credit limit (bps);
 * - the customer's share of the company's invoiced sales over 12 months (bps);
 * - its open debits at the date, the part more than `ARREARS_DAYS` past due and the days past due
 *   of the oldest (the current arrears, from the open items as of the date);
 * - the latest insolvency line of its story by the date (with its status, the proceedings that
 *   force the worst class).
 * Only payments count as paying (a credit note settles but says nothing of habits), matched as of
 * the date, leaving out reversals and the rows they cancel — the payment-behaviour report's rule.
 */
import { type Kysely, sql } from 'kysely';
import { ARREARS_DAYS } from '#core/credit/arrears-scoring';
import type { BalanceSheet } from '#core/credit/financial-ratios';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface PaymentInputsRow {
  customerCode: string;
  status: string;
  currency: string;
  creditLimitMinor: number | null;
  balanceMinor: number;
  salesMinor: number;
  salesShareBps: number | null;
  paidMinor: number;
  averageDaysLate: number | null;
  lateShareBps: number | null;
  recentAverageDaysLate: number | null;
  previousAverageDaysLate: number | null;
  bouncedPayments: number;
  openDisputes: number;
  limitUsageBps: number | null;
  /** Σ positive open amounts at the date. */
  openDebitsMinor: number;
  /** The part of the open debits more than `ARREARS_DAYS` past due at the date. */
  arrearsMinor: number;
  /** Days past due of the oldest open debit at the date (0 when nothing is overdue). */
  oldestOverdueDays: number;
  /** The latest story line of kind 'insolvency' by the date (collective proceedings), if any. */
  insolvencyEventDate: string | null;
}

/** Inputs of every customer (or of one) as of `asOf`, in code order. */
export async function paymentInputs(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCode?: string,
): Promise<PaymentInputsRow[]> {
  const d = sql`${asOf}::date`;
  const from = sql`(${d} - interval '12 months')::date`;
  const recentFrom = sql`(${d} - interval '3 months')::date`;
  const only = (column: string) =>
    customerCode === undefined ? sql`` : sql`and ${sql.ref(column)} = ${customerCode}`;
  const result = await sql<PaymentInputsRow>`
    with paid as (
      select d.customer_code, a.amount_minor as paid_minor,
             greatest(p.issue_date - d.due_date, 0) as days_late,
             p.issue_date > ${recentFrom} as recent
        from allocations a
        join documents d on d.company_id = a.company_id and d.document_id = a.debit_document_id
        join documents p on p.company_id = a.company_id and p.document_id = a.credit_document_id
       where a.company_id = ${companyId} and d.kind = 'invoice' and p.kind = 'payment'
         and p.issue_date > ${from} and p.issue_date <= ${d}
         and a.allocation_date <= ${d} and a.reverses_allocation_id is null
         ${only('d.customer_code')}
         and not exists (select 1 from allocations r where r.company_id = a.company_id
               and r.reverses_allocation_id = a.allocation_id and r.allocation_date <= ${d})
    ), paid_by_customer as (
      select customer_code, sum(paid_minor) as paid_minor,
             sum(paid_minor * days_late) as weighted,
             coalesce(sum(paid_minor) filter (where days_late > 0), 0) as late_minor,
             sum(paid_minor) filter (where recent) as recent_minor,
             sum(paid_minor * days_late) filter (where recent) as recent_weighted,
             sum(paid_minor) filter (where not recent) as previous_minor,
             sum(paid_minor * days_late) filter (where not recent) as previous_weighted
        from paid group by customer_code
    ), ledger as (
      select customer_code, sum(amount_minor) as balance_minor,
             coalesce(sum(amount_minor) filter (where kind = 'invoice' and issue_date > ${from}), 0) as sales_minor,
             count(*) filter (where kind = 'bounced_payment' and issue_date > ${from}) as bounced
        from documents
       where company_id = ${companyId} and issue_date <= ${d} ${only('customer_code')}
       group by customer_code
    ), company_sales as (
      select sum(amount_minor) as sales_minor from documents
       where company_id = ${companyId} and kind = 'invoice' and issue_date > ${from} and issue_date <= ${d}
    ), disputes as (
      select e.customer_code, count(*) as open_disputes
        from customer_events e
       where e.company_id = ${companyId} and e.kind = 'dispute'
         and e.event_date > ${from} and e.event_date <= ${d} ${only('e.customer_code')}
         and (e.document_ref is null or exists (
           select 1 from documents x
            where x.company_id = e.company_id and x.customer_code = e.customer_code
              and x.external_ref = e.document_ref and x.issue_date <= ${d}
              and (exists (select 1 from open_items o where o.company_id = x.company_id and o.document_id = x.document_id)
                or exists (select 1 from settled_documents s where s.company_id = x.company_id
                             and s.document_id = x.document_id and s.settled_on > ${d}))))
       group by e.customer_code
    ), arrears as (
      select customer_code, sum(open_minor) as open_debits_minor,
             coalesce(sum(open_minor) filter (where due_date < ${d} - ${ARREARS_DAYS}::int), 0) as arrears_minor,
             coalesce(max(${d} - due_date) filter (where due_date < ${d}), 0) as oldest_overdue_days
        from (${openItemsAsOf({ companyId, asOf, customerCode })}) o
       where open_minor > 0
       group by customer_code
    ), insolvency as (
      select customer_code, max(event_date) as event_date
        from customer_events
       where company_id = ${companyId} and kind = 'insolvency' and event_date <= ${d} ${only('customer_code')}
       group by customer_code
    )
    select c.code as "customerCode", c.status, c.currency, c.credit_limit_minor as "creditLimitMinor",
           coalesce(l.balance_minor, 0)::int8 as "balanceMinor",
           coalesce(l.sales_minor, 0)::int8 as "salesMinor",
           case when cs.sales_minor > 0
             then round(coalesce(l.sales_minor, 0) * 10000.0 / cs.sales_minor)::int end as "salesShareBps",
           coalesce(p.paid_minor, 0)::int8 as "paidMinor",
           round(p.weighted::numeric / nullif(p.paid_minor, 0), 1)::float8 as "averageDaysLate",
           round(p.late_minor * 10000.0 / nullif(p.paid_minor, 0))::int as "lateShareBps",
           round(p.recent_weighted::numeric / nullif(p.recent_minor, 0), 1)::float8 as "recentAverageDaysLate",
           round(p.previous_weighted::numeric / nullif(p.previous_minor, 0), 1)::float8 as "previousAverageDaysLate",
           coalesce(l.bounced, 0)::int as "bouncedPayments",
           coalesce(ds.open_disputes, 0)::int as "openDisputes",
           case when c.credit_limit_minor > 0
             then round(greatest(coalesce(l.balance_minor, 0), 0) * 10000.0 / c.credit_limit_minor)::int end
             as "limitUsageBps",
           coalesce(ar.open_debits_minor, 0)::int8 as "openDebitsMinor",
           coalesce(ar.arrears_minor, 0)::int8 as "arrearsMinor",
           coalesce(ar.oldest_overdue_days, 0)::int as "oldestOverdueDays",
           i.event_date::text as "insolvencyEventDate"
      from customers c
      cross join company_sales cs
      left join ledger l on l.customer_code = c.code
      left join paid_by_customer p on p.customer_code = c.code
      left join disputes ds on ds.customer_code = c.code
      left join arrears ar on ar.customer_code = c.code
      left join insolvency i on i.customer_code = c.code
     where c.company_id = ${companyId} ${only('c.code')}
     order by c.code`.execute(db);
  return result.rows;
}

export interface ProfileRow {
  customerCode: string;
  sectorRisk: string | null;
  creationDate: string | null;
  legalForm: string | null;
  legalIncidents: number | null;
  externalGrade: string | null;
  externalGradeSource: string | null;
  externalGradeDate: string | null;
}

/** A customer's balance sheet as stored: the figures the core's ratios read, and whose they are. */
export type BalanceSheetRow = BalanceSheet & { customerCode: string };

export async function selectProfiles(
  db: Kysely<Database>,
  companyId: string,
  customerCode?: string,
): Promise<ProfileRow[]> {
  let query = db
    .selectFrom('credit_customer_profiles')
    .select([
      'customer_code as customerCode',
      'sector_risk as sectorRisk',
      'creation_date as creationDate',
      'legal_form as legalForm',
      'legal_incidents as legalIncidents',
      'external_grade as externalGrade',
      'external_grade_source as externalGradeSource',
      'external_grade_date as externalGradeDate',
    ])
    .where('company_id', '=', companyId);
  if (customerCode !== undefined) query = query.where('customer_code', '=', customerCode);
  return query.execute();
}

/** The latest balance sheet closed on or before `asOf` of each customer (or of one). */
export async function selectLatestBalanceSheets(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCode?: string,
): Promise<BalanceSheetRow[]> {
  const only = customerCode === undefined ? sql`` : sql`and customer_code = ${customerCode}`;
  const result = await sql<BalanceSheetRow>`
    select distinct on (customer_code)
           customer_code as "customerCode", currency, fiscal_year_end as "fiscalYearEnd",
           total_assets_minor as "totalAssetsMinor", equity_minor as "equityMinor",
           total_debts_minor as "totalDebtsMinor", turnover_minor as "turnoverMinor",
           value_added_minor as "valueAddedMinor", gross_operating_profit_minor as "grossOperatingProfitMinor",
           permanent_capital_minor as "permanentCapitalMinor", cash_minor as "cashMinor",
           receivables_minor as "receivablesMinor", financial_charges_minor as "financialChargesMinor",
           staff_costs_minor as "staffCostsMinor", net_result_minor as "netResultMinor"
      from credit_balance_sheets
     where company_id = ${companyId} and fiscal_year_end <= ${asOf}::date ${only}
     order by customer_code, fiscal_year_end desc`.execute(db);
  return result.rows;
}
