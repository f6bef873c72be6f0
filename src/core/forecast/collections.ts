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
import { addDays, endOfMonth, fromDayNumber, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { WeekCurves } from './collection-curve.ts';
import { horizonEnd, periodLastDay, periodStart } from './periods.ts';
import {
  addToWeeks,
  emptyLike,
  emptyWeekSums,
  firstWeekStart,
  type OpenAmount,
  type WeekSums,
} from './week-sums.ts';

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

const Z_90 = 1.645;

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
