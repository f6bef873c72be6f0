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
 * is « not verifiable », as is a line that names no date, several dates (instalments whose split
 * the line may not say) or no amount, or a customer whose ledger is not in euros. A line that states
 * no amount but names the invoices it is about is judged on them instead
 * (imported-promise-invoices.ts): kept when they were settled by the promised date.
 */
import { frenchDateOf, DATE as STORY_DATE } from '../legal/procedure-story.ts';
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';
import { checkNamedInvoices, type InvoiceCheck, type NamedInvoice } from './imported-promise-invoices.ts';
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
  /** When the line states no amount: judged on the invoices it names; null otherwise. */
  invoiceCheck: InvoiceCheck | null;
}

const unverifiable = (reason: UnverifiableReason, paidMinor: number | null = null) => ({
  status: 'unverifiable' as const,
  reason,
  paidMinor,
  invoiceCheck: null,
});

/**
 * `invoices`: the customer's invoices the line names (imported-promise-invoices.ts), read only when
 * the line states no amount.
 */
export function assessImportedPromise(
  promise: { madeOn: IsoDate; currency: string; terms: ImportedPromiseTerms },
  payments: readonly ImportedPromisePayment[],
  asOf: IsoDate,
  invoices: readonly NamedInvoice[] = [],
): ImportedPromiseAssessment {
  const { madeOn, terms } = promise;
  if (terms.promisedOn === null) return unverifiable('no_date');
  if (terms.amountMinor === null && invoices.length > 0)
    return assessOnInvoices(terms.promisedOn, invoices, asOf);
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
  const read = { reason: null, paidMinor, invoiceCheck: null };
  if (paidMinor >= terms.amountMinor) return { status: 'kept', ...read };
  if (asOf <= terms.promisedOn) return { status: 'pending', ...read };
  if (sameDayMinor > 0 && paidMinor + sameDayMinor >= terms.amountMinor)
    return unverifiable('same_day', paidMinor);
  return { status: 'broken', ...read };
}

/**
 * Kept when the invoices were settled by the promised date (by the as-of date while it has not
 * come); pending until that date has passed; broken otherwise. A settlement on the line's own day
 * or before keeps it too: whatever was said that day, nothing is owed on them any more.
 */
function assessOnInvoices(
  promisedOn: IsoDate,
  invoices: readonly NamedInvoice[],
  asOf: IsoDate,
): ImportedPromiseAssessment {
  const invoiceCheck = checkNamedInvoices(invoices, promisedOn < asOf ? promisedOn : asOf);
  const status = invoiceCheck.settledOn !== null ? 'kept' : asOf <= promisedOn ? 'pending' : 'broken';
  return { status, reason: null, paidMinor: null, invoiceCheck };
}
