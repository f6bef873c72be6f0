/**
 * Reconciliation of a legal file between our ledger and the partner's report (seed 002: "entre
 * les dossiers des avocats et ceux de l'organisation"). Our outstanding is what the ledger still
 * has open on the invoices handed over; the partner's is what it last reported. If the partner's
 * figure followed from its own recoveries it would be `handed − recovered`, so the difference
 * splits exactly into recoveries it reported that our ledger has not received, payments or credits
 * we booked that it has not reported, and a remainder where its outstanding does not follow from
 * its recoveries (interest, costs or a different principal on its side).
 */
export type DifferenceReason = 'recovery_not_received' | 'payment_not_reported' | 'amount_differs';

export interface ReconciliationInput {
  /** Open on the invoices when they were handed over. */
  handedMinor: number;
  /** Open on the same invoices in our ledger at the date. */
  ourOutstandingMinor: number;
  /** Recoveries the partner reported up to the date. */
  partnerRecoveredMinor: number;
  /** The partner's last reported outstanding; null when it never gave one. */
  partnerReportedOutstandingMinor: number | null;
}

export interface FileReconciliation {
  ourOutstandingMinor: number;
  /** Reported, or implied by its recoveries (`handed − recovered`) when it reported none. */
  partnerOutstandingMinor: number;
  partnerOutstandingReported: boolean;
  /** Ours − the partner's: positive when our ledger shows more still owed. */
  differenceMinor: number;
  /** What reduced the invoices in our ledger since the hand-over (payments, credit notes, write-offs). */
  settledMinor: number;
  partnerRecoveredMinor: number;
  /** Signed amounts adding up to the difference; only the non-zero ones. */
  reasons: { reason: DifferenceReason; amountMinor: number }[];
}

export function reconcileFile(input: ReconciliationInput): FileReconciliation {
  const settledMinor = input.handedMinor - input.ourOutstandingMinor;
  const impliedMinor = input.handedMinor - input.partnerRecoveredMinor;
  const partnerOutstandingMinor = input.partnerReportedOutstandingMinor ?? impliedMinor;
  const reasons: FileReconciliation['reasons'] = [];
  const unexplainedRecovery = input.partnerRecoveredMinor - settledMinor;
  if (unexplainedRecovery > 0)
    reasons.push({ reason: 'recovery_not_received', amountMinor: unexplainedRecovery });
  if (unexplainedRecovery < 0)
    reasons.push({ reason: 'payment_not_reported', amountMinor: unexplainedRecovery });
  const remainder = impliedMinor - partnerOutstandingMinor;
  if (remainder !== 0) reasons.push({ reason: 'amount_differs', amountMinor: remainder });
  return {
    ourOutstandingMinor: input.ourOutstandingMinor,
    partnerOutstandingMinor,
    partnerOutstandingReported: input.partnerReportedOutstandingMinor !== null,
    differenceMinor: input.ourOutstandingMinor - partnerOutstandingMinor,
    settledMinor,
    partnerRecoveredMinor: input.partnerRecoveredMinor,
    reasons,
  };
}
