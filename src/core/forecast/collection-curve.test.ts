import { describe, expect, it } from 'vitest';
import { fromDayNumber, isoWeekday, toDayNumber } from '../calendar.ts';
import {
  ageBucket,
  type BucketHistory,
  curveCutoffs,
  MIN_CURVE_INVOICES,
  recentCurveCutoffs,
  weekCurves,
} from './collection-curve.ts';
import { collectionWeeks } from './collections.ts';
import { addToWeeks, emptyWeekSums } from './week-sums.ts';

/** A Sunday: the forecast's first week starts the next day, so day k after it is in week ⌊k/7⌋. */
const AS_OF = '2026-06-28';

/** `count` cut-offs a quarter back and older: known through every week of these tests' forecasts. */
function quarterBack(count: number): number[] {
  return Array.from({ length: count }, (_, index) => toDayNumber(AS_OF) - 7 * (13 + index));
}

function history(
  bucket: number,
  invoices: number,
  openMinor: number,
  paid: Record<number, number>,
): BucketHistory {
  const collectedByDayMinor = new Array(28).fill(0);
  for (const [day, minor] of Object.entries(paid)) collectedByDayMinor[Number(day)] = minor;
  return { bucket, invoices, openMinor, collectedByDayMinor };
}

describe('collection curves', () => {
  it('puts an age in its bucket: due later, due within a week, overdue', () => {
    expect(ageBucket(-400)).toBe(1);
    expect(ageBucket(-31)).toBe(1);
    expect(ageBucket(-30)).toBe(2);
    expect(ageBucket(-7)).toBe(4);
    expect(ageBucket(0)).toBe(4);
    expect(ageBucket(1)).toBe(5);
    expect(ageBucket(200)).toBe(10);
  });

  it('pools the cut-offs (paid over open) and measures how the share varied between them', () => {
    const sums = emptyWeekSums(AS_OF, 4);
    // Bucket 5 (1–15 days late): a quarter paid in the first week at one cut-off, three quarters at the other.
    const curves = weekCurves(
      [[history(5, 30, 1_000, { 2: 250 })], [history(5, 30, 1_000, { 3: 750 })]],
      quarterBack(2),
      AS_OF,
      sums,
    );
    expect(curves.sharesByBucket[4]).toEqual([0.5, 0, 0, 0]);
    expect(curves.shareVarianceByBucket[4]?.[0]).toBeCloseTo(0.0625, 10);
    expect(curves.sharesByBucket[0]).toBeNull();
  });

  it('keeps the model for a bucket with too few invoices, the same ones counted once', () => {
    const sums = emptyWeekSums(AS_OF, 2);
    const curves = weekCurves(
      [[history(5, MIN_CURVE_INVOICES - 1, 1_000, { 0: 1_000 })]],
      quarterBack(1),
      AS_OF,
      sums,
    );
    expect(curves.sharesByBucket[4]).toBeNull();
    // Three invoices open at each of 13 cut-offs are three invoices, not 39.
    const thirteen = Array.from({ length: 13 }, () => [history(10, 3, 1_000, {})]);
    expect(weekCurves(thirteen, quarterBack(13), AS_OF, sums).sharesByBucket[9]).toBeNull();
    const enough = Array.from({ length: 13 }, () => [history(10, MIN_CURVE_INVOICES, 1_000, {})]);
    expect(weekCurves(enough, quarterBack(13), AS_OF, sums).sharesByBucket[9]).toEqual([0, 0]);
  });

  it('takes the cut-offs whole weeks back, on the as-of date’s weekday', () => {
    const friday = '2026-06-26';
    for (const cutoff of curveCutoffs(friday, 7 * 13)) expect(isoWeekday(fromDayNumber(cutoff))).toBe(5);
    expect(fromDayNumber(curveCutoffs(friday, 7 * 13)[0] ?? 0)).toBe('2026-03-27');
  });

  it('pools for each week the newest cut-offs known through its end, whatever their order', () => {
    const sums = emptyWeekSums(AS_OF, 2);
    const asOfDay = toDayNumber(AS_OF);
    // 15 cut-offs from one week back: the newest pay everything in their first week, the older
    // nothing. Week 1 pools those 1–13 weeks back (the first 13 of them pay), week 2 those 2–14.
    const cutoffDays = recentCurveCutoffs(AS_OF, 3);
    expect(cutoffDays.map((day) => (asOfDay - day) / 7)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const paying = (weeksBack: number) => weeksBack <= 2;
    const histories = cutoffDays.map((day) =>
      paying((asOfDay - day) / 7) ? [history(5, 30, 1_000, { 0: 1_000 })] : [history(5, 30, 1_000, {})],
    );
    const curves = weekCurves(histories, cutoffDays, AS_OF, sums);
    expect(curves.sharesByBucket[4]?.[0]).toBeCloseTo(2 / 13, 12);
    // Reversed, the same cut-offs give the same curves: a cut-off is placed by its day.
    const reversed = weekCurves([...histories].reverse(), [...cutoffDays].reverse(), AS_OF, sums);
    expect(reversed.sharesByBucket).toEqual(curves.sharesByBucket);
  });

  it('never reads a cut-off’s days after the as-of date: what they hold does not move the curves', () => {
    const sums = emptyWeekSums(AS_OF, 3);
    const asOfDay = toDayNumber(AS_OF);
    const cutoffDays = recentCurveCutoffs(AS_OF, 3);
    // A cut-off k weeks back is known for its first 7k days; later days get a planted payment.
    const histories = (plant: boolean) =>
      cutoffDays.map((day) => {
        const known = asOfDay - day;
        const paid: Record<number, number> = { 3: 100, 10: 100, 17: 100 };
        if (plant) for (let later = known; later < 28; later += 1) paid[later] = 5_000;
        return [history(5, 30, 1_000, paid)];
      });
    const honest = weekCurves(histories(false), cutoffDays, AS_OF, sums);
    const planted = weekCurves(histories(true), cutoffDays, AS_OF, sums);
    expect(planted.sharesByBucket).toEqual(honest.sharesByBucket);
    expect(planted.shareVarianceByBucket).toEqual(honest.shareVarianceByBucket);
    expect(honest.sharesByBucket[4]).toEqual([0.1, 0.1, 0.1]);
  });

  it('spreads an invoice of a bucket with a curve by the curve, the others by their dates', () => {
    const sums = emptyWeekSums(AS_OF, 3);
    const curves = weekCurves([[history(5, 40, 1_000, { 1: 200, 8: 600 })]], quarterBack(1), AS_OF, sums);
    const asOfDay = toDayNumber(AS_OF);
    addToWeeks(
      sums,
      [
        // 10 days late: bucket 5, spread 20 % / 60 % by the curve whatever its dates say.
        { dueDate: '2026-06-18', openMinor: 10_000, candidateDays: [asOfDay + 20] },
        // Due in 60 days: bucket 1 has no curve, its own date (week 3) counts.
        { dueDate: '2026-08-27', openMinor: 5_000, candidateDays: [asOfDay + 15] },
      ],
      curves,
    );
    expect(sums.expected).toEqual([2_000, 6_000, 5_000]);
    const weeks = collectionWeeks(sums, [], AS_OF);
    expect(weeks[0]?.fromOpenItemsMinor).toBe(2_000);
    // Each week a draw for the invoice: 0.2 × 0.8 × 10,000² → sd 4,000, band ± 1.645 sd.
    expect(weeks[0]?.highMinor).toBe(2_000 + Math.round(1.645 * 4_000));
  });

  it('widens the band by the bucket’s variation between cut-offs, on its whole open amount', () => {
    const plain = emptyWeekSums(AS_OF, 1);
    const varied = emptyWeekSums(AS_OF, 1);
    const item = { dueDate: '2026-06-18', openMinor: 10_000, candidateDays: [] };
    const steady = weekCurves(
      [[history(5, 40, 1_000, { 1: 500 })], [history(5, 40, 1_000, { 1: 500 })]],
      quarterBack(2),
      AS_OF,
      plain,
    );
    const moving = weekCurves(
      [[history(5, 40, 1_000, { 1: 250 })], [history(5, 40, 1_000, { 1: 750 })]],
      quarterBack(2),
      AS_OF,
      varied,
    );
    addToWeeks(plain, [item, item], steady);
    addToWeeks(varied, [item, item], moving);
    const [steadyWeek] = collectionWeeks(plain, [], AS_OF);
    const [movingWeek] = collectionWeeks(varied, [], AS_OF);
    expect(steadyWeek?.fromOpenItemsMinor).toBe(10_000);
    expect(movingWeek?.fromOpenItemsMinor).toBe(10_000);
    // Steady: two independent draws, variance 2 × 0.25 × 10,000². Moving adds 0.0625 × 20,000².
    expect(steadyWeek?.highMinor).toBe(10_000 + Math.round(1.645 * Math.sqrt(2 * 0.25 * 1e8)));
    expect(movingWeek?.highMinor).toBe(10_000 + Math.round(1.645 * Math.sqrt(2 * 0.25 * 1e8 + 0.0625 * 4e8)));
  });
});
