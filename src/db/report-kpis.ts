/**
 * Aggregates behind the indicators. Each query is one grouped scan whose result is small
 * (per month, per due date, per customer type), whatever the size of the ledger.
 */
import { type Kysely, sql } from 'kysely';
import type { DueGridCell } from '#core/kpis-cube';
import type { Database } from './schema.ts';

/**
 * width_bucket over the day after each evaluation date gives k = number of evaluation dates
 * strictly before the date, i.e. the index of the first evaluation date on or after it.
 */
function kOf(column: string, thresholds: readonly string[]) {
  return sql`width_bucket(${sql.raw(column)}, ${thresholds}::date[])`;
}

export interface LedgerCube {
  debits: DueGridCell[];
  allocations: DueGridCell[];
  credits: { k: number; amountMinor: number }[];
}

export async function ledgerCube(
  db: Kysely<Database>,
  companyId: string,
  evalDates: readonly string[],
  dayAfterEvalDates: readonly string[],
): Promise<LedgerCube> {
  const last = evalDates[evalDates.length - 1] as string;
  const documents = await sql<{ k: number; dueDate: string | null; amountMinor: number }>`
    select ${kOf('issue_date', dayAfterEvalDates)}::int as k,
      case when amount_minor > 0 then due_date end as "dueDate", sum(amount_minor)::int8 as "amountMinor"
    from documents where company_id = ${companyId} and issue_date <= ${last}
    group by 1, 2`.execute(db);
  const allocations = await sql<DueGridCell>`
    select ${kOf('a.allocation_date', dayAfterEvalDates)}::int as k, d.due_date as "dueDate",
      sum(a.amount_minor)::int8 as "amountMinor"
    from allocations a
    join documents d on d.company_id = a.company_id and d.document_id = a.debit_document_id
    where a.company_id = ${companyId} and a.allocation_date <= ${last}
    group by 1, 2`.execute(db);
  return {
    debits: documents.rows.flatMap((row) => (row.dueDate === null ? [] : [{ ...row, dueDate: row.dueDate }])),
    credits: documents.rows.filter((row) => row.dueDate === null),
    allocations: allocations.rows,
  };
}

export interface MonthlyMovementRow {
  month: string;
  customerType: string;
  kind: string;
  amountMinor: number;
  documentCount: number;
}

/** Invoices, credit notes and write-offs by month and customer type between two dates. */
export async function monthlyMovements(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<MonthlyMovementRow[]> {
  const result = await sql<MonthlyMovementRow>`
    select to_char(d.issue_date, 'YYYY-MM') as month, c.customer_type as "customerType", d.kind,
      sum(d.amount_minor)::int8 as "amountMinor", count(*)::int8 as "documentCount"
    from documents d join customers c on c.company_id = d.company_id and c.code = d.customer_code
    where d.company_id = ${companyId} and d.issue_date between ${from} and ${to}
      and d.kind in ('invoice', 'credit_note', 'write_off')
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

/** Σ document amounts by issue date (the daily movements of the ledger balance). */
export async function dailyMovements(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<{ openingMinor: number; movements: { date: string; amountMinor: number }[] }> {
  const result = await sql<{ date: string | null; amountMinor: number }>`
    select case when issue_date < ${from} then null else issue_date end as date, sum(amount_minor)::int8 as "amountMinor"
    from documents where company_id = ${companyId} and issue_date <= ${to}
    group by 1`.execute(db);
  const opening = result.rows.find((row) => row.date === null)?.amountMinor ?? 0;
  return {
    openingMinor: opening,
    movements: result.rows.flatMap((row) =>
      row.date === null ? [] : [{ date: row.date, amountMinor: row.amountMinor }],
    ),
  };
}

export interface PaymentDelayRow {
  /** Customer code, or null for the per-month rows. */
  customerCode: string | null;
  /** 'YYYY-MM' of the payment, or null for the per-customer rows. */
  month: string | null;
  paidMinor: number;
  /** Σ amount × (payment date − due date), and × (payment date − issue date). */
  dueWeighted: number;
  issueWeighted: number;
}

/**
 * Payments received in the period, weighted by the amount they settled on each invoice: the
 * payment's own date (not the matching date, which may lag) against the invoice's dates.
 */
export async function paymentDelays(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<PaymentDelayRow[]> {
  const result = await sql<PaymentDelayRow>`
    select deb.customer_code as "customerCode", to_char(cr.issue_date, 'YYYY-MM') as month,
      sum(a.amount_minor)::int8 as "paidMinor",
      sum(a.amount_minor * (cr.issue_date - deb.due_date))::float8 as "dueWeighted",
      sum(a.amount_minor * (cr.issue_date - deb.issue_date))::float8 as "issueWeighted"
    from allocations a
    join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id
    join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
    where a.company_id = ${companyId} and cr.kind = 'payment' and deb.kind = 'invoice'
      and cr.issue_date between ${from} and ${to} and a.allocation_date <= ${to}
    group by grouping sets ((deb.customer_code), (to_char(cr.issue_date, 'YYYY-MM')))`.execute(db);
  return result.rows;
}

/** Per invoice month: invoiced amount and the part settled within 90 days after the month's end. */
export async function settledWithinHorizon(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
  horizonDays: number,
): Promise<{ month: string; invoicedMinor: number; settledMinor: number }[]> {
  const result = await sql<{ month: string; invoicedMinor: number; settledMinor: number }>`
    with inv as (
      select document_id, to_char(issue_date, 'YYYY-MM') as month, amount_minor,
        (date_trunc('month', issue_date) + interval '1 month')::date - 1 + ${horizonDays}::int as horizon
      from documents where company_id = ${companyId} and kind = 'invoice' and issue_date between ${from} and ${to}
    )
    select month, sum(invoiced)::int8 as "invoicedMinor", sum(settled)::int8 as "settledMinor" from (
      select month, amount_minor as invoiced, 0 as settled from inv
      union all
      select i.month, 0, a.amount_minor from inv i
      join allocations a on a.company_id = ${companyId} and a.debit_document_id = i.document_id
        and a.allocation_date <= i.horizon
    ) x group by month order by month`.execute(db);
  return result.rows;
}

export interface PortfolioSnapshotRow {
  customersWithBalance: number;
  positiveBalanceMinor: number;
  top10Minor: number;
  herfindahl: number | null;
  limitedBalanceMinor: number;
  limitsMinor: number;
  customersOverLimit: number;
  customersWithoutLimitWithBalance: number;
  withoutLimitBalanceMinor: number;
}

/** Per-customer ledger balances at a date folded into portfolio figures inside the database. */
export async function portfolioSnapshot(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<PortfolioSnapshotRow> {
  const result = await sql<PortfolioSnapshotRow>`
    with per_doc as (
      select customer_code, sum(amount_minor) as bal from documents
      where company_id = ${companyId} and issue_date <= ${asOf} group by customer_code
    ), b as (
      select c.code, c.credit_limit_minor as lim, coalesce(p.bal, 0) as bal
      from customers c left join per_doc p on p.customer_code = c.code where c.company_id = ${companyId}
    )
    select count(*) filter (where bal > 0)::int8 as "customersWithBalance",
      coalesce(sum(bal) filter (where bal > 0), 0)::int8 as "positiveBalanceMinor",
      coalesce((select sum(bal) from (select bal from b where bal > 0 order by bal desc limit 10) t), 0)::int8 as "top10Minor",
      (sum(bal::numeric * bal) filter (where bal > 0) * 10000 / nullif(sum(bal) filter (where bal > 0), 0) ^ 2)::float8 as herfindahl,
      coalesce(sum(greatest(bal, 0)) filter (where lim is not null), 0)::int8 as "limitedBalanceMinor",
      coalesce(sum(lim) filter (where lim is not null), 0)::int8 as "limitsMinor",
      count(*) filter (where lim is not null and bal > lim)::int8 as "customersOverLimit",
      count(*) filter (where lim is null and bal > 0)::int8 as "customersWithoutLimitWithBalance",
      coalesce(sum(bal) filter (where lim is null and bal > 0), 0)::int8 as "withoutLimitBalanceMinor"
    from b`.execute(db);
  return result.rows[0] as PortfolioSnapshotRow;
}
