/**
 * Which open items a receipt pays, once its customer is a candidate: the invoices its text names,
 * else one open item of exactly its amount, else a combination of open items (credit notes
 * netted) adding up to it, else a difference small enough to write off, else the oldest items
 * first. Each way gives a confidence in the invoices, and a fit of the amount that corroborates
 * the customer; the proposal's confidence is the lower of the two.
 */
import type { CustomerCandidate, Evidence } from './identify.ts';
import { DEFAULT_SUBSET_LIMITS, findSubsets, type SubsetLimits } from './subset-sum.ts';

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
  | 'group';

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

interface Fit {
  method: ProposalMethod;
  /** Confidence in the invoices chosen, 0–1. */
  invoices: number;
  /** How much the fit corroborates the customer, 0–1. */
  corroboration: number;
  picked: OpenItem[];
  writeOffMinor: number;
  writeOffReason: WriteOffReason | null;
  evidence: Evidence[];
}

const byAge = (a: OpenItem, b: OpenItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.documentId - b.documentId;
const total = (items: readonly OpenItem[]) => items.reduce((sum, item) => sum + item.openMinor, 0);

function fitReferences(amountMinor: number, named: OpenItem[], settings: ProposalSettings): Fit | null {
  if (named.length === 0) return null;
  const dueMinor = total(named);
  const refs = named.map((item) => item.ref).join(', ');
  const base = { method: 'references' as const, picked: named, writeOffReason: null, writeOffMinor: 0 };
  if (dueMinor === amountMinor)
    return {
      ...base,
      invoices: 0.99,
      corroboration: 0.6,
      evidence: [{ code: 'references_amount_exact', refs }],
    };
  const shortMinor = dueMinor - amountMinor;
  if (shortMinor > 0 && shortMinor <= settings.writeOffToleranceMinor)
    return {
      ...base,
      invoices: 0.92,
      corroboration: 0.4,
      writeOffMinor: shortMinor,
      writeOffReason: 'bank_charges',
      evidence: [{ code: 'references_small_difference', refs, differenceMinor: shortMinor }],
    };
  if (shortMinor > 0)
    return {
      ...base,
      invoices: 0.9,
      corroboration: 0.2,
      evidence: [{ code: 'partial_payment', refs, openMinor: dueMinor }],
    };
  return {
    ...base,
    invoices: 0.88,
    corroboration: 0.2,
    evidence: [{ code: 'overpayment', refs, unappliedMinor: -shortMinor }],
  };
}

function fitByAmount(amountMinor: number, items: OpenItem[], settings: ProposalSettings): Fit | null {
  const debits = items.filter((item) => item.openMinor > 0);
  const exact = debits.filter((item) => item.openMinor === amountMinor);
  const first = exact[0];
  if (first) {
    const alone = exact.length === 1;
    return {
      method: 'exact_amount',
      invoices: alone ? 0.95 : 0.8,
      corroboration: alone ? 0.6 : 0.3,
      picked: [first],
      writeOffMinor: 0,
      writeOffReason: null,
      evidence: [
        alone
          ? { code: 'exact_amount', ref: first.ref }
          : { code: 'same_amount_several', count: exact.length, ref: first.ref },
      ],
    };
  }
  const subsets = findSubsets(
    items.map((item) => ({ id: item.documentId, amountMinor: item.openMinor })),
    amountMinor,
    settings.subsetLimits,
  );
  const solution = subsets.solutions[0];
  if (solution) {
    const alone = subsets.solutions.length === 1 && subsets.complete;
    const picked = items.filter((item) => solution.includes(item.documentId));
    return {
      method: 'combination',
      invoices: alone ? 0.92 : 0.75,
      corroboration: alone ? 0.5 : 0.2,
      picked,
      writeOffMinor: 0,
      writeOffReason: null,
      evidence: [{ code: alone ? 'combination' : 'combination_ambiguous', count: picked.length }],
    };
  }
  return fitNearly(amountMinor, debits, settings);
}

/** One invoice or the whole balance paid short by bank charges, or by an early-payment discount. */
function fitNearly(amountMinor: number, debits: OpenItem[], settings: ProposalSettings): Fit | null {
  const candidates = [...debits, ...(debits.length > 1 ? [null] : [])];
  for (const item of candidates) {
    const picked = item ? [item] : debits;
    const dueMinor = total(picked);
    const shortMinor = dueMinor - amountMinor;
    if (shortMinor <= 0) continue;
    const base = { picked, writeOffMinor: shortMinor };
    if (shortMinor <= settings.writeOffToleranceMinor)
      return {
        ...base,
        method: 'tolerance',
        invoices: 0.88,
        corroboration: 0.3,
        writeOffReason: 'bank_charges',
        evidence: [{ code: 'small_difference', differenceMinor: shortMinor }],
      };
    const rate = settings.discountRatesBps.find(
      (bps) => Math.abs(Math.round((dueMinor * bps) / 10_000) - shortMinor) <= 1,
    );
    if (rate !== undefined)
      return {
        ...base,
        method: 'discount',
        invoices: 0.7,
        corroboration: 0.1,
        writeOffReason: 'discount',
        evidence: [{ code: 'discount', rateBps: rate, differenceMinor: shortMinor }],
      };
  }
  return null;
}

function fitOldestFirst(amountMinor: number, debits: OpenItem[]): Fit {
  const picked: OpenItem[] = [];
  let leftMinor = amountMinor;
  for (const item of debits) {
    if (leftMinor <= 0) break;
    picked.push(item);
    leftMinor -= item.openMinor;
  }
  if (picked.length === 0)
    return {
      method: 'unapplied',
      invoices: 0.5,
      corroboration: 0,
      picked,
      writeOffMinor: 0,
      writeOffReason: null,
      evidence: [{ code: 'nothing_open' }],
    };
  return {
    method: 'oldest_first',
    invoices: 0.55,
    corroboration: 0,
    picked,
    writeOffMinor: 0,
    writeOffReason: null,
    evidence: [{ code: 'oldest_first', count: picked.length }],
  };
}

/** Spreads the receipt, the credits picked and the write-off over the debits picked, oldest first. */
function linesOf(amountMinor: number, fit: Fit): Pick<Proposal, 'debits' | 'credits' | 'unappliedMinor'> {
  const debits = fit.picked.filter((item) => item.openMinor > 0).sort(byAge);
  const credits = fit.picked.filter((item) => item.openMinor < 0).sort(byAge);
  let availableMinor = amountMinor + fit.writeOffMinor - total(credits);
  const lines: ProposalLine[] = [];
  for (const debit of debits) {
    const settled = Math.min(debit.openMinor, availableMinor);
    if (settled <= 0) break;
    lines.push({ documentId: debit.documentId, ref: debit.ref, amountMinor: settled });
    availableMinor -= settled;
  }
  const settledMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const creditsMinor = -total(credits);
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
