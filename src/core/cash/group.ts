/**
 * One receipt for several customers of a group: a parent company pays its subsidiaries' invoices
 * with one transfer. When a receipt points to a group (its parent or one of its members is a
 * candidate customer) and no single customer's open items explain the amount, the open invoices
 * of the whole group are searched: the invoices its text names across the members, else a
 * combination of the group's oldest open invoices (the bounded subset sum used for one customer).
 * The result is one part per customer paid — each becomes its own payment document, since an
 * allocation only joins documents of one customer — and anything paid beyond the invoices stays
 * unapplied on the payer, the group's parent.
 */
import type { CustomerCandidate, Evidence } from './identify.ts';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type OpenItem,
  type Proposal,
  type ProposalPart,
  type ProposalSettings,
} from './proposal.ts';
import { findSubsets } from './subset-sum.ts';

/** A parent customer and the customers naming it as their group (the parent included). */
export interface CustomerGroup {
  parentCode: string;
  memberCodes: readonly string[];
}

interface GroupFit {
  /** Confidence in the invoices chosen, 0–1. */
  invoices: number;
  /** How much the fit corroborates the group as the payer, 0–1. */
  corroboration: number;
  picked: OpenItem[];
  /** A shortfall within tolerance (bank charges), or an excess left unapplied on the parent. */
  writeOffMinor: number;
  unappliedMinor: number;
  evidence: Evidence[];
}

const byAge = (a: OpenItem, b: OpenItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.documentId - b.documentId;
const total = (items: readonly OpenItem[]) => items.reduce((sum, item) => sum + item.openMinor, 0);
const customersOf = (items: readonly OpenItem[]) => new Set(items.map((item) => item.customerCode));

/**
 * Whether one customer's proposal already explains the receipt, so no group is looked for: only
 * a guess (oldest first, nothing open) or an overpayment of the invoices named leaves room for
 * the rest of the money to pay the group's other customers.
 */
export function explainsReceipt(proposal: Proposal): boolean {
  if (proposal.parts || proposal.method === 'oldest_first' || proposal.method === 'unapplied') return false;
  return !proposal.evidence.some((evidence) => evidence.code === 'overpayment');
}

/** The invoices the text names, when they belong to two customers of the group or more. */
function fitNamed(amountMinor: number, named: OpenItem[], settings: ProposalSettings): GroupFit | null {
  if (customersOf(named).size < 2) return null;
  const refs = named.map((item) => item.ref).join(', ');
  const shortMinor = total(named) - amountMinor;
  const base = { picked: named, writeOffMinor: 0, unappliedMinor: 0 };
  if (shortMinor === 0)
    return {
      ...base,
      invoices: 0.97,
      corroboration: 0.6,
      evidence: [{ code: 'references_amount_exact', refs }],
    };
  if (shortMinor > 0 && shortMinor <= settings.writeOffToleranceMinor)
    return {
      ...base,
      invoices: 0.9,
      corroboration: 0.4,
      writeOffMinor: shortMinor,
      evidence: [{ code: 'references_small_difference', refs, differenceMinor: shortMinor }],
    };
  // Which subsidiary a short payment was meant for is a person's call: no proposal.
  if (shortMinor > 0) return null;
  return {
    ...base,
    invoices: 0.85,
    corroboration: 0.2,
    unappliedMinor: -shortMinor,
    evidence: [{ code: 'overpayment', refs, unappliedMinor: -shortMinor }],
  };
}

/** A combination of the group's open invoices adding up to the amount, across two customers or more. */
function fitCombination(
  amountMinor: number,
  debits: OpenItem[],
  settings: ProposalSettings,
): GroupFit | null {
  const subsets = findSubsets(
    debits.map((item) => ({ id: item.documentId, amountMinor: item.openMinor })),
    amountMinor,
    settings.subsetLimits,
  );
  const solution = subsets.solutions[0];
  if (!solution) return null;
  const picked = debits.filter((item) => solution.includes(item.documentId));
  if (customersOf(picked).size < 2) return null;
  const alone = subsets.solutions.length === 1 && subsets.complete;
  return {
    invoices: alone ? 0.88 : 0.7,
    corroboration: alone ? 0.5 : 0.2,
    picked,
    writeOffMinor: 0,
    unappliedMinor: 0,
    evidence: [{ code: alone ? 'combination' : 'combination_ambiguous', count: picked.length }],
  };
}

/**
 * One part per customer, in the order of their oldest invoice: each settles its invoices in full;
 * a shortfall is written off on the largest part, an excess stays unapplied on the parent's part.
 */
function partsOf(fit: GroupFit, parentCode: string): ProposalPart[] | null {
  const parts = new Map<string, ProposalPart>();
  for (const item of fit.picked) {
    const part = parts.get(item.customerCode) ?? {
      customerCode: item.customerCode,
      amountMinor: 0,
      debits: [],
      credits: [],
      writeOffMinor: 0,
      writeOffReason: null,
      unappliedMinor: 0,
    };
    part.debits.push({ documentId: item.documentId, ref: item.ref, amountMinor: item.openMinor });
    part.amountMinor += item.openMinor;
    parts.set(item.customerCode, part);
  }
  const list = [...parts.values()];
  if (fit.writeOffMinor > 0) {
    const largest = list.reduce((a, b) => (b.amountMinor > a.amountMinor ? b : a));
    largest.amountMinor -= fit.writeOffMinor;
    largest.writeOffMinor = fit.writeOffMinor;
    largest.writeOffReason = 'bank_charges';
  }
  if (fit.unappliedMinor > 0) {
    const parent = parts.get(parentCode);
    if (parent) {
      parent.amountMinor += fit.unappliedMinor;
      parent.unappliedMinor = fit.unappliedMinor;
    } else
      list.push({
        customerCode: parentCode,
        amountMinor: fit.unappliedMinor,
        debits: [],
        credits: [],
        writeOffMinor: 0,
        writeOffReason: null,
        unappliedMinor: fit.unappliedMinor,
      });
  }
  return list.every((part) => part.amountMinor > 0) ? list : null;
}

/** The group's candidates' clues, combined as for one customer: 1 − Π(1 − p). */
function groupScore(candidates: readonly CustomerCandidate[]): number {
  return Math.min(0.99, 1 - candidates.reduce((rest, candidate) => rest * (1 - candidate.score), 1));
}

export function proposeForGroup(
  receipt: { amountMinor: number; currency: string },
  group: CustomerGroup,
  candidates: readonly CustomerCandidate[],
  openItems: readonly OpenItem[],
  namedDocumentIds: ReadonlySet<number>,
  settings: ProposalSettings = DEFAULT_PROPOSAL_SETTINGS,
): Proposal | null {
  const members = new Set(group.memberCodes);
  // Credit notes are left out: netting one customer's credit against another's invoice is not an allocation.
  const debits = openItems
    .filter(
      (item) => members.has(item.customerCode) && item.currency === receipt.currency && item.openMinor > 0,
    )
    .sort(byAge);
  const named = debits.filter((item) => namedDocumentIds.has(item.documentId));
  const fit =
    fitNamed(receipt.amountMinor, named, settings) ?? fitCombination(receipt.amountMinor, debits, settings);
  if (!fit) return null;
  const parts = partsOf(fit, group.parentCode);
  if (!parts) return null;
  const memberCandidates = candidates.filter((candidate) => members.has(candidate.customerCode));
  const customer = 1 - (1 - groupScore(memberCandidates)) * (1 - fit.corroboration);
  const seen = new Set<string>();
  const clues = memberCandidates
    .flatMap((candidate) => candidate.evidence)
    .filter((evidence) => {
      const key = JSON.stringify(evidence);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    customerCode: group.parentCode,
    confidence: Math.round(100 * Math.min(customer, fit.invoices)),
    method: 'group',
    debits: parts.flatMap((part) => part.debits),
    credits: [],
    writeOffMinor: fit.writeOffMinor,
    writeOffReason: fit.writeOffMinor > 0 ? 'bank_charges' : null,
    unappliedMinor: fit.unappliedMinor,
    evidence: [
      { code: 'group_receipt', parentCode: group.parentCode, customers: parts.length },
      ...clues,
      ...fit.evidence,
    ],
    parts,
  };
}

/** A person's split of a receipt between customers, as one proposal (parts in the order given). */
export function splitProposal(payerCode: string, parts: ProposalPart[], evidence: Evidence[] = []): Proposal {
  return {
    customerCode: payerCode,
    confidence: 100,
    method: 'group',
    debits: parts.flatMap((part) => part.debits),
    credits: parts.flatMap((part) => part.credits),
    writeOffMinor: parts.reduce((sum, part) => sum + part.writeOffMinor, 0),
    writeOffReason: null,
    unappliedMinor: parts.reduce((sum, part) => sum + part.unappliedMinor, 0),
    evidence: [...evidence, { code: 'split_by_user', customers: parts.length }],
    parts,
  };
}
