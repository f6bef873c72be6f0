/**
 * Aggregates behind the indicators. Each query is one grouped pass whose result is small (per
 * day, per due date, per customer type), and none reads the history before the period except
 * through the open-item state (open-items.ts) and the sums by day for countback DSO. The
 * document and allocation figures come from tables kept at write time (migrations 0041, 0042).
 */
import { type Kysely, sql } from 'kysely';
import type { DueGridCell } from '#core/analytics/kpis-cube';
import type { DocumentDayRow } from '#core/analytics/kpis-ledger';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { andInPortfolio, type SalespersonScope } from './portfolio-scope.ts';

/** Open items at a date: debits by due date and the sum of the open credits. */
export async function openingOpenItems(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  salesperson?: SalespersonScope,
): Promise<{ debits: { dueDate: string; openMinor: number }[]; creditsMinor: number }> {
  const result = await sql<{ dueDate: string | null; openMinor: number }>`
    select case when open_minor > 0 then due_date end as "dueDate", sum(open_minor)::int8 as "openMinor"
    from (${openItemsAsOf({ companyId, asOf })}) o
    where true ${andInPortfolio('o.customer_code', companyId, salesperson)} group by 1`.execute(db);
  return {
    debits: result.rows.flatMap((row) => (row.dueDate === null ? [] : [{ ...row, dueDate: row.dueDate }])),
    creditsMinor: result.rows.find((row) => row.dueDate === null)?.openMinor ?? 0,
  };
}

/**
 * Σ document amounts by issue day and kind between two dates, split by due date for the debits
 * issued after `dueDatesAfter` (the cube needs them; older ones only count as sales). The whole
 * portfolio reads the sums kept per day (document_day_totals, migration 0041); a salesperson's
 * customers are a selection those sums cannot give, so their indicators read the documents.
 */
export async function documentDays(
  db: Kysely<Database>,
  companyId: string,
  range: { from: string; to: string; dueDatesAfter: string },
  salesperson?: SalespersonScope,
): Promise<DocumentDayRow[]> {
  const source =
    salesperson === undefined
      ? sql`select issue_date, kind, debit, due_date, amount_minor from document_day_totals
        where company_id = ${companyId} and issue_date between ${range.from} and ${range.to}`
      : sql`select issue_date, kind, amount_minor > 0 as debit, due_date, amount_minor from documents
        where company_id = ${companyId} and issue_date between ${range.from} and ${range.to}
          ${andInPortfolio('customer_code', companyId, salesperson)}`;
  const result = await sql<DocumentDayRow>`
    select issue_date as "issueDate", kind,
      case when debit and issue_date > ${range.dueDatesAfter}::date then due_date end as "dueDate",
      sum(amount_minor)::int8 as "amountMinor"
    from (${source}) d group by 1, 2, 3`.execute(db);
  return result.rows;
}

/** Invoiced amount by customer type between two dates (from the sums per day, as above). */
export async function salesByCustomerType(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
  salesperson?: SalespersonScope,
): Promise<{ customerType: string; salesMinor: number }[]> {
  const result =
    salesperson === undefined
      ? await sql<{ customerType: string; salesMinor: number }>`
        select customer_type as "customerType", sum(amount_minor)::int8 as "salesMinor"
        from document_day_totals
        where company_id = ${companyId} and issue_date between ${from} and ${to} and kind = 'invoice'
        group by 1`.execute(db)
      : await sql<{ customerType: string; salesMinor: number }>`
        select c.customer_type as "customerType", sum(d.amount_minor)::int8 as "salesMinor"
        from documents d join customers c on c.company_id = d.company_id and c.code = d.customer_code
        where d.company_id = ${companyId} and d.kind = 'invoice' and d.issue_date between ${from} and ${to}
          ${andInPortfolio('d.customer_code', companyId, salesperson)}
        group by 1`.execute(db);
  return result.rows;
}

export interface WriteOffOriginRow {
  approvedProposal: boolean;
  cashApplication: boolean;
  paidInvoice: boolean;
  /** Σ of the write-off documents with that origin (negative: they are credits). */
  amountMinor: number;
}

/**
 * The write-off documents issued between two dates, summed by where they came from (at most eight
 * rows): the core tells bad debts from settlement differences (`writeOffNature`).
 */
export async function writeOffOrigins(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
  salesperson?: SalespersonScope,
): Promise<WriteOffOriginRow[]> {
  const result = await sql<WriteOffOriginRow>`
    select
      exists (select 1 from write_off_proposals w
               where w.company_id = d.company_id and w.write_off_document_id = d.document_id) as "approvedProposal",
      exists (select 1 from cash_applications a
               where a.company_id = d.company_id and a.write_off_document_id = d.document_id) as "cashApplication",
      exists (select 1 from allocations wa
               join allocations pa on pa.company_id = wa.company_id and pa.debit_document_id = wa.debit_document_id
               join documents p on p.company_id = pa.company_id and p.document_id = pa.credit_document_id
              where wa.company_id = d.company_id and wa.credit_document_id = d.document_id
                and wa.amount_minor > 0 and pa.amount_minor > 0 and p.kind = 'payment') as "paidInvoice",
      sum(d.amount_minor)::int8 as "amountMinor"
    from documents d
    where d.company_id = ${companyId} and d.kind = 'write_off' and d.issue_date between ${from} and ${to}
      ${andInPortfolio('d.customer_code', companyId, salesperson)}
    group by 1, 2, 3`.execute(db);
  return result.rows;
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

export interface PeriodAllocations {
  /** Σ amount by (k of allocation date, due date of the debit), k ≥ 1. */
  cube: DueGridCell[];
  /**
   * Payments received in the period, weighted by the amount they settled on each invoice: the
   * payment's own date (not the matching date, which may lag) against the invoice's dates.
   */
  delays: PaymentDelayRow[];
  /** Per invoice month of the period: the part settled within the horizon (and by `to`). */
  settledByInvoiceMonth: { month: string; settledMinor: number }[];
}

interface AllocationGroupRow {
  k: number | null;
  dueDate: string | null;
  customerCode: string | null;
  paidMonth: string | null;
  invoiceMonth: string | null;
  amountMinor: number;
  paidMinor: number;
  dueWeighted: number;
  issueWeighted: number;
}

/**
 * One pass over the allocations dated in (first evaluation date, to], the only ones the period
 * needs: a payment of the period and a settlement of a period invoice are both dated on or after
 * their documents, so after the first evaluation date. The allocations are read with their
 * documents' columns from allocation_facts (migration 0042), one range of a narrow table instead
 * of two document lookups per allocation. Two grouping sets: by customer (the payment delays of
 * each) and by (k, due date, payment month, invoice month), a few thousand rows folded here into
 * the cube cells, the delays by month and the settled part of each invoice month.
 */
export async function periodAllocations(
  db: Kysely<Database>,
  companyId: string,
  period: { from: string; to: string; evalDates: readonly string[]; dayAfterEvalDates: readonly string[] },
  horizonDays: number,
  salesperson?: SalespersonScope,
): Promise<PeriodAllocations> {
  const { from, to, dayAfterEvalDates } = period;
  const firstEvalDate = period.evalDates[0] as string;
  // Grouping sets sort their input: customer codes compare as bytes ("C") and months as dates,
  // not through locale rules and to_char; each further set is one more sort of every row.
  // A payment of the period settling an invoice is "paid": its own date against the invoice's.
  // An invoice month is grouped by its last day (stored), named by its year and month.
  const result = await sql<AllocationGroupRow>`
    select k, due_date as "dueDate", customer_code as "customerCode", to_char(paid_month, 'YYYY-MM') as "paidMonth",
      to_char(invoice_month, 'YYYY-MM') as "invoiceMonth", sum(amount_minor)::int8 as "amountMinor",
      coalesce(sum(paid_minor), 0)::int8 as "paidMinor",
      coalesce(sum(paid_minor * due_delay), 0)::float8 as "dueWeighted",
      coalesce(sum(paid_minor * issue_delay), 0)::float8 as "issueWeighted"
    from (
      select width_bucket(f.allocation_date, ${dayAfterEvalDates}::date[]) as k, f.due_date, f.amount_minor,
        case when p.paid then f.customer_code collate "C" end as customer_code,
        case when p.paid then f.payment_month end as paid_month,
        case when p.paid then f.amount_minor end as paid_minor,
        f.payment_date - f.due_date as due_delay, f.payment_date - f.debit_issue_date as issue_delay,
        case when f.debit_is_invoice and f.debit_issue_date between ${from} and ${to}
          and f.allocation_date <= f.debit_month_end + ${horizonDays}::int then f.debit_month_end end as invoice_month
      from allocation_facts f
      cross join lateral (
        select f.debit_is_invoice and f.payment_date is not null and f.payment_date between ${from} and ${to} as paid
      ) p
      where f.company_id = ${companyId} and f.allocation_date > ${firstEvalDate} and f.allocation_date <= ${to}
        ${andInPortfolio('f.customer_code', companyId, salesperson)}
    ) x
    group by grouping sets ((k, due_date, paid_month, invoice_month), (customer_code))`.execute(db);
  return foldAllocationGroups(result.rows);
}

/** Sums of exact integers below 2^53 (amount × days), so adding them here loses nothing. */
function foldAllocationGroups(rows: readonly AllocationGroupRow[]): PeriodAllocations {
  const cube = new Map<string, DueGridCell>();
  const byMonth = new Map<string, PaymentDelayRow>();
  const settled = new Map<string, number>();
  const delays: PaymentDelayRow[] = [];
  for (const row of rows) {
    const { customerCode, paidMinor, dueWeighted, issueWeighted } = row;
    if (customerCode !== null)
      delays.push({ customerCode, month: null, paidMinor, dueWeighted, issueWeighted });
    if (row.k === null || row.dueDate === null) continue;
    const cell = cube.get(`${row.k}/${row.dueDate}`);
    if (cell) cell.amountMinor += row.amountMinor;
    else
      cube.set(`${row.k}/${row.dueDate}`, { k: row.k, dueDate: row.dueDate, amountMinor: row.amountMinor });
    if (row.invoiceMonth !== null)
      settled.set(row.invoiceMonth, (settled.get(row.invoiceMonth) ?? 0) + row.amountMinor);
    if (row.paidMonth === null) continue;
    const month = byMonth.get(row.paidMonth);
    if (month) {
      month.paidMinor += paidMinor;
      month.dueWeighted += dueWeighted;
      month.issueWeighted += issueWeighted;
    } else
      byMonth.set(row.paidMonth, {
        customerCode: null,
        month: row.paidMonth,
        paidMinor,
        dueWeighted,
        issueWeighted,
      });
  }
  return {
    cube: [...cube.values()],
    delays: [...delays, ...byMonth.values()],
    settledByInvoiceMonth: [...settled].map(([month, settledMinor]) => ({ month, settledMinor })),
  };
}

export interface PortfolioSnapshotRow {
  customersWithBalance: number;
  positiveBalanceMinor: number;
  top10Minor: number;
  herfindahl: number | null;
  limitedBalanceMinor: number;
  limitsMinor: number;
  customersWithoutLimitWithBalance: number;
  withoutLimitBalanceMinor: number;
}

/**
 * Per-customer ledger balances at a date folded into portfolio figures inside the database. A
 * customer's balance is the sum of its open items (an allocation matches two documents of the
 * same customer), so only the open items are read, not every document ever issued.
 */
export async function portfolioSnapshot(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  salesperson?: SalespersonScope,
): Promise<PortfolioSnapshotRow> {
  const result = await sql<PortfolioSnapshotRow>`
    with per_doc as (
      -- Grouped on bytes ("C"): locale-aware sorting of 100,000 codes costs more than the rest.
      select customer_code collate "C" as customer_code, sum(open_minor) as bal
      from (${openItemsAsOf({ companyId, asOf })}) o group by 1
    ), b as (
      select c.code, c.credit_limit_minor as lim, coalesce(p.bal, 0) as bal
      from customers c left join per_doc p on p.customer_code = c.code
      where c.company_id = ${companyId} ${andInPortfolio('c.code', companyId, salesperson)}
    )
    select count(*) filter (where bal > 0)::int8 as "customersWithBalance",
      coalesce(sum(bal) filter (where bal > 0), 0)::int8 as "positiveBalanceMinor",
      coalesce((select sum(bal) from (select bal from b where bal > 0 order by bal desc limit 10) t), 0)::int8 as "top10Minor",
      (sum(bal::numeric * bal) filter (where bal > 0) * 10000 / nullif(sum(bal) filter (where bal > 0), 0) ^ 2)::float8 as herfindahl,
      coalesce(sum(greatest(bal, 0)) filter (where lim is not null), 0)::int8 as "limitedBalanceMinor",
      coalesce(sum(lim) filter (where lim is not null), 0)::int8 as "limitsMinor",
      count(*) filter (where lim is null and bal > 0)::int8 as "customersWithoutLimitWithBalance",
      coalesce(sum(bal) filter (where lim is null and bal > 0), 0)::int8 as "withoutLimitBalanceMinor"
    from b`.execute(db);
  return result.rows[0] as PortfolioSnapshotRow;
}
