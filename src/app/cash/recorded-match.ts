/**
 * The receipts of a batch that the ledger already records (core/cash/recorded.ts): the payments no
 * bank line was matched to are read once for the batch (of its amounts, around its days), and each
 * receipt gets those it may be. A payment is one bank line: when several receipts of the batch may
 * be the same payment, it goes to the one most surely it (higher confidence, then nearer date,
 * then the earlier line), and the others are proposed as before — a second line of that amount is
 * another payment.
 */
import { addDays, maxDate, minDate } from '#core/calendar';
import type { CustomerCandidate, RefHit } from '#core/cash/identify';
import { type Proposal, rankProposals } from '#core/cash/proposal';
import { RECORDED_WINDOW_DAYS, type RecordedPayment, recordedProposals } from '#core/cash/recorded';
import type { ReceiptRow } from '#db/cash/matching-queries';
import type { MatchingLedger } from './ledger-view.ts';

export interface RecordedClues {
  receipt: ReceiptRow;
  /** The customers its words point at (none: it names nobody). */
  candidates: readonly CustomerCandidate[];
  refHits: readonly RefHit[];
}

/** Per receipt (in the batch's order): its proposals as a recorded payment, and whether it read any. */
export interface RecordedOutcome {
  proposals: Proposal[];
  /** A payment fitted it (taken by another line or not): a write of the batch before may change it. */
  read: boolean;
}

/** The best proposal of each customer ranked (rivals capped), its other payments after. */
function ranked(proposals: readonly Proposal[]): Proposal[] {
  const best = new Map<string, Proposal>();
  for (const proposal of proposals)
    if (!best.has(proposal.customerCode)) best.set(proposal.customerCode, proposal);
  const rest = proposals.filter((proposal) => best.get(proposal.customerCode) !== proposal);
  return [...rankProposals([...best.values()]), ...rest];
}

/** The payments no bank line was matched to that these receipts may be: of their amounts, around their days. */
export async function recordedPaymentsFor(
  ledger: MatchingLedger,
  receipts: readonly ReceiptRow[],
): Promise<RecordedPayment[]> {
  if (receipts.length === 0) return [];
  const days = receipts.map((receipt) => receipt.bookingDate);
  const first = days.reduce(minDate);
  const last = days.reduce(maxDate);
  // A payment's value date follows its issue date by a few days: the window reaches further back.
  return ledger.recordedPayments(
    receipts.map((receipt) => receipt.amountMinor).filter((amount) => amount > 0),
    addDays(first, -2 * RECORDED_WINDOW_DAYS),
    addDays(last, RECORDED_WINDOW_DAYS),
  );
}

/** `payments`: `recordedPaymentsFor` the items' receipts. */
export function recordedForBatch(
  payments: readonly RecordedPayment[],
  items: readonly RecordedClues[],
): RecordedOutcome[] {
  const found = items.map((item) =>
    payments.length === 0 ? [] : recordedProposals(item.receipt, item.candidates, item.refHits, payments),
  );
  // Each payment to one receipt: the surest claim first.
  const claims = found
    .flatMap((proposals, at) => proposals.map((proposal, rank) => ({ at, proposal, rank })))
    .sort((a, b) => b.proposal.confidence - a.proposal.confidence || a.rank - b.rank || a.at - b.at);
  const owner = new Map<number, number>();
  const served = new Set<number>();
  for (const { at, proposal } of claims) {
    const id = proposal.recorded?.documentId as number;
    if (owner.has(id) || served.has(at)) continue;
    owner.set(id, at);
    served.add(at);
  }
  return found.map((proposals, at) => ({
    read: proposals.length > 0,
    proposals: ranked(
      proposals.filter((proposal) => {
        const taker = owner.get(proposal.recorded?.documentId as number);
        return taker === undefined || taker === at;
      }),
    ),
  }));
}
