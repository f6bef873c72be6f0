/**
 * Per-customer facts for the risk-level tracking table and the anomalies: identity, limit,
 * oldest overdue item, story flags (reminders, disputes still open, insolvency notices) and
 * open orders, all as of a date. The aged buckets come from report-aging.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { type AgingQuery, customerFilterSql, openDocumentsWithAge } from './aging.ts';
import { andInPortfolio, type SalespersonScope } from './portfolio-scope.ts';
import type { RunInSnapshot } from './report-parallel.ts';

export interface CustomerRiskFactsRow {
  code: string;
  name: string;
  customerType: string;
  salesperson: string | null;
  country: string;
  paymentTerms: string;
  groupCode: string | null;
  status: string;
  creditLimitMinor: number | null;
  /** Largest days past due among open debits (0 when nothing is overdue). */
  oldestOverdueDays: number;
  /** Oldest open credit (unapplied cash, credit note) in days since issue, and its total. */
  oldestCreditDays: number;
  lastReminderDate: string | null;
  insolvencyDate: string | null;
  disputedOpenMinor: number;
  disputedRefs: string[];
  /** Orders not yet invoiced, as the exposure counts them. */
  openOrdersMinor: number;
  /** Of those, the orders awaiting a credit decision (pending or blocked unchecked, or held). */
  pendingOrders: number;
}

/**
 * The five reads run through `run` (report-parallel.ts): side by side on a server, in one snapshot.
 * Rows come in no particular order (the risk table sorts its rows itself).
 */
export async function customerRiskFacts(
  run: RunInSnapshot,
  query: AgingQuery,
): Promise<CustomerRiskFactsRow[]> {
  const { companyId, asOf } = query;
  // Separate grouped scans merged by customer code: joined in one statement, the planner could
  // not estimate the grouped subqueries and picked nested loops over the open documents.
  const [customers, docs, events, disputes, orders] = await Promise.all([
    run((db) =>
      sql<CustomerRiskFactsRow>`
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.country,
      c.payment_terms as "paymentTerms", c.group_code as "groupCode", c.status,
      c.credit_limit_minor as "creditLimitMinor"
    from customers c where c.company_id = ${companyId} and ${customerFilterSql(query.filter)}`.execute(db),
    ),
    run((db) =>
      sql<{ code: string; oldestOverdue: number | null; oldestCredit: number | null }>`
    select customer_code as code,
      max(age_days) filter (where open_minor > 0 and age_days > 0)::int as "oldestOverdue",
      max(${asOf}::date - issue_date) filter (where open_minor < 0)::int as "oldestCredit"
    from (${openDocumentsWithAge({ ...query, basis: 'due' })}) o where open_minor <> 0 group by customer_code`.execute(
        db,
      ),
    ),
    run((db) =>
      sql<{ code: string; lastReminder: string | null; insolvency: string | null }>`
    select customer_code as code, max(event_date) filter (where kind = 'reminder') as "lastReminder",
      max(event_date) filter (where kind = 'insolvency') as insolvency
    from customer_events where company_id = ${companyId} and event_date <= ${asOf} and kind in ('reminder', 'insolvency')
    group by customer_code`.execute(db),
    ),
    run((db) =>
      sql<{ code: string; ref: string; openMinor: number }>`
    select o.customer_code as code, o.external_ref as ref, o.open_minor::int8 as "openMinor"
    from (${openDocumentsWithAge({ ...query, basis: 'due' }, { withDocument: true })}) o
    where o.open_minor > 0 and exists (
      select 1 from customer_events e where e.company_id = ${companyId} and e.kind = 'dispute'
        and e.event_date <= ${asOf} and e.customer_code = o.customer_code and e.document_ref = o.external_ref)`.execute(
        db,
      ),
    ),
    // The orders the exposure counts (exposure-queries.ts): the ERP's open orders the check never
    // saw, and the orders the check approved, held or released that were not invoiced or
    // cancelled since; a refused order is not open. Awaiting a decision: pending or blocked in the
    // ERP without a check, or held by the check.
    run((db) =>
      sql<{ code: string; openOrders: number; pending: number }>`
    select customer_code as code, sum(amount_minor)::int8 as "openOrders", count(*) filter (where awaiting)::int as pending
    from (
      select o.customer_code, o.amount_minor, o.status in ('pending', 'blocked') as awaiting
        from orders o
       where o.company_id = ${companyId} and o.order_date <= ${asOf} and o.status in ('pending', 'blocked', 'released')
         and not exists (select 1 from credit_order_decisions k
                          where k.company_id = o.company_id and k.order_ref = o.order_number)
      union all
      select k.customer_code, k.amount_minor, k.status = 'held'
        from credit_order_decisions k
       where k.company_id = ${companyId} and k.status in ('approved', 'held', 'released')
         and not exists (select 1 from orders o where o.company_id = k.company_id
                           and o.order_number = k.order_ref and o.status in ('invoiced', 'cancelled'))
    ) open_orders
    group by customer_code`.execute(db),
    ),
  ]);
  const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((row) => [row.code, row]));
  const docsOf = byCode(docs.rows);
  const eventsOf = byCode(events.rows);
  const ordersOf = byCode(orders.rows);
  // Grouped once: filtering every dispute per customer grew as customers × disputes (seconds at scale).
  const disputesOf = new Map<string, { ref: string; openMinor: number }[]>();
  for (const dispute of disputes.rows) {
    const list = disputesOf.get(dispute.code);
    if (list) list.push(dispute);
    else disputesOf.set(dispute.code, [dispute]);
  }
  return customers.rows.map((c) => {
    const disputed = disputesOf.get(c.code) ?? [];
    return {
      ...c,
      oldestOverdueDays: docsOf.get(c.code)?.oldestOverdue ?? 0,
      oldestCreditDays: docsOf.get(c.code)?.oldestCredit ?? 0,
      lastReminderDate: eventsOf.get(c.code)?.lastReminder ?? null,
      insolvencyDate: eventsOf.get(c.code)?.insolvency ?? null,
      disputedOpenMinor: disputed.reduce((s, d) => s + d.openMinor, 0),
      disputedRefs: disputed.map((d) => d.ref).sort(),
      openOrdersMinor: ordersOf.get(c.code)?.openOrders ?? 0,
      pendingOrders: ordersOf.get(c.code)?.pending ?? 0,
    };
  });
}

/** Overdue amount per group key at each of several dates (trend findings), by due date, in one statement. */
export async function overdueAtDates(
  db: Kysely<Database>,
  companyId: string,
  dates: readonly string[],
  groupColumn: 'salesperson' | 'code',
  salesperson?: SalespersonScope,
): Promise<{ date: string; groupKey: string; customerCode: string; overdueMinor: number }[]> {
  if (dates.length === 0) return [];
  const column = groupColumn === 'salesperson' ? sql`coalesce(c.salesperson, '')` : sql`c.code`;
  const perDate = dates.map(
    (date) => sql`select ${date}::date as date, o.customer_code, o.open_minor
      from (${openItemsAsOf({ companyId, asOf: date })}) o where o.open_minor > 0 and o.due_date < ${date}::date`,
  );
  // Summed per customer and date before the join: a customer has one group key, and joining the
  // open items one by one, then sorting them on text keys to group them, cost most of the time.
  const result = await sql<{ date: string; groupKey: string; customerCode: string; overdueMinor: number }>`
    select x.date, ${column} as "groupKey", x.customer_code as "customerCode", x.overdue_minor::int8 as "overdueMinor"
    from (
      select u.date, u.customer_code, sum(u.open_minor) as overdue_minor
      from (${sql.join(perDate, sql` union all `)}) u group by 1, 2
    ) x
    join customers c on c.company_id = ${companyId} and c.code = x.customer_code
    where true ${andInPortfolio('x.customer_code', companyId, salesperson)}`.execute(db);
  return result.rows;
}

export interface DelayWindowRow {
  window: number;
  customerCode: string;
  paidMinor: number;
  /** Σ amount × (payment date − due date). */
  dueWeighted: number;
}

/**
 * Payments received in each window, per customer, weighted by what they settled on each invoice
 * (the KPI report's payment delay, for several windows in one scan of the allocations).
 */
export async function paymentDelayWindows(
  db: Kysely<Database>,
  companyId: string,
  windows: readonly { from: string; to: string }[],
  salesperson?: SalespersonScope,
): Promise<DelayWindowRow[]> {
  if (windows.length === 0) return [];
  const values = windows.map((w, i) => sql`(${i}::int, ${w.from}::date, ${w.to}::date)`);
  const first = windows.map((w) => w.from).sort()[0] as string;
  const last = windows.map((w) => w.to).sort()[windows.length - 1] as string;
  const result = await sql<DelayWindowRow>`
    select w.i as window, deb.customer_code collate "C" as "customerCode", sum(a.amount_minor)::int8 as "paidMinor",
      sum(a.amount_minor * (cr.issue_date - deb.due_date))::float8 as "dueWeighted"
    from allocations a
    join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id
    join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
    join (values ${sql.join(values)}) w (i, from_date, to_date)
      on cr.issue_date between w.from_date and w.to_date and a.allocation_date <= w.to_date
    where a.company_id = ${companyId} and cr.kind = 'payment' and deb.kind = 'invoice'
      and cr.issue_date between ${first} and ${last} ${andInPortfolio('deb.customer_code', companyId, salesperson)}
    -- Grouped on bytes ("C"): the grouping sorts every allocation of the year by customer code.
    group by 1, 2`.execute(db);
  return result.rows;
}

export interface BouncedPaymentRow {
  customerCode: string;
  externalRef: string;
  issueDate: string;
  amountMinor: number;
  openMinor: number;
}

/** Bounced payments (impayés) recorded between two dates, with what is still open of them. */
export async function bouncedPayments(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  asOf: string,
  salesperson?: SalespersonScope,
): Promise<BouncedPaymentRow[]> {
  const result = await sql<BouncedPaymentRow>`
    select d.customer_code as "customerCode", d.external_ref as "externalRef", d.issue_date as "issueDate",
      d.amount_minor as "amountMinor", coalesce(o.open_minor, 0)::int8 as "openMinor"
    from documents d
    left join (${openItemsAsOf({ companyId, asOf })}) o on o.document_id = d.document_id
    where d.company_id = ${companyId} and d.kind = 'bounced_payment' and d.issue_date between ${from} and ${asOf}
      ${andInPortfolio('d.customer_code', companyId, salesperson)}
    order by d.issue_date, d.external_ref`.execute(db);
  return result.rows;
}

/** Ledger balance of every customer at two dates (Σ amounts issued on or before each). */
export async function balancesAtTwoDates(
  db: Kysely<Database>,
  companyId: string,
  before: string,
  after: string,
  salesperson?: SalespersonScope,
): Promise<{ code: string; name: string; beforeMinor: number; afterMinor: number }[]> {
  const result = await sql<{ code: string; name: string; beforeMinor: number; afterMinor: number }>`
    select c.code, c.name, coalesce(d.before_minor, 0)::int8 as "beforeMinor",
      coalesce(d.after_minor, 0)::int8 as "afterMinor"
    from customers c
    -- Summed per customer code first, then joined: grouping the joined rows by code and name
    -- sorted every document on two text keys.
    left join (
      select customer_code, sum(amount_minor) filter (where issue_date <= ${before}) as before_minor,
        sum(amount_minor) as after_minor
      from documents where company_id = ${companyId} and issue_date <= ${after} group by customer_code
    ) d on d.customer_code = c.code
    where c.company_id = ${companyId} ${andInPortfolio('c.code', companyId, salesperson)}`.execute(db);
  return result.rows;
}

/** Invoiced sales in each date range (inclusive), in one scan of the invoices. */
export async function invoicedInRanges(
  db: Kysely<Database>,
  companyId: string,
  ranges: readonly { from: string; to: string }[],
  salesperson?: SalespersonScope,
): Promise<number[]> {
  if (ranges.length === 0) return [];
  const sums = ranges.map(
    (range) =>
      sql`coalesce(sum(amount_minor) filter (where issue_date between ${range.from} and ${range.to}), 0)::int8`,
  );
  const first = ranges.map((range) => range.from).sort()[0] as string;
  const result = await sql<{ sums: number[] }>`
    select array[${sql.join(sums)}] as sums from documents
    where company_id = ${companyId} and kind = 'invoice' and issue_date >= ${first}
      ${andInPortfolio('customer_code', companyId, salesperson)}`.execute(db);
  return (result.rows[0]?.sums ?? []).map(Number);
}
