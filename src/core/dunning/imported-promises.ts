/**
 * Promises to pay known only from the imported customer story: a 'promise' line written before
 * Encours (« Promesse de règlement de 1 890,83 € pour le 29/06/2026 »). They are shown read-only
 * beside the promises recorded in Encours, never turned into one: a line has no instalments a
 * collector agreed, so it pauses no dunning and the forecast does not read it (the records only).
 *
 * What the line says is read from its words: the promised date (the latest date it names after the
 * line's own day; that day itself only when it names no later one, since « promesse du 11/06 » is the
 * call) and the amount in euros it states. Whether it was kept is read from the ledger only when it
 * can be honestly: kept when the payments dated after the line's day and by the promised date (net
 * of bounced payments) cover the amount; pending while the promised date has not passed; broken
 * otherwise — unless a payment of the line's own day would cover it, which may have come before the
 * call (already out of what was promised) or after it (the promise kept): that cannot be told, so it
 * is « not verifiable », as is a line that names no date, no amount, several dates (instalments
 * whose split the line may not say), or a customer whose ledger is not in euros.
 */
import { frenchDateOf, DATE as STORY_DATE } from '../legal/procedure-story.ts';
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';
import { importedReminderAmountMinor } from './imported-reminders.ts';

export const IMPORTED_PROMISE_STATUSES = ['pending', 'kept', 'broken', 'unverifiable'] as const;
export type ImportedPromiseStatus = (typeof IMPORTED_PROMISE_STATUSES)[number];

/** Why a status cannot be read: what the line leaves unsaid, or what the ledger cannot tell. */
export const UNVERIFIABLE_REASONS = ['no_date', 'no_amount', 'instalments', 'currency', 'same_day'] as const;
export type UnverifiableReason = (typeof UNVERIFIABLE_REASONS)[number];

/** The currency the imported story writes its amounts in (« € », « EUR »). */
export const STATED_CURRENCY = 'EUR';

export interface ImportedPromiseTerms {
  /** The promised date: null when the line names none on or after its own day. */
  promisedOn: IsoDate | null;
  /** The amount in euros the line states, in minor units; null when it states none, or names several dates. */
  amountMinor: number | null;
  /** It names several later dates: instalments, whose amounts it may not split. */
  severalDates: boolean;
}

/** What a promise line says: its promised date and amount (see the module's comment). */
export function importedPromiseTerms(detail: string, lineDate: IsoDate): ImportedPromiseTerms {
  const dates = new Set<IsoDate>();
  for (const match of detail.matchAll(new RegExp(STORY_DATE, 'giu'))) {
    const date = match[1] ? frenchDateOf(match[1]) : null;
    if (date !== null && date >= lineDate) dates.add(date);
  }
  const later = [...dates].filter((date) => date > lineDate).sort();
  const promisedOn = later.at(-1) ?? (dates.has(lineDate) ? lineDate : null);
  const severalDates = later.length > 1;
  return {
    promisedOn,
    amountMinor: severalDates ? null : importedReminderAmountMinor(detail),
    severalDates,
  };
}

/** A payment of the customer (a bounced payment is one with a negative amount). */
export interface ImportedPromisePayment {
  date: IsoDate;
  amountMinor: number;
}

export interface ImportedPromiseAssessment {
  status: ImportedPromiseStatus;
  /** Why it is not verifiable; null otherwise. */
  reason: UnverifiableReason | null;
  /** Paid after the line's day, by the promised date (or the as-of date, if earlier); null when not read. */
  paidMinor: number | null;
}

const unverifiable = (reason: UnverifiableReason, paidMinor: number | null = null) => ({
  status: 'unverifiable' as const,
  reason,
  paidMinor,
});

export function assessImportedPromise(
  promise: { madeOn: IsoDate; currency: string; terms: ImportedPromiseTerms },
  payments: readonly ImportedPromisePayment[],
  asOf: IsoDate,
): ImportedPromiseAssessment {
  const { madeOn, terms } = promise;
  if (terms.promisedOn === null) return unverifiable('no_date');
  if (terms.amountMinor === null) return unverifiable(terms.severalDates ? 'instalments' : 'no_amount');
  if (promise.currency !== STATED_CURRENCY) return unverifiable('currency');
  const until = terms.promisedOn < asOf ? terms.promisedOn : asOf;
  let paidMinor = 0;
  let sameDayMinor = 0;
  for (const payment of payments) {
    assertSafeMinor(payment.amountMinor);
    if (payment.date > madeOn && payment.date <= until) paidMinor += payment.amountMinor;
    else if (payment.date === madeOn) sameDayMinor += payment.amountMinor;
  }
  if (paidMinor >= terms.amountMinor) return { status: 'kept', reason: null, paidMinor };
  if (asOf <= terms.promisedOn) return { status: 'pending', reason: null, paidMinor };
  if (sameDayMinor > 0 && paidMinor + sameDayMinor >= terms.amountMinor)
    return unverifiable('same_day', paidMinor);
  return { status: 'broken', reason: null, paidMinor };
}
