/**
 * Which invoices a batch may assign to the factor. A factor buys whole, undisputed invoices not
 * yet due, of customers it may be asked to take on: an invoice disputed, reduced by a credit note
 * or partly settled, of a blocked customer or one in collective proceedings, already assigned,
 * overdue or in another currency than the contract's is left out with its reason, so the person
 * preparing the bordereau sees why. A selection is either explicit references or a rule.
 */
import type { IsoDate } from '../types.ts';

export const FACTORING_EXCLUSIONS = [
  'not_open_invoice',
  'disputed',
  'credit_noted',
  'partly_settled',
  'customer_blocked',
  'already_assigned',
  'overdue',
  'currency_mismatch',
] as const;
export type FactoringExclusion = (typeof FACTORING_EXCLUSIONS)[number];

/** An open invoice at the batch date, with what the database knows about it. */
export interface FactoringCandidate {
  documentId: number;
  ref: string;
  customerCode: string;
  customerType: string;
  customerStatus: string;
  currency: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  openMinor: number;
  disputed: boolean;
  /** A credit note has been allocated to it. */
  creditNoted: boolean;
  /** Already in a batch and neither collected nor charged back. */
  assigned: boolean;
}

export interface AssignmentRule {
  /** Only customers of these types; empty or absent: every type. */
  customerTypes?: string[] | undefined;
  /** Only invoices of at least this amount. */
  minAmountMinor?: number | undefined;
  /** Only invoices due on or before this date. */
  dueUntil?: IsoDate | undefined;
}

export type Selection = { refs: readonly string[] } | { rule: AssignmentRule };

export interface ExcludedInvoice {
  ref: string;
  customerCode: string | null;
  reason: FactoringExclusion;
}

const BLOCKED_STATUSES = new Set(['blocked', 'safeguard', 'receivership', 'liquidation', 'closed']);

/** Why an invoice cannot be assigned at `batchDate` under a contract in `currency`, or null. */
export function exclusionOf(
  invoice: FactoringCandidate,
  currency: string,
  batchDate: IsoDate,
): FactoringExclusion | null {
  if (invoice.openMinor <= 0) return 'not_open_invoice';
  if (invoice.assigned) return 'already_assigned';
  if (invoice.disputed) return 'disputed';
  if (invoice.creditNoted) return 'credit_noted';
  if (invoice.openMinor !== invoice.amountMinor) return 'partly_settled';
  if (BLOCKED_STATUSES.has(invoice.customerStatus)) return 'customer_blocked';
  if (invoice.currency !== currency) return 'currency_mismatch';
  if (invoice.dueDate < batchDate) return 'overdue';
  return null;
}

export function matchesRule(invoice: FactoringCandidate, rule: AssignmentRule): boolean {
  if (
    rule.customerTypes &&
    rule.customerTypes.length > 0 &&
    !rule.customerTypes.includes(invoice.customerType)
  )
    return false;
  if (rule.minAmountMinor !== undefined && invoice.amountMinor < rule.minAmountMinor) return false;
  if (rule.dueUntil !== undefined && invoice.dueDate > rule.dueUntil) return false;
  return true;
}

/**
 * The invoices of a batch and those left out. By references: every reference is either taken or
 * excluded (an unknown one as not open). By rule: the invoices the rule picks, and those it picks
 * that cannot go, with their reason; a rule never looks at other currencies than the contract's.
 */
export function selectForAssignment(
  candidates: readonly FactoringCandidate[],
  selection: Selection,
  currency: string,
  batchDate: IsoDate,
): { selected: FactoringCandidate[]; excluded: ExcludedInvoice[] } {
  const selected: FactoringCandidate[] = [];
  const excluded: ExcludedInvoice[] = [];
  const consider = (invoice: FactoringCandidate) => {
    const reason = exclusionOf(invoice, currency, batchDate);
    if (reason) excluded.push({ ref: invoice.ref, customerCode: invoice.customerCode, reason });
    else selected.push(invoice);
  };
  if ('refs' in selection) {
    const byRef = new Map(candidates.map((invoice) => [invoice.ref, invoice]));
    for (const ref of new Set(selection.refs)) {
      const invoice = byRef.get(ref);
      if (invoice) consider(invoice);
      else excluded.push({ ref, customerCode: null, reason: 'not_open_invoice' });
    }
  } else {
    for (const invoice of candidates)
      if (invoice.currency === currency && matchesRule(invoice, selection.rule)) consider(invoice);
  }
  return { selected, excluded };
}
