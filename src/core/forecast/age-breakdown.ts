/**
 * The collection forecast's open items by age at the as-of date: how much is open in each age
 * bucket and how much of it the forecast expects within its horizon, at the share its curve learned.
 *
 * Why: the forecast from open items is Σ (open amount of a bucket × the share of that bucket paid
 * over the horizon after the recent past cut-offs). Applying a month of receipts lowers the first
 * factor and can raise the second far more: on the demo, the June statement settled 470 835,94 € of
 * invoices (279 680 € of them expected within 13 weeks), yet the forecast rose by 17 739 €, because
 * June's receipts, 25 % more than the ledger had, lifted every bucket's learned share (the invoices
 * over 180 days late from 1,6 % to 36,7 %: +129 547 €). Without the buckets that reads as a defect;
 * with them, it is the arithmetic of the two factors.
 */
import { AGE_BUCKET_STARTS } from './collection-curve.ts';
import { horizonEnd } from './periods.ts';
import type { WeekSums } from './week-sums.ts';

export interface AgeBucketForecast {
  /** Days past the due date at the as-of date (negative: due later), both ends included; null: open. */
  fromDaysPastDue: number | null;
  toDaysPastDue: number | null;
  openMinor: number;
  /** Expected within the horizon: the open amount × the share the bucket's curve learned. */
  expectedMinor: number;
  /** That share over the whole horizon (0–1). */
  share: number;
}

export interface AgeBreakdown {
  /** The buckets spread by a collection curve, youngest first. */
  buckets: AgeBucketForecast[];
  /** The invoices of an age without a curve (too few at past cut-offs), spread by their own dates. */
  dated: { openMinor: number; expectedMinor: number };
  /** Left out: no payment expected outside a court's plan (pre-judgment claims). */
  leftOutOpenMinor: number;
}

/** The open items of `sums` by age; each expected amount rounded on its own (a cent from the total). */
export function ageBreakdown(sums: WeekSums): AgeBreakdown {
  const daily = sums.curves?.dailySharesByBucket ?? [];
  const buckets: AgeBucketForecast[] = [];
  (sums.curveOpenMinor ?? []).forEach((openMinor, index) => {
    const shares = daily[index];
    if (!shares || !openMinor) return;
    // The days up to the as-of date hold no share (collection-curve.ts lays them from the day after).
    const share = shares.reduce((sum, day) => sum + day, 0);
    const start = AGE_BUCKET_STARTS[index] ?? 0;
    const next = AGE_BUCKET_STARTS[index + 1];
    buckets.push({
      fromDaysPastDue: index === 0 ? null : start,
      toDaysPastDue: next === undefined ? null : next - 1,
      openMinor,
      expectedMinor: Math.round(openMinor * share),
      share,
    });
  });
  const byDay = sums.expectedByDay ?? new Float64Array(horizonEnd(sums) - sums.firstDay);
  return {
    buckets,
    dated: {
      openMinor: sums.datedOpenMinor ?? 0,
      expectedMinor: Math.round(byDay.reduce((sum, day) => sum + day, 0)),
    },
    leftOutOpenMinor: sums.leftOutOpenMinor ?? 0,
  };
}
