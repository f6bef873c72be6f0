/**
 * A collection forecast's sums: the expected amounts and variances by period of the horizon
 * (weeks, days or calendar months), added to item by item or batch by batch, each open amount
 * spread by its payment-date distribution or by its age bucket's collection curve
 * (collection-curve.ts). collections.ts turns the sums into the forecast's periods and band.
 */
import { addDays, fromDayNumber, isoWeekday, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { curveOf, type WeekCurves } from './collection-curve.ts';
import { horizonEnd, periodOf } from './periods.ts';

export interface OpenAmount {
  /** Day numbers of the equally likely payment dates. */
  candidateDays: readonly number[];
  openMinor: number;
  /** An open invoice's due date: its age bucket's collection curve applies when there is one. */
  dueDate?: IsoDate;
  /**
   * false: no ordinary payment expected. A pre-judgment claim (proceedings.ts) is left out; an
   * invoice so old that most invoices as old stayed unpaid a year on (first reason
   * `no_payment_expected`) stays in its bucket, whose curve already prices that.
   */
  paymentExpected?: boolean;
  reasons?: readonly { code: string }[];
}

/** Monday of the week holding the day after the cut-off: the first week money can come in. */
export function firstWeekStart(asOf: IsoDate): IsoDate {
  const next = addDays(asOf, 1);
  return addDays(next, -(isoWeekday(next) - 1));
}

/**
 * Expected amounts and variances by period, added to item by item (or batch by batch). The
 * periods are weeks unless `periodOfDay` cuts the horizon (13 weeks from `firstDay`) otherwise:
 * days, or calendar months (the first and last ones cut at the horizon's ends).
 */
export interface WeekSums {
  firstDay: number;
  expected: number[];
  variance: number[];
  /** The curves the items were spread by, and the open amount spread by each bucket's curve. */
  curves?: WeekCurves;
  curveOpenMinor?: number[];
  /** The period of each day of the horizon (index: day − firstDay); absent: weeks. */
  periodOfDay?: Int16Array;
  /** The first day of each period, when `periodOfDay` is given. */
  periodStarts?: number[];
  /** What the periods are (weeks when absent): a period's whole length, to tell a partial one. */
  period?: ForecastPeriod;
  /** Expected by day of the horizon (index: day − firstDay) from the items spread by their dates. */
  expectedByDay?: Float64Array;
  /**
   * The open amount spread by the items' own dates (no curve for their age), and the open amount
   * left out (pre-judgment claims): with `curveOpenMinor` they make up every open item added, so
   * the forecast can be set against the receivables by age (age-breakdown.ts).
   */
  datedOpenMinor?: number;
  leftOutOpenMinor?: number;
}

export type ForecastPeriod = 'day' | 'week' | 'month';

export function emptyWeekSums(asOf: IsoDate, weeks: number): WeekSums {
  return {
    firstDay: toDayNumber(firstWeekStart(asOf)),
    expected: Array.from({ length: weeks }, () => 0),
    variance: Array.from({ length: weeks }, () => 0),
    expectedByDay: new Float64Array(7 * weeks),
  };
}

/** Sums over the same horizon as `weeks` weeks, cut into days, weeks or calendar months. */
export function emptyPeriodSums(asOf: IsoDate, weeks: number, period: ForecastPeriod): WeekSums {
  const sums = emptyWeekSums(asOf, weeks);
  if (period === 'week') return sums;
  const horizonDays = 7 * weeks;
  const periodOfDay = new Int16Array(horizonDays);
  const periodStarts: number[] = [];
  for (let offset = 0; offset < horizonDays; offset += 1) {
    const day = sums.firstDay + offset;
    const starts = period === 'day' || offset === 0 || fromDayNumber(day).endsWith('-01');
    if (starts) periodStarts.push(day);
    periodOfDay[offset] = periodStarts.length - 1;
  }
  return {
    ...sums,
    expected: periodStarts.map(() => 0),
    variance: periodStarts.map(() => 0),
    periodOfDay,
    periodStarts,
    period,
  };
}

/** Sums of the same periods as `sums`, empty. */
export function emptyLike(sums: WeekSums): WeekSums {
  const { firstDay, periodOfDay, periodStarts } = sums;
  return {
    firstDay,
    expected: sums.expected.map(() => 0),
    variance: sums.variance.map(() => 0),
    expectedByDay: new Float64Array(horizonEnd(sums) - firstDay),
    ...(periodOfDay && periodStarts ? { periodOfDay, periodStarts } : {}),
  };
}

/**
 * Adds the items in order: batches fed one after the other give the sums of the whole list. An
 * invoice whose age bucket has a collection curve is spread by the curve, not by its dates.
 */
export function addToWeeks(sums: WeekSums, items: readonly OpenAmount[], curves?: WeekCurves): void {
  const weeks = sums.expected.length;
  const shares = Array.from({ length: weeks }, () => 0);
  if (curves) sums.curves = curves;
  for (const item of items) {
    if (item.paymentExpected === false && item.reasons?.[0]?.code !== 'no_payment_expected') {
      sums.leftOutOpenMinor = (sums.leftOutOpenMinor ?? 0) + item.openMinor;
      continue;
    }
    const curve = curves && item.dueDate !== undefined ? curveOf(curves, item.dueDate) : null;
    if (curve) {
      addShares(sums, curve.shares, item.openMinor);
      sums.curveOpenMinor ??= [];
      const spread = sums.curveOpenMinor;
      spread[curve.bucket - 1] = (spread[curve.bucket - 1] ?? 0) + item.openMinor;
      continue;
    }
    sums.datedOpenMinor = (sums.datedOpenMinor ?? 0) + item.openMinor;
    if (item.candidateDays.length === 0) continue;
    shares.fill(0);
    const byDay = sums.expectedByDay;
    const perDay = item.openMinor / item.candidateDays.length;
    for (const day of item.candidateDays) {
      const offset = day - sums.firstDay;
      if (byDay && offset >= 0 && offset < byDay.length) byDay[offset] = (byDay[offset] ?? 0) + perDay;
      const week = periodOf(sums, day);
      if (week >= 0) shares[week] = (shares[week] ?? 0) + 1;
    }
    for (let week = 0; week < weeks; week += 1)
      shares[week] = (shares[week] ?? 0) / item.candidateDays.length;
    addShares(sums, shares, item.openMinor);
  }
}

/** Each week is a draw (paid in it or not, with probability its share), for the band. */
function addShares(sums: WeekSums, shares: readonly number[], openMinor: number): void {
  const { expected, variance } = sums;
  for (let week = 0; week < expected.length; week += 1) {
    const p = shares[week] ?? 0;
    if (p === 0) continue;
    expected[week] = (expected[week] ?? 0) + p * openMinor;
    variance[week] = (variance[week] ?? 0) + p * (1 - p) * openMinor ** 2;
  }
}
