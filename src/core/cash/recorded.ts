/**
 * A receipt the ledger already holds: the bank's side of a payment recorded before the statement
 * came (from a remittance advice, a spreadsheet, the accounting's own import). Applying it again
 * would pay its customer twice — a second payment document against open invoices. It is
 * recognised instead: a payment of the ledger that no bank line was matched to yet, of exactly the
 * receipt's amount and currency, dated within a few days of its booking (its issue or its value
 * date), of a customer the receipt points at — or of anyone when it points at nobody, with no
 * more than a suggestion then. A receipt naming invoices that the payment did not settle is
 * another payment. Recognised, the receipt is proposed as that payment only (method `recorded`),
 * never against open items; applying the proposal links the bank line to the payment and writes
 * nothing in the ledger.
 */
import { daysBetween } from '../calendar.ts';
import type { CustomerCandidate, Evidence, RefHit } from './identify.ts';
import type { Proposal } from './proposal.ts';

/** A payment of the ledger not matched to any bank line yet. */
export interface RecordedPayment {
  documentId: number;
  customerCode: string;
  ref: string;
  issueDate: string;
  valueDate: string | null;
  /** The money received: positive (the document itself is a credit). */
  amountMinor: number;
  currency: string;
  /** The debits its allocations settle (ids). */
  settledDocumentIds: readonly number[];
}

export interface RecordedReceipt {
  amountMinor: number;
  currency: string;
  bookingDate: string;
}

/** How far (in days) a bank booking may be from the payment's dates. */
export const RECORDED_WINDOW_DAYS = 5;
/** A receipt that points at nobody is recognised on its amount and date alone: a suggestion at most. */
const AMOUNT_ONLY_SCORE = 0.3;
const AMOUNT_ONLY_CAP = 80;

/** Days between the booking and the nearer of the payment's issue and value dates. */
export function recordedGap(receipt: RecordedReceipt, payment: RecordedPayment): number {
  const dates = payment.valueDate ? [payment.issueDate, payment.valueDate] : [payment.issueDate];
  return Math.min(...dates.map((date) => Math.abs(daysBetween(date, receipt.bookingDate))));
}

/** The payment is of the receipt's amount and currency, booked near enough its dates. */
export function fitsRecorded(receipt: RecordedReceipt, payment: RecordedPayment): boolean {
  return (
    payment.amountMinor === receipt.amountMinor &&
    payment.currency === receipt.currency &&
    recordedGap(receipt, payment) <= RECORDED_WINDOW_DAYS
  );
}

function corroboration(gap: number, namesItsInvoices: boolean): number {
  const byDate = gap === 0 ? 0.9 : gap <= 2 ? 0.8 : 0.6;
  return namesItsInvoices ? 1 - (1 - byDate) * 0.5 : byDate;
}

/**
 * The recorded payments this receipt may be, best first: `candidates` are the customers it points
 * at (none: anyone's, on amount and date), `refHits` the documents its text names. Empty when it
 * is none of them.
 */
export function recordedProposals(
  receipt: RecordedReceipt,
  candidates: readonly CustomerCandidate[],
  refHits: readonly Pick<RefHit, 'customerCode' | 'documentId'>[],
  payments: readonly RecordedPayment[],
): Proposal[] {
  const byCode = new Map(candidates.map((candidate) => [candidate.customerCode, candidate]));
  const fitting = payments.filter(
    (payment) =>
      fitsRecorded(receipt, payment) && (candidates.length === 0 || byCode.has(payment.customerCode)),
  );
  const proposals = fitting.flatMap((payment): Proposal[] => {
    const named = refHits.filter((hit) => hit.customerCode === payment.customerCode);
    const own = named.filter((hit) => payment.settledDocumentIds.includes(hit.documentId)).length;
    // It names invoices of the customer, none of which this payment settled: another payment.
    if (named.length > 0 && payment.settledDocumentIds.length > 0 && own === 0) return [];
    const candidate = byCode.get(payment.customerCode);
    const score = candidate?.score ?? AMOUNT_ONLY_SCORE;
    const gap = recordedGap(receipt, payment);
    const customer = 1 - (1 - score) * (1 - corroboration(gap, own > 0));
    const several = fitting.filter((other) => other.customerCode === payment.customerCode).length > 1;
    const confidence = Math.round(100 * Math.min(customer, several ? 0.8 : 1));
    const evidence: Evidence[] = [
      ...(candidate?.evidence ?? []),
      { code: 'recorded_payment', ref: payment.ref, days: gap },
    ];
    return [
      {
        customerCode: payment.customerCode,
        confidence: candidate ? confidence : Math.min(confidence, AMOUNT_ONLY_CAP),
        method: 'recorded',
        debits: [],
        credits: [],
        writeOffMinor: 0,
        writeOffReason: null,
        unappliedMinor: 0,
        evidence,
        recorded: { documentId: payment.documentId, ref: payment.ref, issueDate: payment.issueDate },
      },
    ];
  });
  const gapOf = new Map(fitting.map((payment) => [payment.documentId, recordedGap(receipt, payment)]));
  return proposals.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      (gapOf.get(a.recorded?.documentId ?? 0) ?? 0) - (gapOf.get(b.recorded?.documentId ?? 0) ?? 0) ||
      (a.recorded?.documentId ?? 0) - (b.recorded?.documentId ?? 0),
  );
}
