/**
 * What happened to each invoice of a scale data set by the reference date, so that benchmarks
 * run on a ledger that looks like a real one: most invoices paid (on time, late, or early), some
 * paid in part, some reduced by a credit note, some paid by a payment that bounced (its matching
 * reversed, the bounce booked, the invoice reopened and often paid again), some disputed
 * and left open, payments on account left unapplied (open credits), and the rest overdue. Every
 * outcome is a pure function of (seed, invoice index), like the invoices themselves, so the data
 * never depends on the batch size. Without this, the aged balance's expensive as-of path (partly
 * settled documents, reversals, open credits) would never run in a benchmark.
 */
import { addDays, maxDate, minDate } from '../core/calendar.ts';
import type { Allocation, CustomerEvent, IsoDate, LedgerDocument } from '../core/types.ts';
import { mix32 } from './random.ts';

export interface InvoiceSettlement {
  documents: LedgerDocument[];
  allocations: Allocation[];
  /** Matchings undone later (same debit and credit reference as an allocation above). */
  reversals: Allocation[];
  events: CustomerEvent[];
}

/** How a customer pays: mean and spread of the delay after the due date, in days. */
interface PayerHabit {
  meanDelayDays: number;
  spreadDays: number;
}

const HABITS: readonly PayerHabit[] = [
  { meanDelayDays: -3, spreadDays: 6 }, // punctual
  { meanDelayDays: 4, spreadDays: 10 }, // mostly on time
  { meanDelayDays: 18, spreadDays: 15 }, // slow
  { meanDelayDays: 35, spreadDays: 30 }, // erratic and late
];

/** The habit of a customer, stable across invoices (from its code, not from the invoice). */
export function payerHabitOf(customerCode: string, seed: number): PayerHabit {
  let hash = seed >>> 0;
  for (let index = 0; index < customerCode.length; index++)
    hash = mix32(hash ^ customerCode.charCodeAt(index));
  const unit = hash / 4_294_967_296;
  // Half punctual or nearly, a third slow, the rest erratic.
  const habitIndex = unit < 0.25 ? 0 : unit < 0.55 ? 1 : unit < 0.85 ? 2 : 3;
  return HABITS[habitIndex] as PayerHabit;
}

/** Uniform draw in [0, 1) number `draw` of the invoice's stream. */
function unitOf(invoiceHash: number, draw: number): number {
  return mix32(invoiceHash ^ mix32(draw * 0x9e3779b1)) / 4_294_967_296;
}

function share(amountMinor: number, unit: number, low: number, high: number): number {
  return Math.max(1, Math.min(amountMinor - 1, Math.round(amountMinor * (low + (high - low) * unit))));
}

function document(
  invoice: LedgerDocument,
  kind: LedgerDocument['kind'],
  prefix: string,
  issueDate: IsoDate,
  amountMinor: number,
): LedgerDocument {
  return {
    kind,
    source: 'scale',
    externalRef: `${prefix}-${invoice.externalRef}`,
    customerCode: invoice.customerCode,
    issueDate,
    dueDate: issueDate,
    valueDate: null,
    amountMinor,
    currency: invoice.currency,
    label: null,
  };
}

function match(
  debit: LedgerDocument,
  credit: LedgerDocument,
  amountMinor: number,
  date: IsoDate,
): Allocation {
  return { debitRef: debit.externalRef, creditRef: credit.externalRef, amountMinor, allocationDate: date };
}

/**
 * The settlement of one invoice as of `asOf`. Dates never pass `asOf` (what would happen later
 * has not happened yet) and never precede the documents they link.
 */
export function settleInvoice(
  invoice: LedgerDocument,
  invoiceHash: number,
  habit: PayerHabit,
  asOf: IsoDate,
): InvoiceSettlement {
  const out: InvoiceSettlement = { documents: [], allocations: [], reversals: [], events: [] };
  const amount = invoice.amountMinor;
  const delay = Math.round(habit.meanDelayDays + habit.spreadDays * (2 * unitOf(invoiceHash, 1) - 1));
  const paidOn = maxDate(addDays(invoice.dueDate, delay), invoice.issueDate);
  const fate = unitOf(invoiceHash, 2);
  const pay = (prefix: string, on: IsoDate, amountMinor: number) => {
    const payment = document(invoice, 'payment', prefix, on, -amountMinor);
    out.documents.push(payment);
    out.allocations.push(match(invoice, payment, amountMinor, on));
    return payment;
  };
  // A payment on account now and then: an open credit nobody has applied yet.
  if (unitOf(invoiceHash, 3) < 0.01) {
    const onAccount = minDate(addDays(invoice.issueDate, 5), asOf);
    out.documents.push(
      document(invoice, 'payment', 'ACPT', onAccount, -share(amount, unitOf(invoiceHash, 4), 0.1, 0.5)),
    );
  }
  if (fate < 0.03) {
    // Disputed: the customer contests it, nothing paid yet.
    const raisedOn = minDate(addDays(invoice.issueDate, 10), asOf);
    out.events.push({
      customerCode: invoice.customerCode,
      kind: 'dispute',
      eventDate: raisedOn,
      documentRef: invoice.externalRef,
      detail: 'Litige qualité signalé par le client',
    });
    return out;
  }
  if (paidOn > asOf) return out; // not paid yet: open, due or overdue
  if (fate < 0.11) {
    // Paid in part; the rest stays open.
    pay('RP', paidOn, share(amount, unitOf(invoiceHash, 5), 0.3, 0.7));
  } else if (fate < 0.16) {
    // A credit note for a return or a price dispute, then the rest paid.
    const creditOn = minDate(addDays(invoice.issueDate, 7), asOf);
    const creditMinor = share(amount, unitOf(invoiceHash, 6), 0.05, 0.2);
    const creditNote = document(invoice, 'credit_note', 'AV', creditOn, -creditMinor);
    out.documents.push(creditNote);
    out.allocations.push(match(invoice, creditNote, creditMinor, creditOn));
    pay('R', paidOn, amount - creditMinor);
  } else if (fate < 0.18) {
    bouncedThenPaidAgain(out, invoice, paidOn, asOf, unitOf(invoiceHash, 7), pay);
  } else if (fate < 0.88) {
    pay('R', paidOn, amount);
  }
  return out;
}

/**
 * A cheque or direct debit returned unpaid: the payment's matching is reversed on the bounce
 * date and the bounce (a debit) is booked; the returned payment and the bounce stay open side by
 * side until a clerk matches them (they net to zero for the customer), and the invoice, open
 * again, is paid by a second payment two to six weeks later when that date has come.
 */
function bouncedThenPaidAgain(
  out: InvoiceSettlement,
  invoice: LedgerDocument,
  paidOn: IsoDate,
  asOf: IsoDate,
  unit: number,
  pay: (prefix: string, on: IsoDate, amountMinor: number) => LedgerDocument,
): void {
  const amount = invoice.amountMinor;
  const first = pay('R', paidOn, amount);
  const bouncedOn = addDays(paidOn, 8);
  if (bouncedOn > asOf) return;
  out.documents.push(document(invoice, 'bounced_payment', 'IMP', bouncedOn, amount));
  out.reversals.push(match(invoice, first, amount, bouncedOn));
  const againOn = addDays(bouncedOn, 14 + Math.floor(unit * 28));
  if (againOn <= asOf) pay('R2', againOn, amount);
}
