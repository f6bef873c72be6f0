/**
 * Forecast against actual: each elapsed week's receipts set against the forecast for that week
 * made by the latest run dated before the week began (the forecast a treasurer had in hand on the
 * Monday), and accuracy summed over the weeks: weighted absolute percentage error (WAPE), bias and
 * the share of weeks whose receipts fell inside the forecast's band.
 */
import { addDays, daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

export interface ForecastWeekInput {
  runId: number;
  asOf: IsoDate;
  weekStart: IsoDate;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

export interface ForecastVsActualWeek {
  weekStart: IsoDate;
  /** The run whose forecast is shown, its date and how many weeks ahead it looked. */
  runId: number;
  forecastAsOf: IsoDate;
  horizonWeeks: number;
  forecastMinor: number;
  lowMinor: number;
  highMinor: number;
  actualMinor: number;
  errorMinor: number;
  insideBand: boolean;
}

export interface ForecastAccuracy {
  weeks: ForecastVsActualWeek[];
  /** Σ|forecast − actual| / Σ actual, in basis points; null without receipts. */
  wapeBp: number | null;
  /** Σ(forecast − actual) / Σ actual, in basis points: > 0 means the forecast was too high. */
  biasBp: number | null;
  insideBandWeeks: number;
}

/** Weeks that ended on or before `asOf` only: a week still running has no actual yet. */
export function forecastVsActual(
  stored: readonly ForecastWeekInput[],
  receiptsByWeek: ReadonlyMap<IsoDate, number>,
  asOf: IsoDate,
): ForecastAccuracy {
  const latestByWeek = new Map<IsoDate, ForecastWeekInput>();
  for (const week of stored) {
    if (week.asOf >= week.weekStart || addDays(week.weekStart, 6) > asOf) continue;
    const known = latestByWeek.get(week.weekStart);
    if (!known || week.asOf > known.asOf || (week.asOf === known.asOf && week.runId > known.runId))
      latestByWeek.set(week.weekStart, week);
  }
  const weeks = [...latestByWeek.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((week) => {
      const forecastMinor = week.fromOpenItemsMinor + week.fromFutureSalesMinor;
      const actualMinor = receiptsByWeek.get(week.weekStart) ?? 0;
      return {
        weekStart: week.weekStart,
        runId: week.runId,
        forecastAsOf: week.asOf,
        horizonWeeks: Math.floor(daysBetween(week.asOf, week.weekStart) / 7) + 1,
        forecastMinor,
        lowMinor: week.lowMinor,
        highMinor: week.highMinor,
        actualMinor,
        errorMinor: forecastMinor - actualMinor,
        insideBand: actualMinor >= week.lowMinor && actualMinor <= week.highMinor,
      };
    });
  const actualTotal = weeks.reduce((sum, w) => sum + w.actualMinor, 0);
  const absoluteError = weeks.reduce((sum, w) => sum + Math.abs(w.errorMinor), 0);
  const signedError = weeks.reduce((sum, w) => sum + w.errorMinor, 0);
  return {
    weeks,
    wapeBp: actualTotal > 0 ? Math.round((absoluteError / actualTotal) * 10_000) : null,
    biasBp: actualTotal > 0 ? Math.round((signedError / actualTotal) * 10_000) : null,
    insideBandWeeks: weeks.filter((w) => w.insideBand).length,
  };
}
