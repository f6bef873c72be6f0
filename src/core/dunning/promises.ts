/**
 * Promises to pay (engagements de paiement): status as of a date from the payments received after
 * the promise was made. A promise may be in instalments; payments fill the instalments in order, so
 * an instalment is kept when everything promised up to it has been paid by its date plus the grace.
 */
import { addDays } from '../calendar.ts';
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';

export interface PromiseInstalment {
  dueDate: IsoDate;
  amountMinor: number;
}

export interface PromiseToPay {
  /** Payments before this date do not count: they were already known when the customer promised. */
  madeOn: IsoDate;
  instalments: readonly PromiseInstalment[];
}

export interface PromisePayment {
  date: IsoDate;
  amountMinor: number;
}

export const PROMISE_STATUSES = ['pending', 'kept', 'partially_kept', 'broken'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export interface InstalmentStatus {
  dueDate: IsoDate;
  /** Last day a payment still counts for this instalment: due date + grace. */
  deadline: IsoDate;
  amountMinor: number;
  /** Paid towards this instalment, as of the status date. */
  paidMinor: number;
  status: PromiseStatus;
}

export interface PromiseAssessment {
  status: PromiseStatus;
  promisedMinor: number;
  /** Counted payments (after the promise, up to the last deadline and the as-of date). */
  paidMinor: number;
  shortfallMinor: number;
  instalments: InstalmentStatus[];
}

function paidBetween(payments: readonly PromisePayment[], from: IsoDate, to: IsoDate): number {
  return payments.reduce((sum, p) => (p.date >= from && p.date <= to ? sum + p.amountMinor : sum), 0);
}

function instalmentStatus(
  paidMinor: number,
  amountMinor: number,
  asOf: IsoDate,
  deadline: IsoDate,
): PromiseStatus {
  if (paidMinor >= amountMinor) return 'kept';
  if (asOf <= deadline) return 'pending';
  return paidMinor > 0 ? 'partially_kept' : 'broken';
}

/** Broken beats partially kept beats pending beats kept: the worst instalment speaks for the promise. */
const SEVERITY: Record<PromiseStatus, number> = { kept: 0, pending: 1, partially_kept: 2, broken: 3 };

export function assessPromise(
  promise: PromiseToPay,
  payments: readonly PromisePayment[],
  asOf: IsoDate,
  graceDays: number,
): PromiseAssessment {
  for (const p of payments) assertSafeMinor(p.amountMinor);
  const instalments = [...promise.instalments].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0,
  );
  let promisedSoFarMinor = 0;
  const statuses = instalments.map((instalment) => {
    assertSafeMinor(instalment.amountMinor);
    const deadline = addDays(instalment.dueDate, graceDays);
    const countedUntil = asOf < deadline ? asOf : deadline;
    // Cumulative: whatever was paid beyond the earlier instalments counts towards this one.
    const paidByThenMinor = paidBetween(payments, promise.madeOn, countedUntil);
    const paidMinor = Math.min(instalment.amountMinor, Math.max(0, paidByThenMinor - promisedSoFarMinor));
    promisedSoFarMinor += instalment.amountMinor;
    return {
      dueDate: instalment.dueDate,
      deadline,
      amountMinor: instalment.amountMinor,
      paidMinor,
      status: instalmentStatus(paidMinor, instalment.amountMinor, asOf, deadline),
    };
  });
  const status = statuses.reduce<PromiseStatus>(
    (worst, s) => (SEVERITY[s.status] > SEVERITY[worst] ? s.status : worst),
    'kept',
  );
  const paidMinor = statuses.reduce((sum, s) => sum + s.paidMinor, 0);
  return {
    status: statuses.length === 0 ? 'kept' : status,
    promisedMinor: promisedSoFarMinor,
    paidMinor,
    shortfallMinor: promisedSoFarMinor - paidMinor,
    instalments: statuses,
  };
}

export interface PromiseRecord {
  status: PromiseStatus;
}

/** Kept rate over the promises already decided (pending ones are left out), for scoring. */
export function summarizePromises(records: readonly PromiseRecord[]) {
  const counts = { pending: 0, kept: 0, partially_kept: 0, broken: 0 };
  for (const record of records) counts[record.status] += 1;
  const decided = counts.kept + counts.partially_kept + counts.broken;
  return { ...counts, keptRateBps: decided === 0 ? null : Math.floor((counts.kept * 10_000) / decided) };
}
