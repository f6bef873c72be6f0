/**
 * Forecast against actual: each elapsed week's receipts set against the forecast for that week
 * made by the latest run dated before the week began (the forecast a treasurer had in hand on the
 * Monday), and accuracy summed over the weeks: weighted absolute percentage error (WAPE), bias and
 * the share of weeks whose receipts fell inside the forecast's band. The same figures by horizon
 * too: every stored forecast looks 13 weeks ahead, and a treasurer plans on its later weeks as
 * well, whose error and band are otherwise checked by nothing.
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
  /**
   * By how far ahead the forecast looked (1: the week after the run, … 13), over the same elapsed
   * weeks: each week's forecast at that horizon by the latest run made in the week k weeks before
   * it. Horizons with no such week are left out.
   */
  byHorizon: HorizonAccuracy[];
}

export interface HorizonAccuracy {
  horizonWeeks: number;
  /** Elapsed weeks with a forecast made that far ahead. */
  weeks: number;
  forecastMinor: number;
  actualMinor: number;
  wapeBp: number | null;
  biasBp: number | null;
  insideBandWeeks: number;
}

/** How many weeks ahead a run looked at a week: 1 for the week after the one it was made in. */
export function horizonOf(week: { asOf: IsoDate; weekStart: IsoDate }): number {
  return Math.floor(daysBetween(week.asOf, week.weekStart) / 7) + 1;
}

/** Whether `week` should replace `known` for the same week and horizon: the later run wins. */
function isLater(week: ForecastWeekInput, known: ForecastWeekInput | undefined): boolean {
  return !known || week.asOf > known.asOf || (week.asOf === known.asOf && week.runId > known.runId);
}

/** The stored weeks that ended on or before `asOf` (a week still running has no actual yet). */
function elapsedWeeks(stored: readonly ForecastWeekInput[], asOf: IsoDate): ForecastWeekInput[] {
  return stored.filter((week) => week.asOf < week.weekStart && addDays(week.weekStart, 6) <= asOf);
}

/**
 * Each elapsed week at each horizon, against its receipts: the forecast of the latest run made
 * that many weeks before it.
 */
export function horizonWeeks(
  stored: readonly ForecastWeekInput[],
  receiptsByWeek: ReadonlyMap<IsoDate, number>,
  asOf: IsoDate,
): ForecastVsActualWeek[] {
  const latestByWeekAndHorizon = new Map<string, ForecastWeekInput>();
  for (const week of elapsedWeeks(stored, asOf)) {
    const key = `${week.weekStart}/${horizonOf(week)}`;
    if (isLater(week, latestByWeekAndHorizon.get(key))) latestByWeekAndHorizon.set(key, week);
  }
  return [...latestByWeekAndHorizon.values()].map((week) => vsActual(week, receiptsByWeek));
}

/** Weeks that ended on or before `asOf` only: a week still running has no actual yet. */
export function forecastVsActual(
  stored: readonly ForecastWeekInput[],
  receiptsByWeek: ReadonlyMap<IsoDate, number>,
  asOf: IsoDate,
): ForecastAccuracy {
  const latestByWeek = new Map<IsoDate, ForecastWeekInput>();
  for (const week of elapsedWeeks(stored, asOf))
    if (isLater(week, latestByWeek.get(week.weekStart))) latestByWeek.set(week.weekStart, week);
  const weeks = [...latestByWeek.values()]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((week) => vsActual(week, receiptsByWeek));
  const byHorizon = new Map<number, ForecastVsActualWeek[]>();
  for (const row of horizonWeeks(stored, receiptsByWeek, asOf))
    byHorizon.set(row.horizonWeeks, [...(byHorizon.get(row.horizonWeeks) ?? []), row]);
  return {
    weeks,
    ...summary(weeks),
    byHorizon: [...byHorizon.entries()]
      .sort(([a], [b]) => a - b)
      .map(([horizonWeeks, rows]) => {
        const { wapeBp, biasBp, insideBandWeeks } = summary(rows);
        const total = (pick: (row: ForecastVsActualWeek) => number) =>
          rows.reduce((sum, row) => sum + pick(row), 0);
        return {
          horizonWeeks,
          weeks: rows.length,
          forecastMinor: total((row) => row.forecastMinor),
          actualMinor: total((row) => row.actualMinor),
          wapeBp,
          biasBp,
          insideBandWeeks,
        };
      }),
  };
}

function vsActual(
  week: ForecastWeekInput,
  receiptsByWeek: ReadonlyMap<IsoDate, number>,
): ForecastVsActualWeek {
  const forecastMinor = week.fromOpenItemsMinor + week.fromFutureSalesMinor;
  const actualMinor = receiptsByWeek.get(week.weekStart) ?? 0;
  return {
    weekStart: week.weekStart,
    runId: week.runId,
    forecastAsOf: week.asOf,
    horizonWeeks: horizonOf(week),
    forecastMinor,
    lowMinor: week.lowMinor,
    highMinor: week.highMinor,
    actualMinor,
    errorMinor: forecastMinor - actualMinor,
    insideBand: actualMinor >= week.lowMinor && actualMinor <= week.highMinor,
  };
}

/** WAPE, bias and weeks inside the band over some weeks. */
function summary(weeks: readonly ForecastVsActualWeek[]): Omit<ForecastAccuracy, 'weeks' | 'byHorizon'> {
  const actualTotal = weeks.reduce((sum, w) => sum + w.actualMinor, 0);
  const absoluteError = weeks.reduce((sum, w) => sum + Math.abs(w.errorMinor), 0);
  const signedError = weeks.reduce((sum, w) => sum + w.errorMinor, 0);
  return {
    wapeBp: actualTotal > 0 ? Math.round((absoluteError / actualTotal) * 10_000) : null,
    biasBp: actualTotal > 0 ? Math.round((signedError / actualTotal) * 10_000) : null,
    insideBandWeeks: weeks.filter((w) => w.insideBand).length,
  };
}
