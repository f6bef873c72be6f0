/**
 * Coverage of the predicted dates on every invoice open at a back-test cut-off, paid later or
 * never. The paid-only MAE cannot see an optimistic date for an invoice that is never paid: here
 * such an invoice counts as not paid by its P50 or P90 date. Outcomes are censored at one date
 * (the end of the data read): a date after it has no known answer yet and is left out.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { InvoiceRecord } from './types.ts';

/** The ageing buckets of the report (days past due at the cut-off), keys of `text/aging-buckets.ts`. */
export const COVERAGE_BUCKETS = ['not_due', 'd1_30', 'd31_90', 'd91_180', 'd180_plus'] as const;
export type CoverageBucket = (typeof COVERAGE_BUCKETS)[number];

/** 13 weeks: the collection forecast's horizon, the one the dates feed. */
export const COVERAGE_HORIZON_DAYS = 91;

/** Of the invoices whose date falls by the censoring date, how many were paid by it. */
export interface PaidByShare {
  invoices: number;
  paid: number;
  /** paid / invoices; null when no invoice counts. */
  share: number | null;
}

export interface CoverageRow {
  bucket: CoverageBucket | 'all';
  /** Invoices open at the cut-offs (one open at three cut-offs counts three times). */
  invoices: number;
  /** An honest median is met about half the time, a P90 about 90 % of the time. */
  paidByP50: PaidByShare;
  paidByP90: PaidByShare;
  /**
   * Invoices whose 13 weeks after the cut-off end by the censoring date: the mean predicted
   * chance of payment within them, and the share actually paid within them (null when none).
   */
  paidWithin13Weeks: { invoices: number; expected: number | null; actual: number | null };
}

/** One open invoice at one cut-off: what the model said and what happened by the censoring date. */
export interface CoverageCase {
  daysPastDue: number;
  /** Day numbers of the P50 and P90 dates; null when the model gives no date (no payment expected). */
  p50Day: number | null;
  p90Day: number | null;
  /** Predicted chance of payment within 13 weeks of the cut-off. */
  probabilityWithinHorizon: number;
  /** Day the customer's payment settled it, null if not by the censoring date (or closed otherwise). */
  paidDay: number | null;
  cutoffDay: number;
}

interface Tally {
  invoices: number;
  p50: { invoices: number; paid: number };
  p90: { invoices: number; paid: number };
  horizon: { invoices: number; expected: number; paid: number };
}

export type CoverageTallies = Record<CoverageBucket | 'all', Tally>;

const emptyTally = (): Tally => ({
  invoices: 0,
  p50: { invoices: 0, paid: 0 },
  p90: { invoices: 0, paid: 0 },
  horizon: { invoices: 0, expected: 0, paid: 0 },
});

export function emptyCoverage(): CoverageTallies {
  return {
    all: emptyTally(),
    ...(Object.fromEntries(COVERAGE_BUCKETS.map((b) => [b, emptyTally()])) as Record<CoverageBucket, Tally>),
  };
}

export function coverageBucketOf(daysPastDue: number): CoverageBucket {
  if (daysPastDue <= 0) return 'not_due';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 90) return 'd31_90';
  if (daysPastDue <= 180) return 'd91_180';
  return 'd180_plus';
}

/** A date's day number; null when there is none (a model that gives no date for an invoice). */
export function dayOrNull(date: IsoDate | null | undefined): number | null {
  return date ? toDayNumber(date) : null;
}

/** The day a payment settled the invoice, if by the censoring date: a credit note or write-off is not a payment. */
export function paidDayOf(record: InvoiceRecord, censorDay: number): number | null {
  if (!record.settledByPayment || record.settledOn === null) return null;
  const day = toDayNumber(record.settledOn);
  return day <= censorDay ? day : null;
}

/** Share of the candidate days within `horizonDays` after the cut-off. */
export function shareWithin(
  candidateDays: readonly number[],
  cutoffDay: number,
  horizonDays: number,
): number {
  if (candidateDays.length === 0) return 0;
  let count = 0;
  for (const day of candidateDays) if (day <= cutoffDay + horizonDays) count += 1;
  return count / candidateDays.length;
}

function countPaidBy(
  part: { invoices: number; paid: number },
  dateDay: number | null,
  c: CoverageCase,
  censorDay: number,
) {
  // Unknown yet when the date lies after the censoring date (or when there is no date at all).
  if (dateDay === null || dateDay > censorDay) return;
  part.invoices += 1;
  if (c.paidDay !== null && c.paidDay <= dateDay) part.paid += 1;
}

export function addCoverage(tallies: CoverageTallies, c: CoverageCase, censorDay: number): void {
  for (const tally of [tallies.all, tallies[coverageBucketOf(c.daysPastDue)]]) {
    tally.invoices += 1;
    countPaidBy(tally.p50, c.p50Day, c, censorDay);
    countPaidBy(tally.p90, c.p90Day, c, censorDay);
    const horizonEnd = c.cutoffDay + COVERAGE_HORIZON_DAYS;
    if (horizonEnd > censorDay) continue;
    tally.horizon.invoices += 1;
    tally.horizon.expected += c.probabilityWithinHorizon;
    if (c.paidDay !== null && c.paidDay <= horizonEnd) tally.horizon.paid += 1;
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const ratio = (part: number, whole: number) => (whole > 0 ? round3(part / whole) : null);

export function coverageRows(tallies: CoverageTallies): CoverageRow[] {
  return [...COVERAGE_BUCKETS, 'all' as const].map((bucket) => {
    const t = tallies[bucket];
    return {
      bucket,
      invoices: t.invoices,
      paidByP50: { ...t.p50, share: ratio(t.p50.paid, t.p50.invoices) },
      paidByP90: { ...t.p90, share: ratio(t.p90.paid, t.p90.invoices) },
      paidWithin13Weeks: {
        invoices: t.horizon.invoices,
        expected: ratio(t.horizon.expected, t.horizon.invoices),
        actual: ratio(t.horizon.paid, t.horizon.invoices),
      },
    };
  });
}
