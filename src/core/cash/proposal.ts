/**
 * Which open items a receipt pays, once its customer is a candidate: the invoices its text names,
 * else one open item of exactly its amount, else a combination of open items (credit notes
 * netted) adding up to it, else a difference small enough to write off, else the oldest items
 * first. Each way gives a confidence in the invoices, and a fit of the amount that corroborates
 * the customer; the proposal's confidence is the lower of the two.
 */
import type { CustomerCandidate, Evidence } from './identify.ts';
import {
  byAge,
  type Fit,
  fitByAmount,
  fitOldestFirst,
  fitReferences,
  totalOpenMinor,
} from './proposal-fits.ts';
import { DEFAULT_SUBSET_LIMITS, type SubsetLimits } from './subset-sum.ts';

export interface OpenItem {
  documentId: number;
  customerCode: string;
  ref: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  /** Signed like the document: a debit > 0, a credit < 0. */
  openMinor: number;
  currency: string;
}

export interface ProposalLine {
  documentId: number;
  ref: string;
  /** Positive: how much of the debit is settled, or how much of the credit is used. */
  amountMinor: number;
}

export type ProposalMethod =
  | 'references'
  | 'exact_amount'
  | 'combination'
  | 'tolerance'
  | 'discount'
  | 'oldest_first'
  | 'unapplied'
  | 'group'
  | 'recorded';

export type WriteOffReason = 'bank_charges' | 'discount';

export interface Proposal {
  customerCode: string;
  confidence: number;
  method: ProposalMethod;
  /** Debits settled (by the receipt, the credits netted and the write-off together). */
  debits: ProposalLine[];
  /** Open credits of the customer netted against the debits. */
  credits: ProposalLine[];
  writeOffMinor: number;
  writeOffReason: WriteOffReason | null;
  /** What remains of the receipt on the customer's account (an overpayment or nothing to pay). */
  unappliedMinor: number;
  evidence: Evidence[];
  /**
   * A group receipt (`core/cash/group.ts`): one part per customer paid, each its own payment
   * document. `customerCode` is then the payer (the group's parent) and `debits` lists every part's.
   */
  parts?: ProposalPart[];
  /**
   * A receipt the ledger already holds (`core/cash/recorded.ts`): the payment it is. Applying the
   * proposal links the bank line to it and writes nothing in the ledger.
   */
  recorded?: { documentId: number; ref: string; issueDate: string };
}

/** The share of a receipt one customer of a group gets: its payment document and what it settles. */
export interface ProposalPart {
  customerCode: string;
  /** The receipt's money given to this customer (> 0); the parts add up to the receipt. */
  amountMinor: number;
  debits: ProposalLine[];
  credits: ProposalLine[];
  writeOffMinor: number;
  writeOffReason: WriteOffReason | null;
  unappliedMinor: number;
}

export interface ProposalSettings {
  /** A shortfall up to this is written off as bank charges. */
  writeOffToleranceMinor: number;
  /** Early-payment discounts recognised, in basis points of the invoice (e.g. 200 = 2 %). */
  discountRatesBps: readonly number[];
  subsetLimits: SubsetLimits;
}

export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = {
  writeOffToleranceMinor: 500,
  discountRatesBps: [100, 150, 200, 300],
  subsetLimits: DEFAULT_SUBSET_LIMITS,
};

/** Spreads the receipt, the credits picked and the write-off over the debits picked, oldest first. */
function linesOf(amountMinor: number, fit: Fit): Pick<Proposal, 'debits' | 'credits' | 'unappliedMinor'> {
  const debits = fit.picked.filter((item) => item.openMinor > 0).sort(byAge);
  const credits = fit.picked.filter((item) => item.openMinor < 0).sort(byAge);
  let availableMinor = amountMinor + fit.writeOffMinor - totalOpenMinor(credits);
  const lines: ProposalLine[] = [];
  for (const debit of debits) {
    const settled = Math.min(debit.openMinor, availableMinor);
    if (settled <= 0) break;
    lines.push({ documentId: debit.documentId, ref: debit.ref, amountMinor: settled });
    availableMinor -= settled;
  }
  const settledMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const creditsMinor = -totalOpenMinor(credits);
  return {
    debits: lines,
    credits: credits.map((credit) => ({
      documentId: credit.documentId,
      ref: credit.ref,
      amountMinor: -credit.openMinor,
    })),
    unappliedMinor: Math.max(0, amountMinor + fit.writeOffMinor + creditsMinor - settledMinor),
  };
}

export function proposeForCustomer(
  receipt: { amountMinor: number; currency: string },
  candidate: CustomerCandidate,
  openItems: readonly OpenItem[],
  namedDocumentIds: ReadonlySet<number>,
  settings: ProposalSettings = DEFAULT_PROPOSAL_SETTINGS,
): Proposal {
  const items = openItems
    .filter(
      (item) =>
        item.customerCode === candidate.customerCode &&
        item.currency === receipt.currency &&
        item.openMinor !== 0,
    )
    .sort(byAge);
  const named = items.filter((item) => namedDocumentIds.has(item.documentId));
  const fit =
    fitReferences(receipt.amountMinor, named, settings) ??
    fitByAmount(receipt.amountMinor, items, settings) ??
    fitOldestFirst(
      receipt.amountMinor,
      items.filter((item) => item.openMinor > 0),
    );
  const customer = 1 - (1 - candidate.score) * (1 - fit.corroboration);
  return {
    customerCode: candidate.customerCode,
    confidence: Math.round(100 * Math.min(customer, fit.invoices)),
    method: fit.method,
    ...linesOf(receipt.amountMinor, fit),
    writeOffMinor: fit.writeOffMinor,
    writeOffReason: fit.writeOffReason,
    evidence: [...candidate.evidence, ...fit.evidence],
  };
}

/**
 * The proposals of the candidate customers, best first. Two customers nearly as likely make the
 * receipt a question for a person whatever the figures: both are capped below any sensible
 * automatic threshold.
 */
export function rankProposals(proposals: readonly Proposal[], ambiguityGap = 10, cap = 70): Proposal[] {
  const ranked = [...proposals].sort(
    (a, b) => b.confidence - a.confidence || a.customerCode.localeCompare(b.customerCode),
  );
  const first = ranked[0];
  // A group receipt explains its own customers' partial proposals: they are not rivals.
  const second = ranked.find((proposal) => proposal !== first && !(first && covers(first, proposal)));
  if (first && second && second.confidence >= first.confidence - ambiguityGap)
    return ranked.map((proposal) => ({
      ...proposal,
      confidence: Math.min(proposal.confidence, cap),
      evidence: [
        ...proposal.evidence,
        {
          code: 'other_customer_close',
          customerCode: proposal === first ? second.customerCode : first.customerCode,
        },
      ],
    }));
  return ranked;
}

/** Whether a group proposal already contains this customer's proposal (its payer or one of its parts). */
function covers(group: Proposal, proposal: Proposal): boolean {
  if (!group.parts) return false;
  return (
    proposal.customerCode === group.customerCode ||
    group.parts.some((part) => part.customerCode === proposal.customerCode)
  );
}
