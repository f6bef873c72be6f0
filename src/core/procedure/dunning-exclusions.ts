/**
 * Which overdue invoices the dunning procedure must leave alone at a date — customer in collective
 * proceedings or paused, invoice disputed, paused, handed over to litigation, under a promise still
 * running, collected by the factor — so that the procedure reports do not count them as invoices
 * nobody reminded. The planner's own rules decide, not a copy of them: each overdue invoice is put
 * to `planDunning` as if a first reminder were due on its due date (a one-step probe of the policy
 * that applies to its customer, promise grace included), and what the planner skips before any
 * question of step, amount or credit is what it excludes.
 */

import {
  type DunningCustomer,
  type DunningInvoice,
  type PlanSettings,
  planDunning,
  type SkipReason,
} from '../dunning/planner.ts';
import type { DunningPolicy, DunningStep } from '../dunning/policy.ts';
import type { IsoDate } from '../types.ts';

/** Due on the due date, for any amount, with nothing claimed: every overdue invoice reaches it. */
const PROBE_STEP: DunningStep = {
  code: 'probe',
  kind: 'reminder',
  offsetDays: 0,
  channel: 'email',
  templateCode: 'probe',
  minimumAmountMinor: 0,
  claimInterest: false,
  claimIndemnity: false,
};

/** Skips that say the customer has no policy at all: a gap of its own, not an exclusion. */
const NOT_EXCLUSIONS: ReadonlySet<SkipReason> = new Set(['unknown_customer', 'no_policy']);

/**
 * The overdue invoices (due before `asOf`) the planner excludes, by invoice id, with its reason.
 * `policies` are the policies in force (the customers' own choice of policy is kept).
 */
export function dunningExclusions(
  customers: readonly DunningCustomer[],
  invoices: readonly DunningInvoice[],
  policies: readonly DunningPolicy[],
  asOf: IsoDate,
): Map<string, SkipReason> {
  const probes: DunningPolicy[] = policies.map((policy) => ({
    ...policy,
    steps: [PROBE_STEP],
    stepDates: 'as_is',
    minimumDaysBetweenSteps: 0,
  }));
  // No credits (they only decide whether a letter is worth sending) and no step received: only
  // the exclusions can keep a probed invoice from its step.
  const probedCustomers = customers.map((customer) => ({ ...customer, openCredits: [] }));
  const overdue = invoices
    .filter((invoice) => invoice.dueDate < asOf && invoice.openMinor > 0)
    .map(
      ({ lateProbabilityBp: _probability, ...invoice }): DunningInvoice => ({
        ...invoice,
        level: 0,
        lastStepDate: null,
        formalNoticeDate: null,
      }),
    );
  const settings: PlanSettings = { asOf, policies: probes, rates: [], rateMode: 'split_by_semester' };
  const plan = planDunning(probedCustomers, overdue, settings);
  return new Map(
    plan.skipped.filter((s) => !NOT_EXCLUSIONS.has(s.reason)).map((s) => [s.invoiceId, s.reason] as const),
  );
}
