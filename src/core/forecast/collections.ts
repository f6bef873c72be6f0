/**
 * Collection forecast by week: each open invoice's open amount spread over the weeks by its
 * predicted payment-date distribution, plus future sales (the same weeks of last year, paid on the
 * customers' expected delays). The band treats each invoice as paid in a given week or not,
 * independently, and the future sales' volume as straying from last year's by its past error
 * (sales-volume.ts): expected ± 1.645 standard deviations (≈ a 90 % band).
 *
 * Days, weeks and months are one forecast: the amounts are summed day by day, and a period's
 * amount is the difference of the rounded running totals at its ends, so the three cuts of one
 * horizon add up to the same total to the cent. A period's band is made on the period itself, not
 * from its days' or weeks' bands: each invoice paid in the period or not (its share of the period
 * being the sum of its days'), plus each curve's variation between past cut-offs of its share of
 * the period. A month's band is therefore narrower, relative to its amount, than the sum of its
 * weeks' (which would take the weeks as moving together) and wider than their root sum of
 * squares (which would take them as independent, when a payment run moves money between them).
 */
import { addDays, endOfMonth, fromDayNumber, isoWeekday, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { curveOf, type WeekCurves } from './collection-curve.ts';
import { horizonEnd, periodLastDay, periodOf, periodStart } from './periods.ts';

export interface CollectionWeek extends PeriodSpan {
  weekStart: IsoDate;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

/**
 * The days a period's amounts count: money can come in from the day after the as-of date, up to
 * the horizon's last day. `partial` when that is less than the whole week, day or calendar month
 * (the first week holding the as-of date, the last month cut by the horizon), so that a screen can
 * say « du 01/07 au 05/07 » or « septembre (partiel) » instead of showing a short bar unexplained.
 */
export interface PeriodSpan {
  from: IsoDate;
  to: IsoDate;
  partial: boolean;
}

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

const Z_90 = 1.645;

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
function emptyLike(sums: WeekSums): WeekSums {
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
    if (item.paymentExpected === false && item.reasons?.[0]?.code !== 'no_payment_expected') continue;
    const curve = curves && item.dueDate !== undefined ? curveOf(curves, item.dueDate) : null;
    if (curve) {
      addShares(sums, curve.shares, item.openMinor);
      sums.curveOpenMinor ??= [];
      const spread = sums.curveOpenMinor;
      spread[curve.bucket - 1] = (spread[curve.bucket - 1] ?? 0) + item.openMinor;
      continue;
    }
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

export function collectionForecast(
  openItems: readonly OpenAmount[],
  sales: readonly OpenAmount[],
  asOf: IsoDate,
  weeks: number,
  curves?: WeekCurves,
  salesVolumeError = 0,
): CollectionWeek[] {
  const open = emptyWeekSums(asOf, weeks);
  addToWeeks(open, openItems, curves);
  return collectionWeeks(open, sales, asOf, salesVolumeError);
}

/**
 * The weeks from the open items' sums and the future sales; `salesVolumeError`: the relative error
 * of their volume (sales-volume.ts), 0 to count only the doubt on their dates.
 */
export function collectionWeeks(
  open: WeekSums,
  sales: readonly OpenAmount[],
  asOf: IsoDate,
  salesVolumeError = 0,
): CollectionWeek[] {
  const start = firstWeekStart(asOf);
  return collectionPeriods(open, sales, asOf, salesVolumeError).map(
    ({ periodStart: _, ...amounts }, week) => ({
      weekStart: addDays(start, week * 7),
      ...amounts,
    }),
  );
}

export interface CollectionPeriod extends PeriodSpan {
  periodStart: IsoDate;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

/** The days a period counts (after the as-of date, inside the horizon) and whether it is cut. */
export function periodSpan(sums: WeekSums, index: number, asOf: IsoDate): PeriodSpan {
  const start = periodStart(sums, index);
  const wholeLastDay =
    sums.period === 'day'
      ? start
      : sums.period === 'month'
        ? toDayNumber(endOfMonth(fromDayNumber(start)))
        : start + 6;
  const fromDay = Math.max(start, toDayNumber(asOf) + 1);
  const toDay = Math.min(periodLastDay(sums, index), horizonEnd(sums) - 1, wholeLastDay);
  return {
    from: fromDayNumber(fromDay),
    to: fromDayNumber(toDay),
    partial: fromDay > start || toDay < wholeLastDay,
  };
}

/**
 * The periods of `open` (days, weeks or months) from its sums and the future sales. Their volume
 * may stray from last year's by `salesVolumeError` (relative), the same way in every period: that
 * doubt moves a period's whole amount from future sales together.
 */
export function collectionPeriods(
  open: WeekSums,
  sales: readonly OpenAmount[],
  asOf: IsoDate,
  salesVolumeError = 0,
): CollectionPeriod[] {
  const weeks = open.expected.length;
  const future = emptyLike(open);
  addToWeeks(future, sales);
  const openByDay = runningTotals(open);
  const salesByDay = runningTotals(future);
  return Array.from({ length: weeks }, (_, week) => {
    const fromOpen = periodAmount(open, openByDay, week);
    const fromSales = periodAmount(open, salesByDay, week);
    const sd = Math.sqrt(
      (open.variance[week] ?? 0) +
        (future.variance[week] ?? 0) +
        curveVariance(open, week) +
        (fromSales * salesVolumeError) ** 2,
    );
    const total = fromOpen + fromSales;
    return {
      periodStart: fromDayNumber(periodStart(open, week)),
      ...periodSpan(open, week, asOf),
      fromOpenItemsMinor: fromOpen,
      fromFutureSalesMinor: fromSales,
      lowMinor: Math.max(0, Math.round(total - Z_90 * sd)),
      highMinor: Math.round(total + Z_90 * sd),
    };
  });
}

/**
 * The running total of the expected amounts, day by day (index k: the days before firstDay + k):
 * the items spread by their dates, then each curve's daily shares of its bucket's open amount.
 */
function runningTotals(sums: WeekSums): Float64Array {
  const days = horizonEnd(sums) - sums.firstDay;
  const byDay = sums.expectedByDay ? Float64Array.from(sums.expectedByDay) : new Float64Array(days);
  const daily = sums.curves?.dailySharesByBucket ?? [];
  (sums.curveOpenMinor ?? []).forEach((openMinor, bucket) => {
    const shares = daily[bucket];
    if (!shares || !openMinor) return;
    for (let day = 0; day < days; day += 1) byDay[day] = (byDay[day] ?? 0) + openMinor * (shares[day] ?? 0);
  });
  const running = new Float64Array(days + 1);
  for (let day = 0; day < days; day += 1) running[day + 1] = (running[day] ?? 0) + (byDay[day] ?? 0);
  return running;
}

/** A period's amount: the rounded running totals at its ends, so that the periods add up exactly. */
function periodAmount(sums: WeekSums, running: Float64Array, period: number): number {
  const from = periodStart(sums, period) - sums.firstDay;
  const to = periodLastDay(sums, period) - sums.firstDay + 1;
  return Math.round(running[to] ?? 0) - Math.round(running[from] ?? 0);
}

/** The part of a week's variance that moves each bucket's invoices together (collection-curve.ts). */
function curveVariance(sums: WeekSums, week: number): number {
  const variances = sums.curves?.shareVarianceByBucket ?? [];
  let total = 0;
  (sums.curveOpenMinor ?? []).forEach((openMinor, bucket) => {
    total += (openMinor ?? 0) ** 2 * (variances[bucket]?.[week] ?? 0);
  });
  return total;
}
