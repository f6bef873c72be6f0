/**
 * Dunning policies: versioned configuration of the steps a late (or soon due) invoice goes
 * through. An invoice's dunning level is the 1-based rank of the last step sent for it in the
 * policy in force; level 0 means nothing sent yet.
 */
import type { CurrencyCode, CustomerType, IsoDate } from '../types.ts';

export const DUNNING_CHANNELS = ['email', 'letter', 'registered_letter', 'call_task', 'sms'] as const;
export type DunningChannel = (typeof DUNNING_CHANNELS)[number];

/** `formal_notice` is the mise en demeure; `handover` passes the invoice to litigation or an agency. */
export const STEP_KINDS = ['courtesy', 'reminder', 'formal_notice', 'handover'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface DunningStep {
  code: string;
  kind: StepKind;
  /** Days from the due date: negative before it (courtesy), positive after. */
  offsetDays: number;
  channel: DunningChannel;
  templateCode: string;
  /** In the policy's currency: the customer's items at this step must add up to at least this. */
  minimumAmountMinor: number;
  claimInterest: boolean;
  claimIndemnity: boolean;
  /**
   * Before the due date only (offset < 0): an invoice whose predicted probability of being paid
   * late is below this (basis points, 5000 = 50 %) is likely on time and gets no pre-due reminder.
   * Absent (versions saved before the option) or 0: every invoice is reminded alike.
   */
  minimumLateProbabilityBp?: number;
}

/** Precedence when several match: customer > risk class > customer type > default. */
export type PolicyScope =
  | { kind: 'default' }
  | { kind: 'customer_type'; customerType: CustomerType }
  | { kind: 'risk_class'; riskClass: string }
  | { kind: 'customer'; customerCode: string };

export interface DunningPolicy {
  code: string;
  version: number;
  effectiveFrom: IsoDate;
  scope: PolicyScope;
  /** Currency of the steps' minimum amounts. */
  currency: CurrencyCode;
  /** Ascending offsets; a step's level is its index + 1. */
  steps: readonly DunningStep[];
  /** A hand-over needs a formal notice sent at least this many days before (≥ 1). */
  formalNoticeLeadDays: number;
  /** No new step for an invoice sooner than this after its last one (spreads a catch-up). */
  minimumDaysBetweenSteps: number;
  /** Days after a promised date before dunning resumes. */
  promiseGraceDays: number;
  /** A step date on a weekend or a French public holiday: moved to the next business day, or kept
   *  (the default, for versions saved before the choice existed). */
  stepDates?: StepDateRule;
  /**
   * Once the customer has a formal notice on an open invoice (or gets one today), its other overdue
   * invoices due for an amicable step join the notice (`escalation.ts`). Absent: on.
   */
  accountFloor?: boolean;
  /**
   * An invoice never reminded whose lateness passed later amicable steps starts at the highest
   * written one of them, never at the notice (`escalation.ts`). Absent: on.
   */
  catchUpByAge?: boolean;
}

/** The settings of issue 12's escalation with the account, on unless a policy turns them off. */
export const ESCALATION_SETTINGS = ['accountFloor', 'catchUpByAge'] as const;
export type EscalationSetting = (typeof ESCALATION_SETTINGS)[number];

/** Whether a policy's escalation setting is on: versions saved before the settings existed say nothing. */
export const escalationOn = (policy: DunningPolicy, setting: EscalationSetting): boolean =>
  policy[setting] !== false;

export const STEP_DATE_RULES = ['as_is', 'next_business_day'] as const;
export type StepDateRule = (typeof STEP_DATE_RULES)[number];

export interface PolicySubject {
  customerCode: string;
  customerType: CustomerType;
  riskClass: string | null;
}

const SCOPE_RANK: Record<PolicyScope['kind'], number> = {
  customer: 3,
  risk_class: 2,
  customer_type: 1,
  default: 0,
};

function scopeMatches(scope: PolicyScope, subject: PolicySubject): boolean {
  switch (scope.kind) {
    case 'customer':
      return scope.customerCode === subject.customerCode;
    case 'risk_class':
      return scope.riskClass === subject.riskClass;
    case 'customer_type':
      return scope.customerType === subject.customerType;
    case 'default':
      return true;
  }
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The version of each policy in force on `asOf`: latest effective date, then highest version. */
export function policiesInForce(policies: readonly DunningPolicy[], asOf: IsoDate): DunningPolicy[] {
  const current = new Map<string, DunningPolicy>();
  for (const policy of policies) {
    if (policy.effectiveFrom > asOf) continue;
    const held = current.get(policy.code);
    const newer =
      !held ||
      policy.effectiveFrom > held.effectiveFrom ||
      (policy.effectiveFrom === held.effectiveFrom && policy.version > held.version);
    if (newer) current.set(policy.code, policy);
  }
  return [...current.values()].sort(byCode);
}

/** The most specific policy in force for the customer; equally specific ones fall to the first code. */
export function selectPolicy(
  policies: readonly DunningPolicy[],
  subject: PolicySubject,
  asOf: IsoDate,
): DunningPolicy | null {
  let chosen: DunningPolicy | null = null;
  for (const policy of policiesInForce(policies, asOf)) {
    if (!scopeMatches(policy.scope, subject)) continue;
    if (!chosen || SCOPE_RANK[policy.scope.kind] > SCOPE_RANK[chosen.scope.kind]) chosen = policy;
  }
  return chosen;
}

/** The step of a level (1-based), or undefined for level 0 or beyond the last step. */
export function stepAtLevel(policy: DunningPolicy, level: number): DunningStep | undefined {
  return level >= 1 ? policy.steps[level - 1] : undefined;
}

/** The example of issue 12: D−5 courtesy e-mail … D+45 mise en demeure, D+60 hand-over. */
export const EXAMPLE_STEPS: readonly DunningStep[] = [
  step('courtesy', 'courtesy', -5, 'email', false),
  step('reminder_1', 'reminder', 5, 'email', false),
  step('reminder_2', 'reminder', 15, 'letter', true),
  step('call', 'reminder', 30, 'call_task', false),
  step('formal_notice', 'formal_notice', 45, 'registered_letter', true),
  step('handover', 'handover', 60, 'call_task', true),
];

function step(code: string, kind: StepKind, offsetDays: number, channel: DunningChannel, claim: boolean) {
  return {
    code,
    kind,
    offsetDays,
    channel,
    templateCode: `dunning.${code}`,
    minimumAmountMinor: 0,
    claimInterest: claim,
    claimIndemnity: claim,
  };
}
