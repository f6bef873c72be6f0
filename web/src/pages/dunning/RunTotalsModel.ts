/**
 * The grand total of a run's review: what the chosen actions claim, added up from the figures the
 * API gives each action (the planner's own, so the page never redoes interest or indemnities), by
 * the arithmetic the API and the command line use (src/core/dunning/run-totals.ts): a courtesy
 * e-mail (invoices not yet due) and a call task claim nothing, and are shown apart.
 * Amounts stay per currency: an action is in its invoices' currency, and the recovery indemnity is
 * only due on invoices in euros, so it is already in its action's currency (zero otherwise).
 */
import { type RunCurrencyTotals, runClaimTotals } from '../../../../src/core/dunning/run-totals.ts';
import { actionKey, type ReviewAction } from './RunReviewModel.ts';

export type CurrencyTotal = RunCurrencyTotals;

export interface RunTotals {
  customers: number;
  actions: number;
  /** One line per currency of the run, in code order. */
  byCurrency: CurrencyTotal[];
}

/** The totals of the selected actions; of every action when there is no selection (a run sent). */
export function runTotals(actions: readonly ReviewAction[], selected: ReadonlySet<string> | null): RunTotals {
  const chosen = selected === null ? actions : actions.filter((a) => selected.has(actionKey(a)));
  return {
    customers: new Set(chosen.map((a) => a.customerCode)).size,
    actions: chosen.length,
    // Every currency of the run has its line, at zero when none of its actions is chosen.
    byCurrency: runClaimTotals(
      chosen,
      actions.map((a) => a.currency),
    ),
  };
}
