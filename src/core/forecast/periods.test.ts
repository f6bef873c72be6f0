import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import { collectionPeriods, collectionWeeks } from './collections.ts';
import { horizonEnd, periodLastDay, periodOf, periodStart } from './periods.ts';
import { addToWeeks, emptyPeriodSums, emptyWeekSums } from './week-sums.ts';

// A Tuesday: the first week starts on Monday 29 June, the 13 weeks end on Sunday 27 September.
const AS_OF = '2026-06-30';

describe('forecast periods', () => {
  it('cuts the 13 weeks into days and into calendar months, both ends cut at the horizon', () => {
    const days = emptyPeriodSums(AS_OF, 13, 'day');
    expect(days.expected).toHaveLength(91);
    expect([fromDayNumber(periodStart(days, 0)), fromDayNumber(horizonEnd(days) - 1)]).toEqual([
      '2026-06-29',
      '2026-09-27',
    ]);
    const months = emptyPeriodSums(AS_OF, 13, 'month');
    expect(months.expected.map((_, index) => fromDayNumber(periodStart(months, index)))).toEqual([
      '2026-06-29',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
    ]);
    expect(fromDayNumber(periodLastDay(months, 1))).toBe('2026-07-31');
    expect(fromDayNumber(periodLastDay(months, 3))).toBe('2026-09-27');
    expect(periodOf(months, toDayNumber('2026-08-31'))).toBe(2);
    expect(periodOf(months, toDayNumber('2026-09-28'))).toBe(-1);
    expect(periodOf(emptyWeekSums(AS_OF, 13), toDayNumber('2026-07-06'))).toBe(1);
  });

  it('spreads the same amounts whatever the cut: days and months add up to the weeks', () => {
    const item = (dates: string[], openMinor: number) => ({
      candidateDays: dates.map(toDayNumber),
      openMinor,
    });
    const items = [
      item(['2026-07-01', '2026-07-31', '2026-08-01', '2026-09-30'], 100_000),
      item(['2026-07-06'], 55_555),
    ];
    const cuts = (['day', 'week', 'month'] as const).map((period) => {
      const sums = emptyPeriodSums(AS_OF, 13, period);
      addToWeeks(sums, items);
      return collectionPeriods(sums, [], AS_OF);
    });
    const totals = cuts.map((rows) => rows.reduce((sum, row) => sum + row.fromOpenItemsMinor, 0));
    // Three of the first item's four dates fall inside the horizon: 75,000 + 55,555.
    expect(totals).toEqual([130_555, 130_555, 130_555]);
    const [, weeks, months] = cuts;
    expect(months?.map((row) => row.fromOpenItemsMinor)).toEqual([0, 105_555, 25_000, 0]);
    const weekly = emptyWeekSums(AS_OF, 13);
    addToWeeks(weekly, items);
    expect(collectionWeeks(weekly, [], AS_OF).map((row) => row.fromOpenItemsMinor)).toEqual(
      weeks?.map((row) => row.fromOpenItemsMinor),
    );
  });

  it('says which periods are cut and which days they count', () => {
    const spans = (period: 'day' | 'week' | 'month') =>
      collectionPeriods(emptyPeriodSums(AS_OF, 13, period), [], AS_OF).map(({ from, to, partial }) => ({
        from,
        to,
        partial,
      }));
    const weeks = collectionWeeks(emptyWeekSums(AS_OF, 13), [], AS_OF);
    // The first week holds the as-of date (a Tuesday): money can come in from Wednesday 1 July.
    expect(weeks[0]).toMatchObject({
      weekStart: '2026-06-29',
      from: '2026-07-01',
      to: '2026-07-05',
      partial: true,
    });
    expect(weeks[1]).toMatchObject({ from: '2026-07-06', to: '2026-07-12', partial: false });
    expect(weeks.filter((week) => week.partial)).toHaveLength(1);
    // Months: the first holds 29–30 June, before money can come in; September is cut on the 27th.
    expect(spans('month')).toEqual([
      { from: '2026-07-01', to: '2026-06-30', partial: true },
      { from: '2026-07-01', to: '2026-07-31', partial: false },
      { from: '2026-08-01', to: '2026-08-31', partial: false },
      { from: '2026-09-01', to: '2026-09-27', partial: true },
    ]);
    const days = spans('day');
    expect(days[2]).toEqual({ from: '2026-07-01', to: '2026-07-01', partial: false });
    expect(days[1]?.partial).toBe(true);
  });
});
