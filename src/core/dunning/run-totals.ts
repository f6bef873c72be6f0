/**
 * What a dunning run claims, per currency (issue 12), one arithmetic for the run page, its API, the
 * command line and a proposal's summary. A run claims the sums its reminders, formal notices and
 * written hand-overs (or texts) put in front of the customer. Two kinds of action claim nothing and
 * are counted apart: a courtesy e-mail speaks of invoices not yet due (« à échoir ») and thanks the
 * customer in advance, and a call task sends nothing (a person will call, or hand the file over).
 */
import type { CurrencyCode } from '../types.ts';
import { creditsDeductedOnce } from './plan-documents.ts';

/** How an action counts in a run's totals. */
export type ClaimShare = 'claimed' | 'call_task' | 'courtesy';

export function claimShareOf(action: { stepKind: string; channel: string }): ClaimShare {
  if (action.stepKind === 'courtesy') return 'courtesy';
  return action.channel === 'call_task' ? 'call_task' : 'claimed';
}

/** An action's figures as a run's view carries them (`ActionView`, the web's review). */
export interface RunActionFigures {
  customerCode: string;
  currency: CurrencyCode;
  stepKind: string;
  channel: string;
  openTotalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  /** Absent: none (an answer read before credits were deducted). */
  creditsMinor?: number | undefined;
}

export interface RunCurrencyTotals {
  currency: CurrencyCode;
  /** The open amounts the run claims. */
  principalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  /** Unapplied credits the claiming actions deduct, each customer's once. */
  creditsMinor: number;
  /** principal + interest + indemnity − credits: what the run claims. */
  totalDueMinor: number;
  /** Open amounts of the call tasks (reminders by telephone, hand-overs): not claimed by the run. */
  callTaskOpenMinor: number;
  /** Open amounts of the courtesy e-mails: not yet due, not claimed. */
  courtesyOpenMinor: number;
}

const zero = (currency: CurrencyCode): RunCurrencyTotals => ({
  currency,
  principalMinor: 0,
  interestMinor: 0,
  indemnityMinor: 0,
  creditsMinor: 0,
  totalDueMinor: 0,
  callTaskOpenMinor: 0,
  courtesyOpenMinor: 0,
});

/**
 * The totals of `actions` per currency, in code order; a currency of `currencies` without any
 * action still has its line, at zero (the review keeps a line for each currency of the run).
 */
export function runClaimTotals(
  actions: readonly RunActionFigures[],
  currencies: readonly CurrencyCode[] = [],
): RunCurrencyTotals[] {
  const byCurrency = new Map<CurrencyCode, RunCurrencyTotals>();
  const totalOf = (currency: CurrencyCode) => {
    const total = byCurrency.get(currency) ?? zero(currency);
    byCurrency.set(currency, total);
    return total;
  };
  for (const currency of currencies) totalOf(currency);
  const claiming: RunActionFigures[] = [];
  for (const action of actions) {
    const total = totalOf(action.currency);
    const share = claimShareOf(action);
    if (share === 'courtesy') total.courtesyOpenMinor += action.openTotalMinor;
    else if (share === 'call_task') total.callTaskOpenMinor += action.openTotalMinor;
    else {
      claiming.push(action);
      total.principalMinor += action.openTotalMinor;
      total.interestMinor += action.interestMinor;
      total.indemnityMinor += action.indemnityMinor;
    }
  }
  // A customer's reminder and its written hand-over each deduct its credits: counted once.
  const credits = creditsDeductedOnce(claiming.map((a) => ({ ...a, creditsMinor: a.creditsMinor ?? 0 })));
  for (const total of byCurrency.values()) {
    total.creditsMinor = credits.get(total.currency) ?? 0;
    total.totalDueMinor =
      total.principalMinor + total.interestMinor + total.indemnityMinor - total.creditsMinor;
  }
  return [...byCurrency.values()].sort((a, b) =>
    a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
}
