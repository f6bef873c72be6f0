import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { ageBreakdown } from './age-breakdown.ts';
import { type BucketHistory, recentCurveCutoffs, weekCurves } from './collection-curve.ts';
import { collectionWeeks } from './collections.ts';
import { addToWeeks, emptyWeekSums, type OpenAmount } from './week-sums.ts';

const AS_OF = '2026-06-30';
const WEEKS = 13;

/** Curves for the buckets 1–15 and over 180 days late only: 2 % and 0.5 % of the open amount a day. */
function curves() {
  const cutoffDays = recentCurveCutoffs(AS_OF, WEEKS);
  const histories: BucketHistory[][] = cutoffDays.map(() =>
    [
      [5, 20_000],
      [10, 5_000],
    ].map(([bucket, perDay]) => ({
      bucket: bucket ?? 0,
      invoices: 40,
      openMinor: 1_000_000,
      collectedByDayMinor: Array.from({ length: 7 * WEEKS + 7 }, () => perDay ?? 0),
    })),
  );
  return weekCurves(histories, cutoffDays, AS_OF, emptyWeekSums(AS_OF, WEEKS));
}

const asOfDay = toDayNumber(AS_OF);
const item = (daysPastDue: number, openMinor: number, extra: Partial<OpenAmount> = {}): OpenAmount => ({
  dueDate: addDays(AS_OF, -daysPastDue),
  openMinor,
  candidateDays: [asOfDay + 3, asOfDay + 200],
  ...extra,
});

describe('the collection forecast by age', () => {
  it('sets each curve bucket’s open amount against its expected share, and accounts for every item', () => {
    const sums = emptyWeekSums(AS_OF, WEEKS);
    const items = [
      item(3, 100_000),
      item(10, 50_000),
      item(400, 300_000, { paymentExpected: false, reasons: [{ code: 'no_payment_expected' }] }),
      item(40, 80_000), // 31–60 days late: no curve, its own dates (half of them inside the horizon)
      item(500, 70_000, { paymentExpected: false, reasons: [{ code: 'insolvency_proceedings' }] }),
    ];
    addToWeeks(sums, items, curves());
    const byAge = ageBreakdown(sums);
    expect(
      byAge.buckets.map(({ fromDaysPastDue, toDaysPastDue, openMinor }) => [
        fromDaysPastDue,
        toDaysPastDue,
        openMinor,
      ]),
    ).toEqual([
      [1, 15, 150_000],
      [181, null, 300_000],
    ]);
    // 2 % a day, capped at the whole amount; 0.5 % a day over the horizon's 89 days after the as-of
    // date (its first week starts on Monday 29/06).
    expect(byAge.buckets[0]?.share).toBeCloseTo(1, 6);
    expect(byAge.buckets[1]?.share).toBeCloseTo(0.005 * 89, 6);
    expect(byAge.buckets[1]?.expectedMinor).toBe(Math.round(300_000 * 0.005 * 89));
    expect(byAge.dated).toEqual({ openMinor: 80_000, expectedMinor: 40_000 });
    expect(byAge.leftOutOpenMinor).toBe(70_000);
    // Every open item is in one line, and the lines make the forecast's total to the cent.
    const open = byAge.buckets.reduce((sum, b) => sum + b.openMinor, 0) + byAge.dated.openMinor;
    expect(open + byAge.leftOutOpenMinor).toBe(items.reduce((sum, i) => sum + i.openMinor, 0));
    const expected = byAge.buckets.reduce((sum, b) => sum + b.expectedMinor, 0) + byAge.dated.expectedMinor;
    const weeks = collectionWeeks(sums, [], AS_OF);
    const total = weeks.reduce((sum, week) => sum + week.fromOpenItemsMinor, 0);
    expect(Math.abs(expected - total)).toBeLessThanOrEqual(1);
  });

  it('keeps an age without a curve on its own dates', () => {
    const sums = emptyWeekSums(AS_OF, WEEKS);
    addToWeeks(sums, [item(-45, 10_000)], curves());
    const byAge = ageBreakdown(sums);
    expect(byAge.buckets).toEqual([]);
    expect(byAge.dated.openMinor).toBe(10_000);
  });
});
