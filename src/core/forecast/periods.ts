/**
 * The periods of a collection forecast's horizon: weeks by default, or the days or calendar
 * months a `periodOfDay` table gives (week-sums.ts builds it). Shared by the sums and the curves.
 */

/** What the period arithmetic reads of a forecast's sums. */
export interface PeriodCut {
  firstDay: number;
  expected: readonly number[];
  periodOfDay?: Int16Array;
  periodStarts?: readonly number[];
}

/** The day after the horizon's last day. */
export function horizonEnd(sums: PeriodCut): number {
  return sums.firstDay + (sums.periodOfDay ? sums.periodOfDay.length : 7 * sums.expected.length);
}

/** The period holding a day (−1: outside the horizon). */
export function periodOf(sums: PeriodCut, day: number): number {
  const offset = day - sums.firstDay;
  if (offset < 0 || day >= horizonEnd(sums)) return -1;
  return sums.periodOfDay ? (sums.periodOfDay[offset] ?? -1) : Math.floor(offset / 7);
}

/** The first day of a period. */
export function periodStart(sums: PeriodCut, index: number): number {
  return sums.periodStarts ? (sums.periodStarts[index] ?? horizonEnd(sums)) : sums.firstDay + 7 * index;
}

/** The last day of a period. */
export function periodLastDay(sums: PeriodCut, index: number): number {
  return index + 1 < sums.expected.length ? periodStart(sums, index + 1) - 1 : horizonEnd(sums) - 1;
}
