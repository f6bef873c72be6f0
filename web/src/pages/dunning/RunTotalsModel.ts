/**
 * The grand total of a run's review: what the chosen actions claim, added up from the figures the
 * API gives each action (the planner's own, so the page never redoes interest or indemnities).
 * Amounts stay per currency: an action is in its invoices' currency, and the recovery indemnity is
 * only due on invoices in euros, so it is already in its action's currency (zero otherwise).
 */
import { creditsDeductedOnce } from '../../../../src/core/dunning/plan-documents.ts';
import { actionKey, type ReviewAction } from './RunReviewModel.ts';

export interface CurrencyTotal {
  currency: string;
  /** The open amounts claimed. */
  principalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  /** Unapplied credits deducted from what is due, each customer's once. */
  creditsMinor: number;
  /** principal + interest + indemnity − credits. */
  totalDueMinor: number;
}

export interface RunTotals {
  customers: number;
  actions: number;
  /** One line per currency, in code order. */
  byCurrency: CurrencyTotal[];
}

/** The totals of the selected actions; of every action when there is no selection (a run sent). */
export function runTotals(actions: readonly ReviewAction[], selected: ReadonlySet<string> | null): RunTotals {
  const chosen = selected === null ? actions : actions.filter((a) => selected.has(actionKey(a)));
  // Every currency of the run has its line, at zero when none of its actions is chosen.
  const byCurrency = new Map<string, CurrencyTotal>();
  for (const { currency } of actions)
    byCurrency.set(currency, {
      currency,
      principalMinor: 0,
      interestMinor: 0,
      indemnityMinor: 0,
      creditsMinor: 0,
      totalDueMinor: 0,
    });
  for (const action of chosen) {
    const total = byCurrency.get(action.currency);
    if (!total) continue; // chosen among the actions: its currency has its line
    total.principalMinor += action.openTotalMinor;
    total.interestMinor += action.interestMinor;
    total.indemnityMinor += action.indemnityMinor;
  }
  // A customer's letter and call task each deduct its credits: the run counts them once.
  const credits = creditsDeductedOnce(chosen.map((a) => ({ ...a, creditsMinor: a.creditsMinor ?? 0 })));
  for (const total of byCurrency.values()) {
    total.creditsMinor = credits.get(total.currency) ?? 0;
    total.totalDueMinor =
      total.principalMinor + total.interestMinor + total.indemnityMinor - total.creditsMinor;
  }
  return {
    customers: new Set(chosen.map((a) => a.customerCode)).size,
    actions: chosen.length,
    byCurrency: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
