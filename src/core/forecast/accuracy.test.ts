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

  it('has no error figures when nothing came in', () => {
    const result = forecastVsActual([week(1, '2026-05-31', '2026-06-01', 10_000)], new Map(), '2026-06-30');
    expect(result.weeks[0]?.actualMinor).toBe(0);
    expect(result.wapeBp).toBeNull();
    expect(result.biasBp).toBeNull();
  });
});
