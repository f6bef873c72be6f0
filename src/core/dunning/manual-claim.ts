/**
 * What a reminder made outside Encours claimed: the late-payment interest and the fixed indemnity
 * an automatic step would have computed on the day it was made (same rates, same rounding), so
 * the recorded reminder states what the customer was asked to pay. By default the step decides;
 * the person recording it may say interest or the indemnity was (or was not) claimed.
 */
import type { DunningCustomer, DunningInvoice, PlannedAction, PlanSettings } from './plan-types.ts';
import { actionTotals, claimItem, creditsOf } from './planner.ts';
import type { DunningChannel, DunningPolicy, DunningStep } from './policy.ts';

export interface ManualClaimChoice {
  /** Claimed or not whatever the step says; undefined: as the step says. */
  interest?: boolean | undefined;
  indemnity?: boolean | undefined;
}

export interface ManualReminderInput {
  customer: DunningCustomer;
  policy: DunningPolicy;
  step: DunningStep;
  /** The step's level in the policy (1-based). */
  level: number;
  /** How it was done, which need not be the step's own channel. */
  channel: DunningChannel;
  invoices: readonly DunningInvoice[];
  /** `asOf` is the day the reminder was made: interest runs up to it. */
  settings: PlanSettings;
  claim?: ManualClaimChoice | undefined;
}

/** The step as claimed: the person's choice over the step's, nothing beyond what the law allows. */
function claimingStep(input: ManualReminderInput): DunningStep {
  const interest = input.claim?.interest ?? input.step.claimInterest;
  const indemnity = input.claim?.indemnity ?? input.step.claimIndemnity;
  // An opening judgment stops interest (C. com. L622-28); the indemnity's own rule refuses it too.
  return {
    ...input.step,
    claimInterest: interest && !input.customer.inInsolvency,
    claimIndemnity: indemnity,
  };
}

/**
 * One action per currency of the invoices, like a run's: items at the step's level (never below
 * the level an invoice had already reached), with interest and indemnity as of the day it was made.
 */
export function planManualReminder(input: ManualReminderInput): PlannedAction[] {
  const step = claimingStep(input);
  const currencies = [...new Set(input.invoices.map((i) => i.currency))].sort();
  return currencies.map((currency) => {
    const items = input.invoices
      .filter((invoice) => invoice.currency === currency)
      .map((invoice) =>
        claimItem(
          { invoice, step, level: Math.max(invoice.level, input.level) },
          input.customer,
          input.settings,
        ),
      );
    return {
      customerCode: input.customer.customerCode,
      channel: input.channel,
      currency,
      policyCode: input.policy.code,
      policyVersion: input.policy.version,
      level: input.level,
      stepCode: input.step.code,
      stepKind: input.step.kind,
      templateCode: input.step.templateCode,
      ...actionTotals(items, creditsOf(input.customer, currency)),
    };
  });
}
