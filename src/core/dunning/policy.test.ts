import { describe, expect, it } from 'vitest';
import {
  type DunningPolicy,
  EXAMPLE_STEPS,
  type PolicySubject,
  policiesInForce,
  selectPolicy,
  stepAtLevel,
} from './policy.ts';
import { validatePolicy, validatePolicySet } from './policy-validation.ts';

const base: DunningPolicy = {
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
const subject: PolicySubject = { customerCode: 'C1', customerType: 'sme', riskClass: 'D' };

describe('policy selection', () => {
  const policies: DunningPolicy[] = [
    base,
    { ...base, code: 'sme', scope: { kind: 'customer_type', customerType: 'sme' } },
    { ...base, code: 'class-d', scope: { kind: 'risk_class', riskClass: 'D' } },
    { ...base, code: 'c1', scope: { kind: 'customer', customerCode: 'C1' }, effectiveFrom: '2025-06-01' },
  ];

  it('takes customer > risk class > customer type > default', () => {
    const chosen = (s: PolicySubject, asOf = '2025-07-01') => selectPolicy(policies, s, asOf)?.code;
    expect(chosen(subject)).toBe('c1');
    expect(chosen(subject, '2025-05-31')).toBe('class-d');
    expect(chosen({ ...subject, customerCode: 'C2' })).toBe('class-d');
    expect(chosen({ ...subject, customerCode: 'C2', riskClass: 'A' })).toBe('sme');
    expect(chosen({ customerCode: 'C2', customerType: 'export', riskClass: null })).toBe('standard');
    expect(selectPolicy(policies, subject, '2024-12-31')).toBeNull();
  });

  it('uses the latest version in force, even when a later one changes the scope', () => {
    const versions: DunningPolicy[] = [
      base,
      { ...base, version: 2, effectiveFrom: '2025-07-01', minimumDaysBetweenSteps: 3 },
      { ...base, version: 3, effectiveFrom: '2026-01-01', scope: { kind: 'risk_class', riskClass: 'E' } },
    ];
    expect(policiesInForce(versions, '2025-06-30').map((p) => p.version)).toEqual([1]);
    expect(selectPolicy(versions, subject, '2025-12-31')?.version).toBe(2);
    expect(selectPolicy(versions, subject, '2026-01-01')).toBeNull();
    expect(stepAtLevel(base, 5)?.kind).toBe('formal_notice');
    expect([stepAtLevel(base, 0), stepAtLevel(base, 7)]).toEqual([undefined, undefined]);
  });
});

describe('policy validation', () => {
  it('accepts the example policy of issue 12', () => {
    expect(validatePolicy(base)).toEqual([]);
  });

  it('reports every problem of a broken policy by code', () => {
    const [courtesy, reminder, letter, , notice, handover] = EXAMPLE_STEPS;
    if (!courtesy || !reminder || !letter || !notice || !handover) throw new Error('example steps');
    const broken: DunningPolicy = {
      ...base,
      version: 0,
      currency: 'euro',
      formalNoticeLeadDays: 0,
      steps: [
        { ...courtesy, offsetDays: 2, claimInterest: true },
        { ...reminder, offsetDays: 2, templateCode: ' ' },
        { ...letter, code: 'reminder_1', minimumAmountMinor: -1 },
        { ...handover, offsetDays: 50 },
        { ...notice, channel: 'letter', claimIndemnity: false },
      ],
    };
    expect(validatePolicy(broken).map((p) => [p.code, p.severity, p.stepCode])).toEqual([
      ['invalid_version', 'error', null],
      ['invalid_currency', 'error', null],
      ['formal_notice_lead_too_short', 'error', null],
      ['courtesy_after_due_date', 'error', 'courtesy'],
      ['missing_template', 'error', 'reminder_1'],
      ['offsets_not_increasing', 'error', 'reminder_1'],
      ['invalid_minimum_amount', 'error', 'reminder_1'],
      ['duplicate_step_code', 'error', 'reminder_1'],
      ['handover_not_last', 'error', 'handover'],
      ['handover_without_formal_notice', 'error', 'handover'],
      ['formal_notice_not_registered', 'warning', 'formal_notice'],
      ['formal_notice_without_claims', 'warning', 'formal_notice'],
      ['offsets_not_increasing', 'error', 'formal_notice'],
    ]);
    const claimingCourtesy = [{ ...courtesy, claimIndemnity: true }, ...EXAMPLE_STEPS.slice(1)];
    expect(validatePolicy({ ...base, steps: claimingCourtesy }).map((p) => [p.code, p.stepCode])).toEqual([
      ['claim_before_due_date', 'courtesy'],
    ]);
    expect(validatePolicy({ ...base, steps: [] }).map((p) => p.code)).toEqual(['no_steps']);
    expect(validatePolicy({ ...base, formalNoticeLeadDays: 20 }).map((p) => p.code)).toEqual([
      'handover_sooner_than_formal_notice_lead',
    ]);
  });

  it('checks a set: version order, one policy per scope, a default to fall back on', () => {
    const set: DunningPolicy[] = [
      { ...base, scope: { kind: 'risk_class', riskClass: 'E' } },
      { ...base, version: 2, effectiveFrom: '2024-12-01', scope: { kind: 'risk_class', riskClass: 'E' } },
      { ...base, version: 2, scope: { kind: 'risk_class', riskClass: 'E' } },
      { ...base, code: 'other', scope: { kind: 'risk_class', riskClass: 'E' } },
    ];
    expect(validatePolicySet(set).map((p) => [p.code, p.policyCode])).toEqual([
      ['version_dates_not_increasing', 'standard'],
      ['duplicate_version', 'standard'],
      ['ambiguous_scope', 'standard'],
      ['no_default_policy', '*'],
    ]);
    expect(validatePolicySet([base, { ...base, version: 2, effectiveFrom: '2026-01-01' }])).toEqual([]);
  });
});
