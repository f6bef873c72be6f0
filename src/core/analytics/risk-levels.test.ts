import { describe, expect, it } from 'vitest';
import { assessRisk, DEFAULT_RISK_THRESHOLDS, type RiskFacts, stageReplacingAction } from './risk-levels.ts';

const facts = (overrides: Partial<RiskFacts>): RiskFacts => ({
  balanceMinor: 0,
  overdueMinor: 0,
  severeOverdueMinor: 0,
  oldestOverdueDays: 0,
  creditLimitMinor: 5_000_000,
  inProceedings: false,
  openDispute: false,
  ...overrides,
});

describe('risk level weighs the amount at stake', () => {
  it('does not call a few hundred euros over 90 days critical, but asks for a second reminder', () => {
    // 323 € more than 90 days late, the whole balance: the share rule alone would say critical.
    const small = facts({
      balanceMinor: 32_300,
      overdueMinor: 32_300,
      severeOverdueMinor: 32_300,
      oldestOverdueDays: 120,
    });
    expect(assessRisk(small)).toEqual({ level: 'high', rule: 'overdue_high', action: 'second_reminder' });
  });

  it('calls a material severe overdue critical through its share of the balance', () => {
    // 2 000 € over 90 days on a 8 000 € balance: 25 % ≥ 20 %, above the 1 500 € materiality floor.
    const material = facts({
      balanceMinor: 800_000,
      overdueMinor: 200_000,
      severeOverdueMinor: 200_000,
      oldestOverdueDays: 95,
    });
    expect(assessRisk(material)).toEqual({
      level: 'critical',
      rule: 'severe_overdue',
      action: 'formal_notice',
    });
    // The same 2 000 € on a 20 000 € balance is 10 %: not critical by share, high by age.
    expect(assessRisk({ ...material, balanceMinor: 2_000_000 }).level).toBe('high');
  });

  it('calls a large severe overdue critical whatever its share', () => {
    const large = facts({
      balanceMinor: 90_000_000,
      overdueMinor: 1_000_000,
      severeOverdueMinor: DEFAULT_RISK_THRESHOLDS.criticalSevereMinor,
      oldestOverdueDays: 91,
    });
    expect(assessRisk(large).rule).toBe('severe_overdue');
  });

  it('puts insolvency proceedings first when something is owed', () => {
    const insolvent = facts({ balanceMinor: 10_000, inProceedings: true, creditLimitMinor: 0 });
    expect(assessRisk(insolvent)).toEqual({
      level: 'critical',
      rule: 'insolvency_proceedings',
      action: 'declare_claim',
    });
    expect(assessRisk({ ...insolvent, balanceMinor: 0 }).rule).toBe('up_to_date');
  });
});

describe('the limit rules read the exposure, as the credit panel’s « Disponible »', () => {
  it('finds a customer over its limit by its orders, and one cent over it', () => {
    // Nothing invoiced, 23 048,34 € of orders against a 15 000 € limit.
    const orders = facts({ balanceMinor: 0, exposureMinor: 2_304_834, creditLimitMinor: 1_500_000 });
    expect(assessRisk(orders).rule).toBe('over_limit');
    const cent = facts({ balanceMinor: 10_000_001, creditLimitMinor: 10_000_000 });
    expect(assessRisk(cent).rule).toBe('over_limit');
  });

  it('does not call a customer over its limit when its exposure is within it', () => {
    expect(assessRisk(facts({ balanceMinor: 4_000_000, exposureMinor: 4_000_000 })).rule).toBe('up_to_date');
    expect(assessRisk(facts({ balanceMinor: 4_600_000, exposureMinor: 4_600_000 })).rule).toBe('near_limit');
  });
});

describe('stageReplacingAction', () => {
  const notice = { date: '2026-06-30', deadline: '2026-07-08' };
  it('says a hand-over, then a formal notice by its deadline, instead of a step of the ladder', () => {
    expect(
      stageReplacingAction(
        'formal_notice',
        { handedOverOn: '2026-06-01', formalNotice: notice },
        '2026-06-30',
      ),
    ).toEqual({
      stage: 'handed_over',
      date: '2026-06-01',
    });
    expect(
      stageReplacingAction('second_reminder', { handedOverOn: null, formalNotice: notice }, '2026-07-08'),
    ).toEqual({
      stage: 'formal_notice',
      ...notice,
    });
    expect(
      stageReplacingAction('formal_notice', { handedOverOn: null, formalNotice: notice }, '2026-07-09'),
    ).toEqual({
      stage: 'formal_notice_lapsed',
      ...notice,
    });
  });
  it('leaves the credit, dispute and claim actions, and a customer with neither', () => {
    const facts = { handedOverOn: '2026-06-01', formalNotice: notice };
    for (const action of ['block_orders', 'resolve_dispute', 'declare_claim', 'review_limit'] as const)
      expect(stageReplacingAction(action, facts, '2026-06-30')).toBeNull();
    expect(
      stageReplacingAction('formal_notice', { handedOverOn: null, formalNotice: null }, '2026-06-30'),
    ).toBeNull();
  });
});
