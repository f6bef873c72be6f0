/**
 * The procedure the diagram tests draw, for tests only: the default order-check rules and
 * delegation matrix, and a standard dunning policy with the example steps. The model's test
 * (core) and the renderers' test (render) draw the same one.
 */
import { DEFAULT_DELEGATION_MATRIX } from '../credit/delegation.ts';
import { DEFAULT_ORDER_CHECK_RULES } from '../credit/order-check.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from '../dunning/policy.ts';
import type { ProcedureConfig } from './diagram.ts';

export const POLICY: DunningPolicy = {
  code: 'standard',
  version: 1,
  effectiveFrom: '2026-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: EXAMPLE_STEPS,
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
};

export const CONFIG: ProcedureConfig = {
  orderRules: DEFAULT_ORDER_CHECK_RULES,
  delegation: DEFAULT_DELEGATION_MATRIX,
  dunning: POLICY,
};
