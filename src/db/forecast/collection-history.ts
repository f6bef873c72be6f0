/**
 * What the collection curves learn from (core/forecast/collection-curve.ts): at past cut-offs, the
 * invoices then open, by age bucket, and the payments that came in on each day after each cut-off.
 * Payments are dated by the payment document (when the money came, as the forecast's actuals),
 * counted only when dated after the cut-off, by the as-of date, and allocated by then (what was known
 * then; a recent cut-off's later days are not read).
 *
 * One statement for every cut-off: the invoices open at any of them are read once from the
 * open-item state (open now, or settled after the first cut-off), and each one's open amount at
 * each cut-off is derived as `openItemsAsOf` does (ledger/open-items.ts) — the allocations are read
 * only for an invoice partly settled around a cut-off. Read cut-off by cut-off, the thirteen scans
 * of 1,000,000 open items took 81 s on a loaded machine.
 */
import { sql, type Transaction } from 'kysely';
import type { BucketHistory } from '#core/forecast/collection-curve';
import type { Database } from '../infra/schema.ts';

export interface CollectionHistoryInput {
  companyId: string;
  currency: string;
  /** The past cut-offs. */
  cutoffs: readonly string[];
  /** Allocations known at this date only. */
  knownAt: string;
  horizonDays: number;
  /** First age (days past due) of each bucket, ascending; younger invoices are left out. */
  bucketStarts: readonly number[];
}

/** Per cut-off (in the order given), what each bucket held and what came in after. */
export async function selectCollectionHistory(
  trx: Transaction<Database>,
  input: CollectionHistoryInput,
): Promise<BucketHistory[][]> {
  const { companyId, currency, knownAt, horizonDays } = input;
  if (input.cutoffs.length === 0) return [];
  const cutoffs = sql`array[${sql.join(input.cutoffs.map((cutoff) => sql`${cutoff}::date`))}]`;
  const starts = sql`array[${sql.join(input.bucketStarts.map((start) => sql`${start}::int`))}]`;
  const first = [...input.cutoffs].sort()[0];
  const last = [...input.cutoffs].sort().at(-1);
  // Open at the cut-off t, as openItemsAsOf: the whole amount before the first allocation, the
  // amount open now when nothing was allocated after t, else the allocations after t added back.
  const openAt = sql`case
      when i.first_at is null or i.first_at > t.cutoff then i.amount_minor
      when i.last_at <= t.cutoff then i.now_open
      else i.now_open
        + coalesce((select sum(a.amount_minor) from allocations a where a.company_id = ${companyId}
            and a.debit_document_id = i.document_id and a.allocation_date > t.cutoff), 0)
        - coalesce((select sum(a.amount_minor) from allocations a where a.company_id = ${companyId}
            and a.credit_document_id = i.document_id and a.allocation_date > t.cutoff), 0)
    end`;
  const openAtCutoff = sql`i.issue_date <= t.cutoff and (i.settled_on is null or i.settled_on > t.cutoff)`;
  const result = await sql<{
    cutoff: string;
    bucket: number;
    day: number | null;
    invoices: number;
    minor: number;
  }>`
    with cut as (select unnest(${cutoffs}) as cutoff),
    invoices as materialized (
      select c.* from (
        select o.document_id, o.issue_date, o.due_date, o.amount_minor, o.open_minor as now_open,
               o.first_allocation_date as first_at, o.last_allocation_date as last_at, null::date as settled_on
          from open_items o
         where o.company_id = ${companyId} and o.issue_date <= ${last}::date and o.amount_minor > 0
        union all
        select s.document_id, s.issue_date, s.due_date, s.amount_minor, 0, s.first_allocation_date,
               s.settled_on, s.settled_on
          from settled_documents s
         where s.company_id = ${companyId} and s.settled_on > ${first}::date
           and s.issue_date <= ${last}::date and s.amount_minor > 0
      ) c
      join documents d on d.company_id = ${companyId} and d.document_id = c.document_id
     where d.kind = 'invoice' and d.currency = ${currency}),
    -- Invoices whose allocations all fall before the first cut-off or after the last (so none is
    -- partly settled across any cut-off) have, at each cut-off, the open amount every invoice of
    -- the same dates has: counted by their dates, not one by one.
    by_dates as (
      select issue_date, due_date, settled_on, first_at, last_at, null::int8 as document_id,
             count(*) as invoices, sum(amount_minor) as amount_minor, sum(now_open) as now_open
        from invoices
       where not coalesce(first_at <= ${last}::date and last_at > ${first}::date, false)
       group by 1, 2, 3, 4, 5
      union all
      select issue_date, due_date, settled_on, first_at, last_at, document_id, 1, amount_minor, now_open
        from invoices
       where coalesce(first_at <= ${last}::date and last_at > ${first}::date, false)),
    paid as (
      select i.*, p.issue_date as paid_on, sum(a.amount_minor) as minor
        from invoices i
        join allocations a on a.company_id = ${companyId} and a.debit_document_id = i.document_id
         and a.allocation_date <= ${knownAt}::date
        join documents p on p.company_id = ${companyId} and p.document_id = a.credit_document_id
       where p.kind = 'payment' and p.issue_date > ${first}::date
         and p.issue_date <= least(${last}::date + ${horizonDays}::int, ${knownAt}::date)
       group by i.document_id, i.issue_date, i.due_date, i.amount_minor, i.now_open, i.first_at, i.last_at,
                i.settled_on, p.issue_date)
    -- Grouped by the cut-off's date and written as text after: grouping millions of (invoice,
    -- cut-off) pairs by a text key sorted them on disk (at 1,000,000 open items).
    select to_char(cutoff, 'YYYY-MM-DD') as cutoff, bucket, day, invoices, minor from (
      select cutoff, bucket, null::int as day, sum(invoices)::int as invoices, sum(open_minor)::int8 as minor
        from (select t.cutoff, width_bucket(t.cutoff - i.due_date, ${starts}) as bucket, i.invoices,
                     ${openAt} as open_minor
                from by_dates i join cut t on ${openAtCutoff}) aged
       where bucket > 0 and open_minor > 0
       group by 1, 2
      union all
      select t.cutoff, width_bucket(t.cutoff - i.due_date, ${starts}), i.paid_on - t.cutoff - 1, 0,
             sum(i.minor)::int8
        from paid i
        join cut t on i.paid_on > t.cutoff and i.paid_on <= t.cutoff + ${horizonDays}::int and ${openAtCutoff}
       where width_bucket(t.cutoff - i.due_date, ${starts}) > 0 and ${openAt} > 0
       group by 1, 2, 3) histories`.execute(trx);
  return historiesByCutoff(input.cutoffs, horizonDays, result.rows);
}

function historiesByCutoff(
  cutoffs: readonly string[],
  horizonDays: number,
  rows: readonly { cutoff: string; bucket: number; day: number | null; invoices: number; minor: number }[],
): BucketHistory[][] {
  const byCutoff = new Map(cutoffs.map((cutoff) => [cutoff, new Map<number, BucketHistory>()]));
  for (const row of rows) {
    const buckets = byCutoff.get(row.cutoff);
    if (!buckets) continue;
    const bucket = Number(row.bucket);
    let history = buckets.get(bucket);
    if (!history) {
      history = { bucket, invoices: 0, openMinor: 0, collectedByDayMinor: new Array(horizonDays).fill(0) };
      buckets.set(bucket, history);
    }
    if (row.day === null) {
      history.invoices += Number(row.invoices);
      history.openMinor += Number(row.minor);
    } else {
      const day = Number(row.day);
      history.collectedByDayMinor[day] = (history.collectedByDayMinor[day] ?? 0) + Number(row.minor);
    }
  }
  return cutoffs.map((cutoff) => [...(byCutoff.get(cutoff)?.values() ?? [])]);
}
