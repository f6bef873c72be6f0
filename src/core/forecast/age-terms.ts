/**
 * What the history says of invoices already very late: of the invoices that reached N days past
 * due by the cut-off, how many were paid in the days after, and when (Kaplan–Meier: those still
 * unpaid at the cut-off count as "not paid yet"; those a credit note or a write-off closed, as never
 * paid). An invoice older than almost all its customer's payments ever were is beyond its habits:
 * its dates come from this record for invoices that old (its segment's, else the company's), not
 * from the day after the cut-off. Learned as a fold, like the habits, at each cut-off wanted, from
 * what was known then only: a payment after the cut-off counts as "not paid yet".
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { countDuration, type DayCount, type SurvivalCurve, survivalOfCounts } from './survival.ts';
import type { InvoiceRecord, PredictionReason } from './types.ts';

/** Days past due at which the record is kept (ascending). */
export const AGE_THRESHOLDS_DAYS: readonly number[] = [30, 60, 90, 120, 180, 270, 365, 540, 730, 1095];
/** Fewest invoices that reached an age for its record to be used. */
export const MIN_AGE_OBSERVATIONS = 30;
/**
 * Where the record took over before it was blended with the habits from 31 days (dated-levels.ts,
 * DEFAULT_DATE_VARIANT): the default of `ageCandidates`' `fromDays`. That choice was made on the
 * paid-only MAE, which rewards a model that predicts an invoice months overdue as paid within days.
 * Past due by fewer days, an invoice kept its customer's habits even beyond them. On the demo's
 * back-test the record made the paid invoices 31–180 days late wrong by 45–170 days where the
 * habits were wrong by 13–41, while past 180 days the record is the right one (of 331 such
 * invoices, 15 were paid within 13 weeks; the habits expected 283). Model MAE on the demo by this
 * threshold: 0 → 18.25 d, 90 → 17.54, 180 → 15.88, 270 → 14.03, 365 → 13.61 (no record: 13.60).
 */
export const MIN_RECORD_AGE_DAYS = 180;
/**
 * Below this share of invoices as old paid within a year after, no payment is expected: the dates
 * are then the record's, and the invoice is marked so (predict.ts).
 */
export const PAYMENT_EXPECTED_MIN_SHARE = 0.5;
/** Where the dates go for the share the history never saw paid: a year after the cut-off. */
export const BEYOND_HISTORY_DAYS = 365;

export interface AgeRecord {
  /** Days past due the invoices had reached. */
  ageDays: number;
  observations: number;
  /** Days after reaching the age to the payment. */
  curve: SurvivalCurve;
}

export interface AgeTerms {
  /** By threshold (same order as AGE_THRESHOLDS_DAYS), null when none reached it. */
  company: (AgeRecord | null)[];
  segments: ReadonlyMap<string, (AgeRecord | null)[]>;
}

interface AgeCounts {
  company: Map<number, DayCount>[];
  segments: Map<string, Map<number, DayCount>[]>;
}

export interface AgeFold {
  cutoffs: { cutoff: IsoDate; day: number; counts: AgeCounts }[];
}

const emptyCounts = (): Map<number, DayCount>[] => AGE_THRESHOLDS_DAYS.map(() => new Map());

export function startAgeFold(cutoffs: readonly IsoDate[]): AgeFold {
  return {
    cutoffs: [...new Set(cutoffs)].map((cutoff) => ({
      cutoff,
      day: toDayNumber(cutoff),
      counts: { company: emptyCounts(), segments: new Map() },
    })),
  };
}

/** Adds one invoice (any order) to the counts of every cut-off and age it had reached by then. */
export function addToAgeFold(fold: AgeFold, record: InvoiceRecord): void {
  const dueDay = toDayNumber(record.dueDate);
  const settledDay = record.settledOn === null ? null : toDayNumber(record.settledOn);
  for (const at of fold.cutoffs) {
    if (record.issueDate > at.cutoff) continue;
    let segment: Map<number, DayCount>[] | undefined;
    AGE_THRESHOLDS_DAYS.forEach((ageDays, index) => {
      const reachedDay = dueDay + ageDays;
      if (reachedDay > at.day || (settledDay !== null && settledDay <= reachedDay)) return;
      // Paid by the cut-off: a duration; otherwise (open then, or closed without a payment) it
      // is still unpaid at the cut-off.
      const paid = settledDay !== null && settledDay <= at.day && record.settledByPayment;
      const days = paid ? (settledDay as number) - reachedDay : at.day - reachedDay;
      countDuration(at.counts.company[index] as Map<number, DayCount>, days, paid, 1);
      if (!segment) {
        segment = at.counts.segments.get(record.customerType) ?? emptyCounts();
        at.counts.segments.set(record.customerType, segment);
      }
      countDuration(segment[index] as Map<number, DayCount>, days, paid, 1);
    });
  }
}

function recordsOf(counts: readonly Map<number, DayCount>[]): (AgeRecord | null)[] {
  return counts.map((byDay, index) => {
    let observations = 0;
    for (const count of byDay.values()) observations += count.all;
    if (observations === 0) return null;
    return { ageDays: AGE_THRESHOLDS_DAYS[index] as number, observations, curve: survivalOfCounts(byDay) };
  });
}

export function finishAgeTerms(fold: AgeFold, cutoff: IsoDate): AgeTerms {
  const at = fold.cutoffs.find((entry) => entry.cutoff === cutoff);
  if (!at) return { company: [], segments: new Map() };
  const segments = new Map([...at.counts.segments].map(([name, counts]) => [name, recordsOf(counts)]));
  return { company: recordsOf(at.counts.company), segments };
}

/** The terms at the cut-off from a list of invoices (the back-test's and the tests' way). */
export function learnAgeTerms(records: readonly InvoiceRecord[], cutoff: IsoDate): AgeTerms {
  const fold = startAgeFold([cutoff]);
  for (const record of records) addToAgeFold(fold, record);
  return finishAgeTerms(fold, cutoff);
}

/**
 * The record for the oldest age the invoice has reached with enough history: its segment's at
 * that age, else the company's (an older age of the company's beats a younger one of the segment's).
 */
function recordFor(terms: AgeTerms, segment: string, daysOverdue: number) {
  const own = terms.segments.get(segment);
  const enough = (record: AgeRecord | null | undefined): record is AgeRecord =>
    record != null && record.ageDays <= daysOverdue && record.observations >= MIN_AGE_OBSERVATIONS;
  for (let index = AGE_THRESHOLDS_DAYS.length - 1; index >= 0; index -= 1) {
    const mine = own?.[index];
    if (enough(mine)) return { record: mine, basis: 'segment' as const };
    const company = terms.company[index];
    if (enough(company)) return { record: company, basis: 'company' as const };
  }
  return null;
}

/** Share still unpaid after `days` (a step function of the curve). */
export function survivingAt(curve: SurvivalCurve, days: number): number {
  let share = 1;
  for (let index = 0; index < curve.days.length && (curve.days[index] as number) <= days; index += 1)
    share = curve.surviving[index] as number;
  return share;
}

export interface AgeCandidates {
  days: readonly number[];
  reason: PredictionReason;
  /** Share of the invoices as old, still unpaid this long after, that were paid within a year. */
  paidWithinYear: number;
}

/**
 * `count` equally likely payment days after the cut-off for an invoice `daysOverdue` days past due,
 * from the history of invoices that old, given that it has stayed unpaid since it reached that age;
 * null without such a history. The share never seen paid is laid a year after the cut-off.
 */
export function ageCandidates(
  terms: AgeTerms,
  segment: string,
  daysOverdue: number,
  cutoffDay: number,
  count = 100,
  fromDays = MIN_RECORD_AGE_DAYS,
): AgeCandidates | null {
  if (daysOverdue < fromDays) return null;
  const found = recordFor(terms, segment, daysOverdue);
  if (!found) return null;
  const { record, basis } = found;
  const elapsed = daysOverdue - record.ageDays;
  const base = survivingAt(record.curve, elapsed);
  const days: number[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    const target = base * (1 - (index + 0.5) / count);
    while (
      at < record.curve.days.length &&
      !((record.curve.days[at] as number) > elapsed && (record.curve.surviving[at] as number) <= target)
    )
      at += 1;
    const day = record.curve.days[at];
    days.push(day === undefined ? cutoffDay + BEYOND_HISTORY_DAYS : cutoffDay + Math.max(1, day - elapsed));
  }
  // The record may have seen payments more than a year on, later than where the never-paid share
  // is laid: in order, or its quantiles are not (a median of 2028 beside a P90 of 2027).
  days.sort((a, b) => a - b);
  const shareWithin = (window: number) =>
    base > 0 ? 1 - survivingAt(record.curve, elapsed + window) / base : 0;
  const paidWithin = (window: number) => Math.round(shareWithin(window) * 100);
  const reason: PredictionReason = {
    code: 'long_overdue',
    figures: {
      daysOverdue,
      ageDays: record.ageDays,
      observations: record.observations,
      basis,
      paidWithin90Percent: paidWithin(90),
      paidWithin365Percent: paidWithin(365),
    },
  };
  return { days, reason, paidWithinYear: shareWithin(365) };
}

/** The answers already given for one terms object at one cut-off, by starting age and segment, then days past due. */
interface AnswersAt {
  cutoffDay: number;
  bySegment: Map<string, Map<number, AgeCandidates | null>>;
}

const answers = new WeakMap<AgeTerms, AnswersAt>();

/**
 * `ageCandidates` (100 days) computed once per segment, days past due and starting age at a
 * cut-off: at a million open items most invoices are long overdue and share a few thousand such
 * pairs, and each answer walks the record's curve several times. The same days and reason go to
 * every invoice asking the same question: nothing may change them (not frozen: frozen arrays made
 * the predictions' loops slower).
 */
export function sharedAgeCandidates(
  terms: AgeTerms,
  segment: string,
  daysOverdue: number,
  cutoffDay: number,
  fromDays = MIN_RECORD_AGE_DAYS,
): AgeCandidates | null {
  if (daysOverdue < fromDays) return null;
  let at = answers.get(terms);
  if (!at || at.cutoffDay !== cutoffDay) {
    at = { cutoffDay, bySegment: new Map() };
    answers.set(terms, at);
  }
  const key = `${fromDays}\u0000${segment}`;
  let byAge = at.bySegment.get(key);
  if (!byAge) {
    byAge = new Map();
    at.bySegment.set(key, byAge);
  }
  let found = byAge.get(daysOverdue);
  if (found === undefined) {
    found = ageCandidates(terms, segment, daysOverdue, cutoffDay, 100, fromDays);
    byAge.set(daysOverdue, found);
  }
  return found;
}
