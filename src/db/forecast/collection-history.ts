/**
 * What the collection curves learn from (core/forecast/collection-curve.ts): at one past cut-off,
 * the invoices then open, by age bucket, and the payments that came in on each day after it.
 * Payments are dated by the payment document (when the money came, as the forecast's actuals),
 * counted only when dated after the cut-off and allocated by the as-of date (what was known then).
 */
import { sql, type Transaction } from 'kysely';
import type { BucketHistory } from '#core/forecast/collection-curve';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface CollectionHistoryInput {
  companyId: string;
  currency: string;
  /** The past cut-off. */
  cutoff: string;
  /** Allocations known at this date only. */
  knownAt: string;
  horizonDays: number;
  /** First age (days past due) of each bucket, ascending; younger invoices are left out. */
  bucketStarts: readonly number[];
}

export async function selectCollectionHistory(
  trx: Transaction<Database>,
  input: CollectionHistoryInput,
): Promise<BucketHistory[]> {
  const { companyId, currency, cutoff, knownAt, horizonDays } = input;
  const starts = sql`array[${sql.join(input.bucketStarts.map((start) => sql`${start}::int`))}]`;
  const result = await sql<{ bucket: number; day: number | null; invoices: number; minor: number }>`
    with aged as materialized (
      select o.document_id, width_bucket(${cutoff}::date - o.due_date, ${starts}) as bucket, o.open_minor
        from (${openItemsAsOf({ companyId, asOf: cutoff })}) o
        join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
       where d.kind = 'invoice' and d.currency = ${currency} and o.open_minor > 0)
    select bucket, null::int as day, count(*)::int as invoices, sum(open_minor)::int8 as minor
      from aged where bucket > 0 group by bucket
    union all
    select o.bucket, p.issue_date - ${cutoff}::date - 1 as day, 0, sum(a.amount_minor)::int8
      from aged o
      join allocations a on a.company_id = ${companyId} and a.debit_document_id = o.document_id
       and a.allocation_date <= ${knownAt}::date
      join documents p on p.company_id = ${companyId} and p.document_id = a.credit_document_id
     where o.bucket > 0 and p.kind = 'payment' and p.issue_date > ${cutoff}::date
       and p.issue_date <= ${cutoff}::date + ${horizonDays}::int
     group by 1, 2`.execute(trx);
  const byBucket = new Map<number, BucketHistory>();
  const historyOf = (bucket: number) => {
    let history = byBucket.get(bucket);
    if (!history) {
      history = { bucket, invoices: 0, openMinor: 0, collectedByDayMinor: new Array(horizonDays).fill(0) };
      byBucket.set(bucket, history);
    }
    return history;
  };
  for (const row of result.rows) {
    const history = historyOf(Number(row.bucket));
    if (row.day === null) {
      history.invoices += Number(row.invoices);
      history.openMinor += Number(row.minor);
    } else {
      const day = Number(row.day);
      history.collectedByDayMinor[day] = (history.collectedByDayMinor[day] ?? 0) + Number(row.minor);
    }
  }
  return [...byBucket.values()];
}
