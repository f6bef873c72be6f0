/**
 * The planner's tests' shared example: the issue's policy (courtesy D−5, reminder_1 D+5,
 * reminder_2 D+15, call D+30, formal notice D+45, hand-over D+60), a customer with nothing
 * special, and an invoice open and never reminded; each test varies what it needs.
 */
import type { DunningCustomer, DunningInvoice } from './plan-types.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';

export const EXAMPLE_POLICY: DunningPolicy = {
  code: 'standard',
  version: 1,
  effectiveFrom: '2025-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: EXAMPLE_STEPS,
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
};

export function exampleCustomer(code: string, extra: Partial<DunningCustomer> = {}): DunningCustomer {
  return {
    customerCode: code,
    customerType: 'sme',
    riskClass: null,
    inInsolvency: false,
    pausedUntil: null,
    interestClause: { kind: 'legal' },
    openCredits: [],
    ...extra,
  };
}

export function exampleInvoice(
  id: string,
  customerCode: string,
  dueDate: string,
  openMinor: number,
  extra: Partial<DunningInvoice> = {},
): DunningInvoice {
  return {
    id,
    customerCode,
    dueDate,
    openMinor,
    currency: 'EUR',
    level: 0,
    lastStepDate: null,
    formalNoticeDate: null,
    disputed: false,
    promise: null,
    pausedUntil: null,
    ...extra,
  };
}
