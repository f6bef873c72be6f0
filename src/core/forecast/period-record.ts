/**
 * The days' and months' bands from the weeks' record. The record of past forecasts is kept by week
 * (accuracy.ts), and past-errors.ts widens each week's band to it; a day or a month cut from the
 * same forecast would otherwise keep the model's narrower band, and a treasurer reading the months
 * would be told less doubt than the weeks they are made of.
 *
 * The widening is read as doubt the model missed: on each side, the week's widened half-width
 * squared less the model's (a variance, in minor units squared). A period takes each week's share
 * of it, the weeks taken as independent (lumps that move money between two weeks of one month
 * cancel in the month, so independence does not understate it), and adds it to its own band's
 * half-width in quadrature. A period that is exactly one week gets that week's widened band back.
 *
 * A week's share: for a period inside the week (a day, or a month's first or last days), the
 * period's share of the week's forecast amount (a Sunday expecting nothing takes none of the
 * doubt); for a period across the week's edge (a month), the share of the week's counted days it
 * overlaps, as a week's money is spread over its days on average.
 */
import { toDayNumber } from '../calendar.ts';
import type { PeriodSpan } from './collections.ts';

/** A forecast period's amounts and band, with the days it counts. */
export interface BandedSpan extends PeriodSpan {
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

/** What a week's record added to its band, on each side, as variances. */
interface WeekDoubt {
  fromDay: number;
  toDay: number;
  totalMinor: number;
  lowVariance: number;
  highVariance: number;
}

const totalOf = (span: BandedSpan): number => span.fromOpenItemsMinor + span.fromFutureSalesMinor;

/** The variance the record added to each week (absent where it added none). */
function weekDoubts(modelWeeks: readonly BandedSpan[], widenedWeeks: readonly BandedSpan[]): WeekDoubt[] {
  const doubts: WeekDoubt[] = [];
  modelWeeks.forEach((model, index) => {
    const widened = widenedWeeks[index];
    if (!widened) return;
    const total = totalOf(model);
    const highVariance = Math.max(0, (widened.highMinor - total) ** 2 - (model.highMinor - total) ** 2);
    const lowVariance = Math.max(0, (total - widened.lowMinor) ** 2 - (total - model.lowMinor) ** 2);
    if (highVariance === 0 && lowVariance === 0) return;
    doubts.push({
      fromDay: toDayNumber(model.from),
      toDay: toDayNumber(model.to),
      totalMinor: total,
      lowVariance,
      highVariance,
    });
  });
  return doubts;
}

/** The share of a week's doubt a period takes (see the module's comment). */
function shareOf(week: WeekDoubt, fromDay: number, toDay: number, periodTotal: number): number {
  const overlap = Math.min(toDay, week.toDay) - Math.max(fromDay, week.fromDay) + 1;
  if (overlap <= 0) return 0;
  const weekDays = week.toDay - week.fromDay + 1;
  const insideWeek = fromDay >= week.fromDay && toDay <= week.toDay;
  if (insideWeek && week.totalMinor > 0) return Math.min(1, Math.max(0, periodTotal / week.totalMinor));
  return overlap / weekDays;
}

/**
 * The periods (days or months) of a forecast whose weeks' bands the record widened, each band
 * widened by its weeks' shares of that doubt; never narrowed.
 */
export function widenPeriodsByWeeks<P extends BandedSpan>(
  periods: readonly P[],
  modelWeeks: readonly BandedSpan[],
  widenedWeeks: readonly BandedSpan[],
): P[] {
  const doubts = weekDoubts(modelWeeks, widenedWeeks);
  if (doubts.length === 0) return [...periods];
  return periods.map((period) => {
    const fromDay = toDayNumber(period.from);
    const toDay = toDayNumber(period.to);
    const total = totalOf(period);
    let lowVariance = 0;
    let highVariance = 0;
    for (const week of doubts) {
      const share = shareOf(week, fromDay, toDay, total);
      lowVariance += share * week.lowVariance;
      highVariance += share * week.highVariance;
    }
    if (lowVariance === 0 && highVariance === 0) return period;
    const high = total + Math.sqrt((period.highMinor - total) ** 2 + highVariance);
    const low = total - Math.sqrt((total - period.lowMinor) ** 2 + lowVariance);
    return {
      ...period,
      lowMinor: Math.max(0, Math.min(period.lowMinor, Math.round(low))),
      highMinor: Math.max(period.highMinor, Math.round(high)),
    };
  });
}
