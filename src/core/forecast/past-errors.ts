/**
 * The band widened by the forecasts' own record. The model's band (collections.ts) counts the
 * doubt on each invoice's date, on the collection curves and on the future sales' volume, as if
 * invoices were paid independently. Receipts come in lumps (payment runs, month ends, a large
 * customer a week late), more so far ahead, where most of a week's money is from sales not yet
 * invoiced: on the demo the receipts fell inside the band at 42 of 51 weeks one week ahead but 25
 * of 39 thirteen weeks ahead (BENCHMARKS.md). Every stored forecast is set against what came in
 * (accuracy.ts); at each horizon, the 5th and 95th percentiles of actual / forecast over the weeks
 * ended by the date (at conformal ranks) give a band of the past's own width, and the week's band
 * is widened to it where it is narrower. It is never narrowed: a record of a few calm weeks does not prove calm.
 * A young record (a few months of stored forecasts) holds only the near horizons: the far weeks
 * borrow the farthest it holds (on the demo, weeks 7–13 ahead inside the band 23 of 28 times with a
 * record of 12–21 weeks, against 17 with the model's band and 24 with a year's record).
 */
import type { IsoDate } from '../types.ts';
import { horizonOf } from './accuracy.ts';

/** Fewer past weeks than this at a horizon: the record says too little, the model's band stands. */
export const MIN_PAST_WEEKS = 12;
const LOW_QUANTILE = 0.05;
const HIGH_QUANTILE = 0.95;

/** What came in as a share of the forecast, at the 5th and 95th percentiles of the past weeks. */
export interface PastErrorBand {
  lowRatio: number;
  highRatio: number;
  weeks: number;
}

/**
 * The conformal rank of a quantile among n past weeks (split conformal prediction): the
 * ⌈(n + 1)p⌉-th smallest for an upper bound, the ⌊(n + 1)p⌋-th for a lower one, clamped to the
 * sample. Plain sample quantiles of a few dozen weeks are too narrow: a new week falls outside the
 * 5th–95th of 20 past ones more than one time in ten.
 */
function conformal(sorted: readonly number[], p: number, upper: boolean): number {
  const rank = upper ? Math.ceil((sorted.length + 1) * p) : Math.floor((sorted.length + 1) * p);
  const index = Math.min(sorted.length, Math.max(1, rank)) - 1;
  return sorted[index] ?? 0;
}

/** Per horizon (weeks ahead), the past band; horizons with fewer than MIN_PAST_WEEKS are absent. */
export function pastErrorBands(
  past: readonly { horizonWeeks: number; forecastMinor: number; actualMinor: number }[],
): Map<number, PastErrorBand> {
  const ratios = new Map<number, number[]>();
  for (const week of past) {
    if (week.forecastMinor <= 0) continue;
    const list = ratios.get(week.horizonWeeks) ?? [];
    list.push(week.actualMinor / week.forecastMinor);
    ratios.set(week.horizonWeeks, list);
  }
  const bands = new Map<number, PastErrorBand>();
  for (const [horizon, list] of ratios) {
    if (list.length < MIN_PAST_WEEKS) continue;
    list.sort((a, b) => a - b);
    bands.set(horizon, {
      lowRatio: conformal(list, LOW_QUANTILE, false),
      highRatio: conformal(list, HIGH_QUANTILE, true),
      weeks: list.length,
    });
  }
  return bands;
}

/**
 * The record at the horizon, else at the nearest shorter horizon that has one. A young record
 * (fewer than about six months of stored forecasts) holds the near horizons only; the far weeks
 * borrow the farthest it holds, a lower bound on their own (the spread grows with the horizon), so
 * they are widened at least that much rather than left to the model's band.
 */
export function nearestBandUpTo(
  bands: ReadonlyMap<number, PastErrorBand>,
  horizon: number,
): PastErrorBand | undefined {
  for (let h = horizon; h >= 1; h -= 1) {
    const band = bands.get(h);
    if (band) return band;
  }
  return undefined;
}

/** A forecast week's amounts and band, as the collection forecast and the stored runs hold them. */
interface BandedWeek {
  weekStart: IsoDate;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

/** The weeks of a forecast made on `asOf`, each band widened to its horizon's past band. */
export function widenByPastErrors<W extends BandedWeek>(
  weeks: readonly W[],
  asOf: IsoDate,
  bands: ReadonlyMap<number, PastErrorBand>,
): W[] {
  return weeks.map((week) => {
    // The week holding the as-of date (horizon 0) is never in the record, whose runs are made on
    // Sundays: it takes the record of one week ahead, the nearest there is.
    const horizon = Math.max(1, horizonOf({ asOf, weekStart: week.weekStart }));
    const band = nearestBandUpTo(bands, horizon);
    if (!band) return week;
    const totalMinor = week.fromOpenItemsMinor + week.fromFutureSalesMinor;
    return {
      ...week,
      lowMinor: Math.max(0, Math.min(week.lowMinor, Math.round(totalMinor * band.lowRatio))),
      highMinor: Math.max(week.highMinor, Math.round(totalMinor * band.highRatio)),
    };
  });
}
