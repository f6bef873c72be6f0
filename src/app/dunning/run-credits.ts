/**
 * The unallocated credits a run deducts, listed once per customer beside its actions: each action
 * deducts all its customer's open credits in its currency (the planner's `creditsOf`), and a
 * customer with a letter and a call task deducts them in each, so the run's view names them once
 * (what each is, for the review to show) and the actions keep only their amount (`creditsMinor`).
 * They come from the slice's own read, the one the planner deducted: they add up to it.
 */
import { compare } from '#core/dunning/plan-documents';
import type { PlanData } from './plan-data.ts';

/** A credit deducted: a payment on account or a credit note, signed as the ledger signs it. */
export interface DeductedCreditView {
  documentRef: string;
  issueDate: string;
  /** What is open of it at the run's date: negative, a credit. */
  openMinor: number;
  currency: string;
}

export interface CustomerCreditsView {
  customerCode: string;
  /** Oldest first; only those in the currencies of the customer's actions that deduct credits. */
  credits: DeductedCreditView[];
}

const byDateThenRef = (a: DeductedCreditView, b: DeductedCreditView) =>
  compare(a.issueDate, b.issueDate) || compare(a.documentRef, b.documentRef);

/**
 * The credits the given actions (one slice's, in the planner's order of customers) deduct, from
 * the slice's data: one entry per customer whose actions deduct some.
 */
export function deductedCreditViews(
  actions: readonly { customerCode: string; currency: string; creditsMinor: number }[],
  data: Pick<PlanData, 'creditRows'>,
): CustomerCreditsView[] {
  const currencies = new Map<string, Set<string>>();
  for (const action of actions) {
    if (action.creditsMinor <= 0) continue;
    const deducting = currencies.get(action.customerCode) ?? new Set<string>();
    deducting.add(action.currency);
    currencies.set(action.customerCode, deducting);
  }
  return [...currencies].map(([customerCode, deducting]) => ({
    customerCode,
    credits: (data.creditRows.get(customerCode) ?? [])
      .filter((credit) => deducting.has(credit.currency))
      .map((credit) => ({
        documentRef: credit.documentRef,
        issueDate: credit.issueDate,
        openMinor: -credit.amountMinor,
        currency: credit.currency,
      }))
      .sort(byDateThenRef),
  }));
}
