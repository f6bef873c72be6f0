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
  // At equal days a payment counts before a still-running history (which was at risk that day).
  const sorted = [...durations].sort((a, b) => a.days - b.days || Number(b.paid) - Number(a.paid));
  const days: number[] = [];
  const surviving: number[] = [];
  let atRisk = sorted.length;
  let share = 1;
  for (let index = 0; index < sorted.length; ) {
    const day = (sorted[index] as Duration).days;
    let paid = 0;
    let all = 0;
    while (index < sorted.length && (sorted[index] as Duration).days === day) {
      if ((sorted[index] as Duration).paid) paid += 1;
      all += 1;
      index += 1;
    }
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
