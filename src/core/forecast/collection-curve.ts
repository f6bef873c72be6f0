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
import type { WeekSums } from './collections.ts';
import { periodLastDay, periodOf } from './periods.ts';

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

/** A cut-off's daily shares summed into the forecast's weeks (cut-offs are whole weeks apart). */
function weekShares(history: BucketHistory, asOfDay: number, sums: WeekSums): number[] {
  const shares = sums.expected.map(() => 0);
  if (history.openMinor <= 0) return shares;
  history.collectedByDayMinor.forEach((minor, day) => {
    const week = periodOf(sums, asOfDay + 1 + day);
    if (week >= 0) shares[week] = (shares[week] ?? 0) + Math.max(0, minor) / history.openMinor;
  });
  return shares;
}

/**
 * The curves of each bucket on the weeks of `sums`, from the cut-offs' histories (one list per
 * cut-off, made at `cutoffDays`): each week pools the newest cut-offs known through its end (paid
 * over open) and measures its variance across them. Why the newest per week rather than one
 * quarter of cut-offs known through the whole horizon: payers' habits drift (the demo's slow down
 * over the year), and the first weeks, which hold most of the money, can then learn from the
 * quarter just past instead of the one before it.
 */
export function weekCurves(
  byCutoff: readonly (readonly BucketHistory[])[],
  cutoffDays: readonly number[],
  asOf: IsoDate,
  sums: WeekSums,
): WeekCurves {
  const asOfDay = toDayNumber(asOf);
  const pooledByWeek = sums.expected.map((_, week) =>
    cutoffsKnownThrough(cutoffDays, asOfDay, periodLastDay(sums, week)),
  );
  const sharesByBucket: (number[] | null)[] = AGE_BUCKET_STARTS.map(() => null);
  const shareVarianceByBucket: (number[] | null)[] = AGE_BUCKET_STARTS.map(() => null);
  for (let index = 0; index < AGE_BUCKET_STARTS.length; index += 1) {
    const rowsByCutoff = byCutoff.map((histories) => histories.find((row) => row.bucket === index + 1));
    const invoices = rowsByCutoff.reduce((most, row) => Math.max(most, row?.invoices ?? 0), 0);
    if (invoices < MIN_CURVE_INVOICES) continue;
    const weeks = pooledByWeek.map((positions, week) =>
      pooledWeek(
        positions.flatMap((position) => rowsByCutoff[position] ?? []),
        week,
        asOfDay,
        sums,
      ),
    );
    if (weeks.some((week) => week === null)) continue;
    sharesByBucket[index] = weeks.map((week) => week?.share ?? 0);
    shareVarianceByBucket[index] = weeks.map((week) => week?.variance ?? 0);
  }
  return { asOfDay, sharesByBucket, shareVarianceByBucket };
}

/** One week's pooled share (Σ paid / Σ open) over some cut-offs and its variance across them. */
function pooledWeek(
  rows: readonly BucketHistory[],
  week: number,
  asOfDay: number,
  sums: WeekSums,
): { share: number; variance: number } | null {
  const openMinor = rows.reduce((sum, row) => sum + row.openMinor, 0);
  if (openMinor <= 0) return null;
  const perCutoff = rows.map((row) => ({
    weight: row.openMinor / openMinor,
    share: weekShares(row, asOfDay, sums)[week] ?? 0,
  }));
  const share = Math.min(
    1,
    perCutoff.reduce((sum, cut) => sum + cut.weight * cut.share, 0),
  );
  const variance = perCutoff.reduce((sum, cut) => sum + cut.weight * (cut.share - share) ** 2, 0);
  return { share, variance };
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
