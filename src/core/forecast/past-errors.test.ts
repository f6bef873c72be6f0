import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { MIN_PAST_WEEKS, nearestBandUpTo, pastErrorBands, widenByPastErrors } from './past-errors.ts';

/** A Tuesday: the week after holds horizon 1. */
const AS_OF = '2026-06-30';

const week = (weekStart: string, lowMinor: number, highMinor: number) => ({
  weekStart,
  fromOpenItemsMinor: 600,
  fromFutureSalesMinor: 400,
  lowMinor,
  highMinor,
});

describe('pastErrorBands', () => {
  it('reads the 5th and 95th percentiles of actual / forecast at conformal ranks, horizon by horizon', () => {
    // Twenty-one weeks at horizon 3: actual 80 % … 120 % of the forecast, by steps of 2 %. The
    // ranks are ⌊22 × 0.05⌋ = 1st and ⌈22 × 0.95⌉ = 21st: the lowest and the highest.
    const past = Array.from({ length: 21 }, (_, index) => ({
      horizonWeeks: 3,
      forecastMinor: 10_000,
      actualMinor: 8_000 + 200 * index,
    }));
    const band = pastErrorBands(past).get(3);
    expect(band?.weeks).toBe(21);
    expect(band?.lowRatio).toBeCloseTo(0.8, 10);
    expect(band?.highRatio).toBeCloseTo(1.2, 10);
    // Forty-one weeks by steps of 1 %: the 2nd and the 40th, 81 % and 119 %.
    const more = Array.from({ length: 41 }, (_, index) => ({
      horizonWeeks: 3,
      forecastMinor: 10_000,
      actualMinor: 8_000 + 100 * index,
    }));
    expect(pastErrorBands(more).get(3)).toMatchObject({ lowRatio: 0.81, highRatio: 1.19, weeks: 41 });
  });

  it('says nothing of a horizon with too few weeks, nor counts a week forecast at nothing', () => {
    const past = Array.from({ length: MIN_PAST_WEEKS }, (_, index) => ({
      horizonWeeks: 1,
      forecastMinor: index === 0 ? 0 : 1_000,
      actualMinor: 1_000,
    }));
    expect(pastErrorBands(past).size).toBe(0);
    expect(
      pastErrorBands([...past, { horizonWeeks: 1, forecastMinor: 1_000, actualMinor: 900 }]).get(1),
    ).toMatchObject({
      weeks: MIN_PAST_WEEKS,
    });
  });
});

describe('widenByPastErrors', () => {
  const bands = new Map([[1, { lowRatio: 0.7, highRatio: 1.4, weeks: 20 }]]);

  it('widens the week at the horizon the record knows, never narrows it', () => {
    const [first] = widenByPastErrors([week(addDays(AS_OF, 6), 900, 1_100)], AS_OF, bands);
    // Monday 6 July is the week after the run: horizon 1, its band 700 … 1 400 on 1 000 forecast.
    expect(first).toMatchObject({ lowMinor: 700, highMinor: 1_400 });
    const [wide] = widenByPastErrors([week(addDays(AS_OF, 6), 100, 5_000)], AS_OF, bands);
    expect(wide).toMatchObject({ lowMinor: 100, highMinor: 5_000 });
  });

  it('gives a far week the young record of the nearest shorter horizon, and a nearer one none', () => {
    // A record of horizons 2 and 3 only (a few months of stored forecasts): horizon 1 has nothing
    // shorter and keeps the model's band; 5 borrows 3's, the farthest below it.
    const young = new Map([
      [2, { lowRatio: 0.8, highRatio: 1.2, weeks: 14 }],
      [3, { lowRatio: 0.6, highRatio: 1.5, weeks: 13 }],
    ]);
    const starts = [6, 13, 20, 34].map((days) => addDays(AS_OF, days));
    const widened = widenByPastErrors(
      starts.map((start) => week(start, 900, 1_100)),
      AS_OF,
      young,
    );
    expect(widened.map((w) => [w.lowMinor, w.highMinor])).toEqual([
      [900, 1_100],
      [800, 1_200],
      [600, 1_500],
      [600, 1_500],
    ]);
    expect(nearestBandUpTo(young, 13)).toBe(young.get(3));
    expect(nearestBandUpTo(young, 1)).toBeUndefined();
  });

  it('gives the week holding the as-of date the record of one week ahead', () => {
    // Monday 29 June holds Tuesday 30 June: horizon 0, which no Sunday run ever forecast.
    const [current] = widenByPastErrors([week(addDays(AS_OF, -1), 900, 1_100)], AS_OF, bands);
    expect(current).toMatchObject({ lowMinor: 700, highMinor: 1_400 });
  });
});
