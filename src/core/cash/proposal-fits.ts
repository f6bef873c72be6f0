/**
 * The ways a receipt's amount can fit a customer's open items, tried in this order by
 * `proposeForCustomer` (proposal.ts): the invoices its text names, one open item of exactly its
 * amount or a combination adding up to it, a difference small enough to write off or an
 * early-payment discount, else the oldest items first. Each fit gives its confidence in the
 * invoices and how much it corroborates the customer.
 */
import type { Evidence } from './identify.ts';
import type { OpenItem, ProposalMethod, ProposalSettings, WriteOffReason } from './proposal.ts';
import { findSubsets } from './subset-sum.ts';

export interface Fit {
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

export const byAge = (a: OpenItem, b: OpenItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.documentId - b.documentId;
export const totalOpenMinor = (items: readonly OpenItem[]) =>
  items.reduce((sum, item) => sum + item.openMinor, 0);

export function fitReferences(
  amountMinor: number,
  named: OpenItem[],
  settings: ProposalSettings,
): Fit | null {
  if (named.length === 0) return null;
  const dueMinor = totalOpenMinor(named);
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

export function fitByAmount(amountMinor: number, items: OpenItem[], settings: ProposalSettings): Fit | null {
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
    const dueMinor = totalOpenMinor(picked);
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

export function fitOldestFirst(amountMinor: number, debits: OpenItem[]): Fit {
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
