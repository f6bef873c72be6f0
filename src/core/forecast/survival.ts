/**
 * Durations from an event (a dispute raised, a reminder sent, a promised date) to the payment,
 * some still running at the cut-off: the Kaplan–Meier estimate counts those as "not paid yet"
 * instead of dropping them, which would keep only the quick payments.
 */

/** One history: `days` until the payment (`paid`), or until the cut-off while still unpaid. */
export interface Duration {
  days: number;
  paid: boolean;
}

/** Kaplan–Meier survival: the share of histories still unpaid after each day a payment came. */
export interface SurvivalCurve {
  days: readonly number[];
  surviving: readonly number[];
}

/**
 * Kaplan–Meier estimate from durations some of which are still running at the cut-off: dropping
 * the unpaid ones would keep only the quick payments.
 */
export function survivalCurve(durations: readonly Duration[]): SurvivalCurve {
  const byDay = new Map<number, DayCount>();
  for (const duration of durations) countDuration(byDay, duration.days, duration.paid, 1);
  return survivalOfCounts(byDay);
}

/** How many histories ended on a day: paid that day (`paid`) and all, paid or still running (`all`). */
export interface DayCount {
  paid: number;
  all: number;
}

export function countDuration(
  byDay: Map<number, DayCount>,
  days: number,
  paid: boolean,
  times: number,
): void {
  let count = byDay.get(days);
  if (!count) {
    count = { paid: 0, all: 0 };
    byDay.set(days, count);
  }
  if (paid) count.paid += times;
  count.all += times;
}

/**
 * `survivalCurve` from the durations counted by day (a fold of the history keeps only these
 * counts): the same arithmetic in the same order, so the same curve to the bit.
 */
export function survivalOfCounts(byDay: ReadonlyMap<number, DayCount>): SurvivalCurve {
  // At equal days a payment counts before a still-running history (which was at risk that day).
  const sortedDays = [...byDay.keys()].sort((a, b) => a - b);
  const days: number[] = [];
  const surviving: number[] = [];
  let atRisk = 0;
  for (const count of byDay.values()) atRisk += count.all;
  let share = 1;
  for (const day of sortedDays) {
    const { paid, all } = byDay.get(day) as DayCount;
    if (paid > 0) {
      share *= 1 - paid / atRisk;
      days.push(day);
      surviving.push(share);
    }
    atRisk -= all;
  }
  return { days, surviving };
}

/**
 * Median duration of the histories still unpaid after `elapsedDays`: the first day by which half
 * of those have been paid. Null when the history cannot tell (more than half never paid in it).
 */
export function medianAfter(curve: SurvivalCurve, elapsedDays: number): number | null {
  let base = 1;
  for (let index = 0; index < curve.days.length; index += 1) {
    const day = curve.days[index] as number;
    const share = curve.surviving[index] as number;
    if (day <= elapsedDays) base = share;
    else if (share <= base / 2) return day;
  }
  return null;
}

export function censoredMedian(durations: readonly Duration[]): number | null {
  return medianAfter(survivalCurve(durations), Number.NEGATIVE_INFINITY);
}
