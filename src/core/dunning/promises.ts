/**
 * Promises to pay (engagements de paiement): status as of a date from the payments received after
 * the promise was made. A promise may be in instalments; payments fill the instalments in order, so
 * an instalment is kept when everything promised up to it has been paid by its date plus the grace.
 *
 * Which payments count (`countsTowards`): the collector agrees the promise against the overdue on
 * the screen, which is already net of every payment recorded by then. A payment recorded before the
 * promise was recorded is therefore already out of the promised amount, even when it is dated the
 * very day of the call (a statement imported that morning): counting it again would show a promise
 * « paid » the moment it is made. A payment recorded after the promise was not on the screen, so it
 * counts: the same day's transfer that arrives in the evening's statement is the customer keeping
 * their word, and one sent up to a week before but recorded only after the call was still part of
 * the overdue the customer promised to pay (an older payment recorded later is a back-filled
 * history, not the promise kept). A payment dated after the promise date counts too, even recorded
 * before the promise: a promise recorded days after the call (made on an earlier date) must not
 * lose the payments that came in meanwhile. The date alone could not tell
 * the same day's payments apart, and the recording time alone would lose those of a late entry.
 */
import { addDays } from '../calendar.ts';
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';

export interface PromiseInstalment {
  dueDate: IsoDate;
  amountMinor: number;
}

export interface PromiseToPay {
  /** The day of the call: a payment dated after it counts (see `countsTowards`). */
  madeOn: IsoDate;
  /** When the promise was recorded: a payment recorded after it counts (see `countsTowards`). */
  recordedAt: Date;
  instalments: readonly PromiseInstalment[];
}

export interface PromisePayment {
  date: IsoDate;
  /** When the payment was recorded in the ledger. */
  recordedAt: Date;
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
  /** Counted payments (made after the promise, up to the last deadline and the as-of date). */
  paidMinor: number;
  shortfallMinor: number;
  instalments: InstalmentStatus[];
}

/** Whether a payment keeps the promise rather than being already netted from what was promised. */
export function countsTowards(promise: PromiseToPay, payment: PromisePayment): boolean {
  if (payment.date > promise.madeOn) return true;
  // Recorded after the promise but dated before it: a transfer still on its way at the call (a
  // bank statement comes days late), not last year's payments imported since.
  const recordedAfter = payment.recordedAt.getTime() > promise.recordedAt.getTime();
  return recordedAfter && payment.date >= addDays(promise.madeOn, -IN_TRANSIT_DAYS);
}

/** How long before the call a payment recorded after it may be dated and still count. */
const IN_TRANSIT_DAYS = 7;

function paidUntil(promise: PromiseToPay, payments: readonly PromisePayment[], to: IsoDate): number {
  return payments.reduce(
    (sum, p) => (p.date <= to && countsTowards(promise, p) ? sum + p.amountMinor : sum),
    0,
  );
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
    const paidByThenMinor = paidUntil(promise, payments, countedUntil);
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
