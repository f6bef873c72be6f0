/**
 * Checks of dunning policies before they are saved: problem codes, never sentences. Errors make a
 * policy unusable; warnings are legal or practical doubts an admin may knowingly accept.
 */
import { isValidIsoDate } from '../calendar.ts';
import { isCurrencyCode } from '../money.ts';
import {
  DUNNING_CHANNELS,
  type DunningPolicy,
  type DunningStep,
  ESCALATION_SETTINGS,
  STEP_DATE_RULES,
  STEP_KINDS,
} from './policy.ts';

export const POLICY_PROBLEM_CODES = [
  'invalid_policy_code',
  'invalid_version',
  'invalid_effective_from',
  'invalid_currency',
  'invalid_scope',
  'invalid_day_count',
  'invalid_step_dates',
  'invalid_escalation_setting',
  'formal_notice_lead_too_short',
  'no_steps',
  'invalid_step_code',
  'duplicate_step_code',
  'unknown_channel',
  'unknown_step_kind',
  'invalid_offset',
  'offsets_not_increasing',
  'missing_template',
  'invalid_minimum_amount',
  'courtesy_after_due_date',
  'reminder_before_due_date',
  'claim_before_due_date',
  'handover_not_last',
  'handover_without_formal_notice',
  'handover_sooner_than_formal_notice_lead',
  'formal_notice_not_registered',
  'formal_notice_without_claims',
  'invalid_late_probability',
  'late_probability_not_before_due_date',
  'duplicate_version',
  'version_dates_not_increasing',
  'ambiguous_scope',
  'no_default_policy',
] as const;
export type PolicyProblemCode = (typeof POLICY_PROBLEM_CODES)[number];

export interface PolicyProblem {
  code: PolicyProblemCode;
  severity: 'error' | 'warning';
  policyCode: string;
  version: number | null;
  stepCode: string | null;
}

const WARNINGS = new Set<PolicyProblemCode>([
  'handover_sooner_than_formal_notice_lead',
  'formal_notice_not_registered',
  'formal_notice_without_claims',
  'no_default_policy',
]);

type Report = (code: PolicyProblemCode, stepCode?: string) => void;

function reporter(problems: PolicyProblem[], policyCode: string, version: number | null): Report {
  return (code, stepCode) =>
    problems.push({
      code,
      severity: WARNINGS.has(code) ? 'warning' : 'error',
      policyCode,
      version,
      stepCode: stepCode ?? null,
    });
}

const isDayCount = (days: number) => Number.isSafeInteger(days) && days >= 0;

function checkHeader(policy: DunningPolicy, report: Report): void {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(policy.code)) report('invalid_policy_code');
  if (!Number.isSafeInteger(policy.version) || policy.version < 1) report('invalid_version');
  if (!isValidIsoDate(policy.effectiveFrom)) report('invalid_effective_from');
  if (!isCurrencyCode(policy.currency)) report('invalid_currency');
  const scope = policy.scope;
  const scopeValue =
    scope.kind === 'customer'
      ? scope.customerCode
      : scope.kind === 'risk_class'
        ? scope.riskClass
        : scope.kind === 'customer_type'
          ? scope.customerType
          : 'default';
  if (typeof scopeValue !== 'string' || scopeValue.trim() === '') report('invalid_scope');
  if (!isDayCount(policy.minimumDaysBetweenSteps) || !isDayCount(policy.promiseGraceDays)) {
    report('invalid_day_count');
  }
  if (policy.stepDates !== undefined && !(STEP_DATE_RULES as readonly string[]).includes(policy.stepDates))
    report('invalid_step_dates');
  // On or off; a proposal file read as JSON may say anything else.
  const isOnOrOff = (value: unknown) => value === undefined || typeof value === 'boolean';
  if (!ESCALATION_SETTINGS.every((setting) => isOnOrOff(policy[setting])))
    report('invalid_escalation_setting');
  // A lead of 0 would let a notice and the hand-over it announces go out on the same day.
  if (!Number.isSafeInteger(policy.formalNoticeLeadDays) || policy.formalNoticeLeadDays < 1) {
    report('formal_notice_lead_too_short');
  }
}

function checkStep(step: DunningStep, report: Report): void {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(step.code)) report('invalid_step_code', step.code);
  if (!(DUNNING_CHANNELS as readonly string[]).includes(step.channel)) report('unknown_channel', step.code);
  if (!(STEP_KINDS as readonly string[]).includes(step.kind)) report('unknown_step_kind', step.code);
  if (!Number.isSafeInteger(step.offsetDays)) report('invalid_offset', step.code);
  if (step.templateCode.trim() === '') report('missing_template', step.code);
  if (!Number.isSafeInteger(step.minimumAmountMinor) || step.minimumAmountMinor < 0) {
    report('invalid_minimum_amount', step.code);
  }
  if (step.kind === 'courtesy' && step.offsetDays > 0) report('courtesy_after_due_date', step.code);
  if (step.kind !== 'courtesy' && step.offsetDays <= 0) report('reminder_before_due_date', step.code);
  // Interest and the indemnity run from the day after the due date: nothing to claim before.
  if (step.offsetDays <= 0 && (step.claimInterest || step.claimIndemnity)) {
    report('claim_before_due_date', step.code);
  }
  checkLateProbability(step, report);
  if (step.kind === 'formal_notice' && step.channel !== 'registered_letter') {
    report('formal_notice_not_registered', step.code);
  }
  if (step.kind === 'formal_notice' && !(step.claimInterest && step.claimIndemnity)) {
    report('formal_notice_without_claims', step.code);
  }
}

/** The minimum probability of lateness: basis points, and only where the invoice is not yet due. */
function checkLateProbability(step: DunningStep, report: Report): void {
  const minimum = step.minimumLateProbabilityBp;
  if (minimum === undefined) return;
  if (!Number.isSafeInteger(minimum) || minimum < 0 || minimum > 10_000)
    report('invalid_late_probability', step.code);
  else if (minimum > 0 && step.offsetDays >= 0) report('late_probability_not_before_due_date', step.code);
}

function checkSequence(policy: DunningPolicy, report: Report): void {
  const steps = policy.steps;
  if (steps.length === 0) report('no_steps');
  const codes = new Set<string>();
  steps.forEach((step, index) => {
    checkStep(step, report);
    if (codes.has(step.code)) report('duplicate_step_code', step.code);
    codes.add(step.code);
    const previous = steps[index - 1];
    if (previous && !(step.offsetDays > previous.offsetDays)) report('offsets_not_increasing', step.code);
    if (step.kind !== 'handover') return;
    if (index !== steps.length - 1) report('handover_not_last', step.code);
    const notice = steps.slice(0, index).findLast((s) => s.kind === 'formal_notice');
    if (!notice) report('handover_without_formal_notice', step.code);
    else if (step.offsetDays - notice.offsetDays < policy.formalNoticeLeadDays) {
      report('handover_sooner_than_formal_notice_lead', step.code);
    }
  });
}

export function validatePolicy(policy: DunningPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const report = reporter(problems, policy.code, policy.version);
  checkHeader(policy, report);
  checkSequence(policy, report);
  return problems;
}

function scopeKey(policy: DunningPolicy): string {
  const scope = policy.scope;
  if (scope.kind === 'customer') return `customer:${scope.customerCode}`;
  if (scope.kind === 'risk_class') return `risk_class:${scope.riskClass}`;
  if (scope.kind === 'customer_type') return `customer_type:${scope.customerType}`;
  return 'default';
}

/** Each policy, then the set: versions in order, one policy per scope, a default to fall back on. */
export function validatePolicySet(policies: readonly DunningPolicy[]): PolicyProblem[] {
  const problems = policies.flatMap(validatePolicy);
  const byCode = new Map<string, DunningPolicy[]>();
  for (const policy of policies) byCode.set(policy.code, [...(byCode.get(policy.code) ?? []), policy]);
  const scopeOwner = new Map<string, string>();
  for (const [code, versions] of [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    sorted.forEach((policy, index) => {
      const report = reporter(problems, code, policy.version);
      const previous = sorted[index - 1];
      if (previous?.version === policy.version) report('duplicate_version');
      else if (previous && policy.effectiveFrom < previous.effectiveFrom)
        report('version_dates_not_increasing');
    });
    // Two policies claiming the same scope would make the choice depend on their codes.
    for (const key of new Set(versions.map(scopeKey))) {
      const owner = scopeOwner.get(key);
      if (owner !== undefined && owner !== code) reporter(problems, code, null)('ambiguous_scope');
      else scopeOwner.set(key, code);
    }
  }
  if (!scopeOwner.has('default')) reporter(problems, '*', null)('no_default_policy');
  return problems;
}
