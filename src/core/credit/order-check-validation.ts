/** The order check's rules as a configuration: what makes a version unusable before it is saved. */
import { isValidIsoDate } from '../calendar.ts';
import { DECISIONS, type OrderCheckRules } from './order-check.ts';
import type { Problem } from './reason.ts';
import { RISK_CLASSES } from './scoring-method.ts';

const STOPS = ['hold', 'refuse'] as const;
const PAYMENT_MODES = ['prepaid', 'cod', 'terms'] as const;

/**
 * The fields that name a decision, what each admits (the catalogue words `allowed`) and whether it
 * may be left out: `noLimitPublicBody` is absent from versions saved before it existed.
 */
const DECISION_FIELDS: readonly {
  field: string;
  allowed: 'hold_refuse' | 'approve_hold_refuse' | 'hold_refuse_off';
  optional?: true;
}[] = [
  { field: 'blockedAccount', allowed: 'hold_refuse' },
  { field: 'noLimit', allowed: 'hold_refuse' },
  { field: 'noLimitPublicBody', allowed: 'approve_hold_refuse', optional: true },
  { field: 'coverLapsed', allowed: 'hold_refuse_off' },
];

const ADMITTED: Record<(typeof DECISION_FIELDS)[number]['allowed'], readonly unknown[]> = {
  hold_refuse: STOPS,
  approve_hold_refuse: DECISIONS,
  hold_refuse_off: [...STOPS, null],
};

/** A value as the person wrote it in the JSON body (a string as is). */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The decisions a version names, checked as they arrive (a saved body is JSON, not the type): a
 * decision the check does not know would be recorded as the severity of a reason.
 */
function decisionProblems(rules: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const { field, allowed, optional } of DECISION_FIELDS) {
    const value = rules[field];
    if (value === undefined) {
      if (!optional) problems.push({ code: 'decision_missing', params: { field, allowed } });
    } else if (!ADMITTED[allowed].includes(value)) {
      problems.push({ code: 'decision_invalid', params: { field, value: shown(value), allowed } });
    }
  }
  const classes = rules['classDecisions'];
  if (!isObject(classes)) {
    problems.push({ code: 'field_not_object', params: { field: 'classDecisions' } });
    return problems;
  }
  for (const [riskClass, value] of Object.entries(classes)) {
    if (!(RISK_CLASSES as readonly string[]).includes(riskClass))
      problems.push({ code: 'class_unknown', params: { riskClass } });
    else if (!(STOPS as readonly unknown[]).includes(value))
      problems.push({ code: 'class_decision_invalid', params: { riskClass, value: shown(value) } });
  }
  return problems;
}

function listProblems(rules: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const payments = rules['exemptPayments'];
  if (!Array.isArray(payments))
    problems.push({ code: 'field_not_list', params: { field: 'exemptPayments' } });
  else
    for (const payment of payments)
      if (!(PAYMENT_MODES as readonly unknown[]).includes(payment))
        problems.push({ code: 'payment_mode_invalid', params: { value: shown(payment) } });
  const elements = rules['requiredElements'];
  if (!Array.isArray(elements)) {
    problems.push({ code: 'field_not_list', params: { field: 'requiredElements' } });
    return problems;
  }
  const seen = new Set<string>();
  for (const element of elements) {
    if (typeof element !== 'string' || element.trim() === '' || seen.has(element)) {
      problems.push({ code: 'required_element_invalid', params: { element: shown(element) } });
    }
    if (typeof element === 'string') seen.add(element);
  }
  return problems;
}

export function validateOrderCheckRules(rules: OrderCheckRules): Problem[] {
  const problems: Problem[] = [];
  if (rules.version.trim() === '') problems.push({ code: 'version_missing', params: {} });
  if (!isValidIsoDate(rules.effectiveFrom)) {
    problems.push({ code: 'effective_date_invalid', params: { effectiveFrom: rules.effectiveFrom } });
  }
  const naturals: [string, number | null][] = [
    ['overLimitToleranceBps', rules.overLimitToleranceBps],
    ['overLimitToleranceMinor', rules.overLimitToleranceMinor],
    ['overdueMaxDays', rules.overdueMaxDays],
    ['overdueMaxMinor', rules.overdueMaxMinor],
  ];
  for (const [field, value] of naturals) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      problems.push({ code: 'value_not_natural', params: { field, value } });
    }
  }
  const raw = rules as unknown as Record<string, unknown>;
  problems.push(...listProblems(raw), ...decisionProblems(raw));
  return problems;
}
