import { describe, expect, it } from 'vitest';
import { type ForecastWeekInput, forecastVsActual } from './accuracy.ts';

const week = (runId: number, asOf: string, weekStart: string, open: number): ForecastWeekInput => ({
  runId,
  asOf,
  weekStart,
  fromOpenItemsMinor: open,
  fromFutureSalesMinor: 1_000,
  lowMinor: open - 5_000,
  highMinor: open + 5_000,
});

describe('forecast vs actual', () => {
  it('takes the latest forecast made before each week and only weeks already over', () => {
    const stored = [
      week(1, '2026-05-31', '2026-06-01', 10_000),
      week(1, '2026-05-31', '2026-06-08', 20_000),
      week(2, '2026-06-07', '2026-06-08', 30_000),
      // Made on the Monday itself: not a forecast of that week any more.
      week(3, '2026-06-08', '2026-06-08', 99_000),
      week(2, '2026-06-07', '2026-06-15', 40_000),
    ];
    const receipts = new Map([
      ['2026-06-01', 12_000],
      ['2026-06-08', 24_000],
      ['2026-06-15', 50_000],
    ]);
    const result = forecastVsActual(stored, receipts, '2026-06-14');
    expect(
      result.weeks.map((w) => [w.weekStart, w.runId, w.horizonWeeks, w.forecastMinor, w.actualMinor]),
    ).toEqual([
      ['2026-06-01', 1, 1, 11_000, 12_000],
      ['2026-06-08', 2, 1, 31_000, 24_000],
    ]);
    // |11,000 − 12,000| + |31,000 − 24,000| = 8,000 over 36,000 received; signed: 6,000.
    expect(result.wapeBp).toBe(2222);
    expect(result.biasBp).toBe(1667);
    expect(result.weeks.map((w) => w.insideBand)).toEqual([true, false]);
    expect(result.insideBandWeeks).toBe(1);
  });

  it('measures each horizon on the latest forecast made that many weeks ahead', () => {
    const stored = [
      // Run 1 (a Sunday) looks 2 weeks ahead at 06-08 and 3 at 06-15; run 2 looks 2 weeks ahead at
      // 06-15, and run 3 (a Saturday) 1 week.
      week(1, '2026-05-31', '2026-06-08', 20_000),
      week(1, '2026-05-31', '2026-06-15', 40_000),
      week(2, '2026-06-07', '2026-06-15', 50_000),
      week(3, '2026-06-13', '2026-06-15', 60_000),
      // Two weeks ahead of a run made later the same week: the later run counts.
      week(4, '2026-06-06', '2026-06-15', 90_000),
      // A week not over yet: not counted.
      week(1, '2026-05-31', '2026-06-22', 70_000),
    ];
    const receipts = new Map([
      ['2026-06-08', 21_000],
      ['2026-06-15', 51_000],
    ]);
    const result = forecastVsActual(stored, receipts, '2026-06-21');
    expect(result.weeks.map((w) => [w.weekStart, w.runId, w.horizonWeeks])).toEqual([
      ['2026-06-08', 1, 2],
      ['2026-06-15', 3, 1],
    ]);
    expect(result.byHorizon).toEqual([
      // 06-15 by run 3: 61,000 for 51,000, outside its band (55,000–65,000).
      {
        horizonWeeks: 1,
        weeks: 1,
        forecastMinor: 61_000,
        actualMinor: 51_000,
        wapeBp: 1961,
        biasBp: 1961,
        insideBandWeeks: 0,
      },
      // 06-08 by run 1 and 06-15 by run 2 (not run 4, made the day before): both right.
      {
        horizonWeeks: 2,
        weeks: 2,
        forecastMinor: 72_000,
        actualMinor: 72_000,
        wapeBp: 0,
        biasBp: 0,
        insideBandWeeks: 2,
      },
      // 06-15 by run 1: 41,000 for 51,000.
      {
        horizonWeeks: 3,
        weeks: 1,
        forecastMinor: 41_000,
        actualMinor: 51_000,
        wapeBp: 1961,
        biasBp: -1961,
        insideBandWeeks: 0,
      },
    ]);
  });

  it('has no error figures when nothing came in', () => {
    const result = forecastVsActual([week(1, '2026-05-31', '2026-06-01', 10_000)], new Map(), '2026-06-30');
    expect(result.weeks[0]?.actualMinor).toBe(0);
    expect(result.wapeBp).toBeNull();
    expect(result.biasBp).toBeNull();
  });
});
