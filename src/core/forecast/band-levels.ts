/**
 * The band's levels: which of an invoice's equally likely payment days are shown as its P10 and P90
 * dates. Read at the 10th and 90th of them, the band was too narrow on the demo (a quarter of the
 * invoices not yet due were paid after their P90 date: BENCHMARKS.md), because the days share the
 * habits' optimism about young invoices and the spread of a customer's own past. At the month ends
 * before the cut-off the predictor laid days for invoices whose payment the cut-off now knows (or
 * knows to be later than the cut-off): the rank their payment took among those days, estimated
 * with the later ones as censored (Kaplan–Meier), says which ranks 10 % and 90 % of the payments
 * came by. The median and the probabilities are left as they are: they are what the late call and
 * the acceptance's dates are made of, and the recalibration of probabilities sees to those.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { InvoiceRecord } from './types.ts';

/** The levels (0–1 of the sorted days) shown as P10 and P90. */
export interface BandLevel {
  p10: number;
  p90: number;
  /** The past predictions the levels were learned from. */
  invoices: number;
}

/** Invoices not yet due when predicted, and those already overdue, apart: their days differ in kind. */
export interface BandLevels {
  notDue: BandLevel | null;
  overdue: BandLevel | null;
}

export const NOMINAL_BAND: Readonly<BandLevel> = { p10: 0.1, p90: 0.9, invoices: 0 };

/** A past prediction's payment days (sorted) and the day it was made on, with its invoice. */
export interface PastDays {
  record: InvoiceRecord;
  days: ArrayLike<number>;
  madeOnDay: number;
}

/** Index of the first day on or after `day` in sorted days (their length when none). */
function firstAtOrAfter(days: ArrayLike<number>, day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((days[middle] as number) < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface RankObservation {
  /** The payment's level among the days (0–1; above 1: after every one of them). */
  level: number;
  /** false: the payment came after the cut-off, at this level or above. */
  paid: boolean;
}

/**
 * The level the payment took among the days as known at the cut-off; null when a credit note or a
 * write-off closed the invoice (it has no payment date) or it was predicted with too few days.
 */
export function paymentRank(past: PastDays, cutoffDay: number): RankObservation | null {
  const { record, days } = past;
  if (days.length < 2) return null;
  const last = days.length - 1;
  const settledDay = record.settledOn === null ? null : toDayNumber(record.settledOn);
  if (settledDay !== null && settledDay <= cutoffDay) {
    if (!record.settledByPayment) return null;
    return { level: firstAtOrAfter(days, settledDay) / last, paid: true };
  }
  return { level: firstAtOrAfter(days, cutoffDay + 1) / last, paid: false };
}

/**
 * Kaplan–Meier over the levels: the smallest level by which a share `p` of the payments came, for
 * p = 0.1 and 0.9; 1 (the last day) when fewer came by any level, as when many are never paid.
 */
export function bandFromRanks(observations: readonly RankObservation[]): BandLevel {
  const sorted = [...observations].sort((a, b) => a.level - b.level || Number(b.paid) - Number(a.paid));
  let atRisk = sorted.length;
  let surviving = 1;
  let p10: number | null = null;
  let p90: number | null = null;
  for (let i = 0; i < sorted.length; ) {
    const level = (sorted[i] as RankObservation).level;
    let paid = 0;
    let leaving = 0;
    for (; i < sorted.length && (sorted[i] as RankObservation).level === level; i += 1) {
      leaving += 1;
      if ((sorted[i] as RankObservation).paid) paid += 1;
    }
    if (paid > 0 && atRisk > 0) surviving *= 1 - paid / atRisk;
    atRisk -= leaving;
    if (p10 === null && 1 - surviving >= 0.1) p10 = level;
    if (p90 === null && 1 - surviving >= 0.9) p90 = level;
  }
  const clamp = (level: number | null, fallback: number) => Math.min(1, level ?? fallback);
  return { p10: clamp(p10, 1), p90: clamp(p90, 1), invoices: observations.length };
}

/** The levels learned from the past predictions, each kind from `minInvoices` of them (else none). */
export function fitBandLevels(
  past: readonly (Pick<PastDays, 'record'> & Partial<PastDays>)[],
  cutoff: IsoDate,
  minInvoices: number,
): BandLevels {
  const cutoffDay = toDayNumber(cutoff);
  const notDue: RankObservation[] = [];
  const overdue: RankObservation[] = [];
  for (const { record, days, madeOnDay } of past) {
    // A past prediction that kept no days (one not made for the band) has nothing to rank.
    if (days === undefined || madeOnDay === undefined) continue;
    const rank = paymentRank({ record, days, madeOnDay }, cutoffDay);
    if (rank === null) continue;
    const isOverdue = toDayNumber(record.dueDate) < madeOnDay;
    (isOverdue ? overdue : notDue).push(rank);
  }
  const levelsOf = (ranks: RankObservation[]) => (ranks.length >= minInvoices ? bandFromRanks(ranks) : null);
  return { notDue: levelsOf(notDue), overdue: levelsOf(overdue) };
}

/** The levels for an invoice due on `dueDay`, predicted at `cutoffDay`. */
export function bandLevelFor(
  levels: BandLevels | null | undefined,
  dueDay: number,
  cutoffDay: number,
): BandLevel {
  if (!levels) return NOMINAL_BAND;
  return (dueDay < cutoffDay ? levels.overdue : levels.notDue) ?? NOMINAL_BAND;
}
