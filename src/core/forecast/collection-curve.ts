/**
 * How open invoices are really collected: collection curves by age (days past the due date, or
 * before it), learned from the company's own past — the share of the open amount of the invoices
 * of an age at a past cut-off that came in on each day after it.
 *
 * Why, for the collection forecast: the payment-date model learns when an invoice is paid relative
 * to its due date, customer by customer, which is what one invoice's prediction needs. Summed over
 * every open invoice it was far off: an invoice already past the dates its customer usually pays
 * on keeps only the slow tail of that habit, laid from the day after the cut-off (predict.ts), so
 * every long-overdue invoice seemed to come in within days, and the spread of the habits put money
 * before due dates that the customers pay on. On the demo the forecast for each coming week was
 * twice what came in (WAPE 129 %); with the curves, 29 % (BENCHMARKS.md). Each week of the forecast
 * pools the 13 newest weekly cut-offs whose days up to that week's end were known at the as-of date
 * (nothing later is read); with one quarter of cut-offs known through the whole horizon for every
 * week, the demo's payers slowing down over the year left the first weeks 21 % too high (8 %).
 * A bucket with too few invoices keeps the model's dates.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { horizonEnd, periodLastDay, periodStart } from './periods.ts';
import type { WeekSums } from './week-sums.ts';

/**
 * First age (days past due; negative: due later) of each bucket: due in more than 30 days, in
 * 16–30, 8–15, 1–7 days or today, then 1–15, 16–30, 31–60, 61–90, 91–180 and over 180 days late.
 */
export const AGE_BUCKET_STARTS: readonly number[] = [-36_500, -30, -15, -7, 1, 16, 31, 61, 91, 181];

/** Past cut-offs pooled for each week of the forecast: a quarter of weekly cut-offs. */
export const CURVE_CUTOFFS = 13;

/**
 * Fewer invoices than this in a bucket at every cut-off: the model's own dates are kept. (Counted at
 * each cut-off, not summed: an invoice open at the 13 cut-offs is one invoice.)
 */
export const MIN_CURVE_INVOICES = 30;

/** What one past cut-off says of one age bucket. */
export interface BucketHistory {
  /** 1-based, as `AGE_BUCKET_STARTS`. */
  bucket: number;
  invoices: number;
  openMinor: number;
  /** Paid on each day after the cut-off: index 0 is the day after. */
  collectedByDayMinor: number[];
}

/** The curves laid on one forecast's weeks. */
export interface WeekCurves {
  asOfDay: number;
  /** Per bucket (index = bucket − 1): the share of the open amount paid in each week, or null. */
  sharesByBucket: readonly (readonly number[] | null)[];
  /**
   * Per bucket: how much that share varied from one cut-off to the next (variance, weighted by
   * the open amounts). Payment runs and month ends move a bucket's invoices together, so this
   * part of the band grows with the bucket's whole open amount, not invoice by invoice.
   */
  shareVarianceByBucket: readonly (readonly number[] | null)[];
  /**
   * Per bucket: the share paid on each day of the horizon (index: day − the horizon's first day),
   * or null. The periods' shares are its sums: every cut of one horizon is the same forecast.
   */
  dailySharesByBucket: readonly (Float64Array | null)[];
}

/**
 * The cut-offs whose whole horizon is known at the as-of date, newest first, a week apart, on the
 * as-of date's weekday: `weeksBackDays` a multiple of 7, at least the horizon read after each.
 */
export function curveCutoffs(asOf: IsoDate, weeksBackDays: number): number[] {
  const last = toDayNumber(asOf) - weeksBackDays;
  return Array.from({ length: CURVE_CUTOFFS }, (_, index) => last - 7 * index);
}

/**
 * The cut-offs a forecast of `weeks` weeks reads, newest first: from one week back, so that each
 * week of the forecast can pool the `CURVE_CUTOFFS` newest cut-offs whose days up to that week's
 * end are all known (week k from k + 1 weeks back on, `cutoffsKnownThrough`).
 */
export function recentCurveCutoffs(asOf: IsoDate, weeks: number): number[] {
  const asOfDay = toDayNumber(asOf);
  return Array.from({ length: weeks + CURVE_CUTOFFS - 1 }, (_, index) => asOfDay - 7 * (index + 1));
}

/**
 * The positions in `cutoffDays` of the newest `CURVE_CUTOFFS` cut-offs whose history is known up
 * to the forecast day `lastDay`: a history is laid from the day after the as-of date, so a cut-off
 * `c` needs its days up to `c + (lastDay − asOfDay)`, which must not be after the as-of date.
 */
function cutoffsKnownThrough(cutoffDays: readonly number[], asOfDay: number, lastDay: number): number[] {
  return cutoffDays
    .map((day, position) => ({ day, position }))
    .filter(({ day }) => day + (lastDay - asOfDay) <= asOfDay)
    .sort((a, b) => b.day - a.day)
    .slice(0, CURVE_CUTOFFS)
    .map(({ position }) => position);
}

/** The bucket (1-based) of an invoice `ageDays` past due (negative: due later). */
export function ageBucket(ageDays: number): number {
  let bucket = 0;
  for (const start of AGE_BUCKET_STARTS) if (ageDays >= start) bucket += 1;
  return bucket;
}

/**
 * The curves of each bucket on the periods of `sums`, from the cut-offs' histories (one list per
 * cut-off, made at `cutoffDays`). One daily spread per bucket, whatever the cut: each day of the
 * horizon pools (paid over open) the newest cut-offs known through the end of the forecast week
 * holding it, and a period's share is the sum of its days' — so days, weeks and months are the same
 * forecast and add up to the same total (each cut pooling its own periods' cut-offs made a month
 * differ from the sum of its days by 1.5 %). Why the newest per week rather than one quarter of
 * cut-offs known through the whole horizon: payers' habits drift (the demo's slow down over the
 * year), and the first weeks, which hold most of the money, can then learn from the quarter just
 * past instead of the one before it. A period's variance is measured across the cut-offs pooled
 * for its last day (for a month, those of its last week, which all know the whole month).
 */
export function weekCurves(
  byCutoff: readonly (readonly BucketHistory[])[],
  cutoffDays: readonly number[],
  asOf: IsoDate,
  sums: WeekSums,
): WeekCurves {
  const asOfDay = toDayNumber(asOf);
  const horizonDays = horizonEnd(sums) - sums.firstDay;
  // The pools of the forecast weeks (7-day blocks from the horizon's first Monday).
  const pools = Array.from({ length: Math.ceil(horizonDays / 7) }, (_, week) =>
    cutoffsKnownThrough(cutoffDays, asOfDay, Math.min(sums.firstDay + 7 * week + 6, horizonEnd(sums) - 1)),
  );
  const poolOf = (day: number) => pools[Math.floor((day - sums.firstDay) / 7)] ?? [];
  const sharesByBucket: (number[] | null)[] = AGE_BUCKET_STARTS.map(() => null);
  const shareVarianceByBucket: (number[] | null)[] = AGE_BUCKET_STARTS.map(() => null);
  const dailySharesByBucket: (Float64Array | null)[] = AGE_BUCKET_STARTS.map(() => null);
  for (let index = 0; index < AGE_BUCKET_STARTS.length; index += 1) {
    const rowsByCutoff = byCutoff.map((histories) =>
      histories.find((row) => row.bucket === index + 1 && row.openMinor > 0),
    );
    const invoices = rowsByCutoff.reduce((most, row) => Math.max(most, row?.invoices ?? 0), 0);
    if (invoices < MIN_CURVE_INVOICES) continue;
    const rowsOf = (positions: readonly number[]) =>
      positions.flatMap((position) => rowsByCutoff[position] ?? []);
    const daily = dailySpread(pools.map(rowsOf), sums.firstDay, horizonDays, asOfDay);
    if (!daily) continue;
    dailySharesByBucket[index] = daily;
    sharesByBucket[index] = sums.expected.map((_, period) => {
      let share = 0;
      for (let day = periodStart(sums, period); day <= periodLastDay(sums, period); day += 1)
        share += daily[day - sums.firstDay] ?? 0;
      return share;
    });
    shareVarianceByBucket[index] = sums.expected.map((_, period) =>
      periodVariance(rowsOf(poolOf(periodLastDay(sums, period))), period, asOfDay, sums),
    );
  }
  return { asOfDay, sharesByBucket, shareVarianceByBucket, dailySharesByBucket };
}

/**
 * Each day's pooled share (Σ paid / Σ open over its week's cut-offs), index: day − `firstDay`;
 * null when a week's cut-offs held nothing of the bucket. The running total is capped at the whole
 * amount, day by day, so that every cut sums the same capped days.
 */
function dailySpread(
  rowsByWeek: readonly (readonly BucketHistory[])[],
  firstDay: number,
  horizonDays: number,
  asOfDay: number,
): Float64Array | null {
  const daily = new Float64Array(horizonDays);
  let running = 0;
  for (const [week, rows] of rowsByWeek.entries()) {
    const openMinor = rows.reduce((sum, row) => sum + row.openMinor, 0);
    if (openMinor <= 0) return null;
    for (let offset = 7 * week; offset < Math.min(7 * week + 7, horizonDays); offset += 1) {
      const after = firstDay + offset - asOfDay - 1; // index in a history: 0 is the day after
      if (after < 0) continue;
      const paid = rows.reduce((sum, row) => sum + Math.max(0, row.collectedByDayMinor[after] ?? 0), 0);
      const share = Math.min(paid / openMinor, 1 - running);
      daily[offset] = share;
      running += share;
    }
  }
  return daily;
}

/** A period's share across some cut-offs (weighted by their open amounts): its variance. */
function periodVariance(
  rows: readonly BucketHistory[],
  period: number,
  asOfDay: number,
  sums: WeekSums,
): number {
  const openMinor = rows.reduce((sum, row) => sum + row.openMinor, 0);
  if (openMinor <= 0) return 0;
  const from = Math.max(periodStart(sums, period), asOfDay + 1) - asOfDay - 1;
  const to = periodLastDay(sums, period) - asOfDay - 1;
  const perCutoff = rows.map((row) => {
    let paid = 0;
    for (let day = from; day <= to; day += 1) paid += Math.max(0, row.collectedByDayMinor[day] ?? 0);
    return { weight: row.openMinor / openMinor, share: paid / row.openMinor };
  });
  const share = perCutoff.reduce((sum, cut) => sum + cut.weight * cut.share, 0);
  return perCutoff.reduce((sum, cut) => sum + cut.weight * (cut.share - share) ** 2, 0);
}

/** The bucket of an open invoice at the as-of date, and its curve (null: the model's dates). */
export function curveOf(
  curves: WeekCurves,
  dueDate: IsoDate,
): { bucket: number; shares: readonly number[] } | null {
  const bucket = ageBucket(curves.asOfDay - toDayNumber(dueDate));
  const shares = bucket === 0 ? null : curves.sharesByBucket[bucket - 1];
  return shares ? { bucket, shares } : null;
}
