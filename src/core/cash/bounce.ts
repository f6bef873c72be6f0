/**
 * A payment that comes back unpaid (a bounced cheque, a rejected direct debit, a returned
 * transfer). Nothing is edited: the payment's allocations get their reversal rows (the invoices
 * it settled are open again), a bounced-payment document of the same amount is debited to the
 * customer and settled by the payment itself, so the customer owes the invoices again and the
 * bounce shows in their history and in scoring. A fee the bank charged may be passed on.
 *
 * Also: which applied receipt a return line of a statement sends back (same amount, the payer's
 * end-to-end id, cheque number, IBAN or name), ranked by how sure that is.
 */
import { maxDate } from '../calendar.ts';
import { type AllocationRecord, type LedgerDoc, reversalOf } from '../ledger/ledger.ts';
import type { IsoDate } from '../types.ts';

/** Allocations on this credit document that are neither reversals nor reversed yet. */
export function liveAllocationsOf(
  creditId: number,
  allocations: readonly AllocationRecord[],
): AllocationRecord[] {
  const reversed = new Set(allocations.map((row) => row.reversesId).filter((id) => id !== null));
  return allocations.filter(
    (row) => row.creditId === creditId && row.reversesId === null && !reversed.has(row.id),
  );
}

export interface BouncePlan {
  /** Reversal rows of the payment's allocations, each dated no earlier than what it cancels. */
  reversals: AllocationRecord[];
  /** Invoice (debit) ids reopened by the reversals. */
  reopenedDebitIds: number[];
  /** Amount of the bounced-payment document (positive: a debit of the customer). */
  bounceMinor: number;
  /** Date of the allocation that settles the bounced-payment document with the payment. */
  settleDate: IsoDate;
}

export function planBounce(
  payment: LedgerDoc,
  allocations: readonly AllocationRecord[],
  bounceDate: IsoDate,
): BouncePlan {
  if (payment.kind !== 'payment' || payment.amountMinor >= 0)
    throw new RangeError(`document ${payment.id} is not a payment`);
  const live = liveAllocationsOf(payment.id, allocations);
  const reversals = live.map((row) => reversalOf(row, maxDate(bounceDate, row.allocationDate)));
  return {
    reversals,
    reopenedDebitIds: [...new Set(live.map((row) => row.debitId))],
    bounceMinor: -payment.amountMinor,
    settleDate: maxDate(bounceDate, payment.issueDate),
  };
}

export interface AppliedReceiptClues {
  transactionId: number;
  bookingDate: IsoDate;
  amountMinor: number;
  endToEndId: string | null;
  chequeNumber: string | null;
  counterpartyIban: string | null;
  nameKey: string | null;
}

export interface ReturnClues {
  bookingDate: IsoDate;
  amountMinor: number;
  endToEndId: string | null;
  chequeNumber: string | null;
  counterpartyIban: string | null;
  nameKey: string | null;
}

export interface ReturnCandidate {
  transactionId: number;
  confidence: number;
  evidence: ('end_to_end_id' | 'cheque_number' | 'iban' | 'name' | 'amount')[];
}

/**
 * Receipts this return may send back: the same amount, booked on or before it. The payer's own
 * identifiers are near proof; the IBAN or name only narrows; amount alone is a guess.
 */
export function rankReturnCandidates(
  returned: ReturnClues,
  receipts: readonly AppliedReceiptClues[],
): ReturnCandidate[] {
  const candidates: ReturnCandidate[] = [];
  for (const receipt of receipts) {
    if (receipt.amountMinor !== -returned.amountMinor || receipt.bookingDate > returned.bookingDate) continue;
    const evidence: ReturnCandidate['evidence'] = ['amount'];
    let confidence = 40;
    if (returned.endToEndId && receipt.endToEndId === returned.endToEndId) {
      evidence.push('end_to_end_id');
      confidence = 98;
    }
    if (returned.chequeNumber && receipt.chequeNumber === returned.chequeNumber) {
      evidence.push('cheque_number');
      confidence = Math.max(confidence, 97);
    }
    if (returned.counterpartyIban && receipt.counterpartyIban === returned.counterpartyIban) {
      evidence.push('iban');
      confidence = Math.max(confidence, 85);
    }
    if (returned.nameKey && receipt.nameKey === returned.nameKey) {
      evidence.push('name');
      confidence = Math.max(confidence, 75);
    }
    candidates.push({ transactionId: receipt.transactionId, confidence, evidence });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || b.transactionId - a.transactionId);
  // Two receipts as likely as each other: neither may be bounced without a person.
  const [first, second] = candidates;
  if (first && second && second.confidence === first.confidence)
    for (const candidate of candidates) candidate.confidence = Math.min(candidate.confidence, 60);
  return candidates;
}
