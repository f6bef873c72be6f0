import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerStatus } from '../types.ts';
import { DEFAULT_DELEGATION_MATRIX } from './delegation.ts';
import {
  checkOrder,
  DECISIONS,
  DEFAULT_ORDER_CHECK_RULES,
  type OrderCheckInput,
  type OrderCheckRules,
} from './order-check.ts';
import { validateOrderCheckRules } from './order-check-validation.ts';

const RULES = DEFAULT_ORDER_CHECK_RULES;
const KIT = ['purchase_order_number', 'delivery_address', 'signed_terms'];

/** A punctual class-B customer: 40 k€ exposure under a 50 k€ limit, ordering 5 k€ on terms. */
function input(overrides: {
  order?: Partial<OrderCheckInput['order']>;
  customer?: Partial<OrderCheckInput['customer']>;
  exposure?: Partial<OrderCheckInput['exposure']>;
  limitMinor?: number | null;
  cover?: OrderCheckInput['cover'];
}): OrderCheckInput {
  return {
    asOf: '2026-06-30',
    order: { amountMinor: 500_000, currency: 'EUR', payment: 'terms', elements: KIT, ...overrides.order },
    customer: { status: 'active', riskClass: 'B', score: 70.5, isNew: false, ...overrides.customer },
    exposure: {
      currency: 'EUR',
      totalMinor: 4_000_000,
      overdueMinor: 0,
      oldestOverdueDays: 0,
      ...overrides.exposure,
    },
    limitMinor: overrides.limitMinor === undefined ? 5_000_000 : overrides.limitMinor,
    cover: overrides.cover ?? null,
    delegation: DEFAULT_DELEGATION_MATRIX,
  };
}

describe('checkOrder', () => {
  it('approves a punctual customer’s small order, with the figures', () => {
    expect(checkOrder(RULES, input({}))).toEqual({
      decision: 'approve',
      reasons: [{ code: 'within_rules', figures: { availableAfterOrderMinor: 500_000 } }],
      waived: [],
      approverRole: null,
      exposureMinor: 4_000_000,
      orderMinor: 500_000,
      exposureAfterOrderMinor: 4_500_000,
      limitMinor: 5_000_000,
      availableMinor: 1_000_000,
      availableAfterOrderMinor: 500_000,
      riskClass: 'B',
      score: 70.5,
      rulesVersion: 'default-2026-01',
    });
  });

  it('holds an order that takes the exposure beyond limit + 5 % tolerance, and names the approver', () => {
    // 48 000 + 5 000 = 53 000 € > 50 000 + 2 500 €; 53 000 € of class B needs the credit manager.
    const result = checkOrder(RULES, input({ exposure: { totalMinor: 4_800_000 } }));
    expect(result.decision).toBe('hold');
    expect(result.approverRole).toBe('credit_manager');
    expect(result.availableMinor).toBe(200_000);
    expect(result.reasons).toEqual([
      {
        code: 'over_limit',
        figures: {
          exposureMinor: 4_800_000,
          orderMinor: 500_000,
          exposureAfterMinor: 5_300_000,
          limitMinor: 5_000_000,
          toleranceMinor: 250_000,
          excessMinor: 300_000,
        },
      },
    ]);
    // Exactly at limit + tolerance still passes.
    expect(checkOrder(RULES, input({ exposure: { totalMinor: 4_750_000 } })).decision).toBe('approve');
    // A tolerance in amount adds to the one in bps.
    const lenient = { ...RULES, overLimitToleranceMinor: 50_000 };
    expect(checkOrder(lenient, input({ exposure: { totalMinor: 4_800_000 } })).decision).toBe('approve');
  });

  it('counts an order on a promotion’s longer terms at its weight in the figures after it', () => {
    // 60 days instead of 30: the 5 000 € order weighs 10 000 €, so nothing is left after it.
    const spring = { code: 'PRINTEMPS26', refusal: null, termDays: 60, customerTermDays: 30, guarantees: [] };
    const within = checkOrder(RULES, { ...input({}), promotion: spring });
    expect(within).toMatchObject({
      decision: 'approve',
      reasons: [{ code: 'within_rules', figures: { availableAfterOrderMinor: 0 } }],
      orderMinor: 500_000,
      exposureAfterOrderMinor: 5_000_000,
      availableAfterOrderMinor: 0,
    });
    // 80 000 + 2 × 15 000 = 110 000 € against 100 000 €: past the credit manager's 100 000 € of class B.
    const held = checkOrder(RULES, {
      ...input({
        order: { amountMinor: 1_500_000 },
        exposure: { totalMinor: 8_000_000 },
        limitMinor: 10_000_000,
      }),
      promotion: spring,
    });
    expect(held).toMatchObject({
      decision: 'hold',
      approverRole: 'director',
      exposureAfterOrderMinor: 11_000_000,
      availableAfterOrderMinor: -1_000_000,
    });
  });

  it('lets a prepaid or cash-on-delivery order of the over-limit customer pass, keeping what it waived', () => {
    for (const payment of ['prepaid', 'cod'] as const) {
      const result = checkOrder(RULES, input({ order: { payment }, exposure: { totalMinor: 9_000_000 } }));
      expect(result.decision).toBe('approve');
      expect(result.reasons).toEqual([{ code: `${payment}_exempt`, figures: { payment } }]);
      expect(result.waived.map((r) => r.code)).toEqual(['over_limit']);
      expect(result.approverRole).toBeNull();
    }
  });

  it('refuses a customer in insolvency proceedings and still lists every other rule it breaks', () => {
    for (const status of ['safeguard', 'receivership', 'liquidation'] as const) {
      const result = checkOrder(RULES, input({ customer: { status }, exposure: { totalMinor: 9_000_000 } }));
      expect(result.decision).toBe('refuse');
      expect(result.approverRole).toBeNull();
      expect(result.reasons.map((r) => r.code)).toEqual(['insolvency_proceedings', 'over_limit']);
      expect(result.reasons[0]).toEqual({ code: 'insolvency_proceedings', figures: { status } });
    }
    expect(checkOrder(RULES, input({ customer: { status: 'closed' } })).decision).toBe('refuse');
  });

  it('holds or refuses a blocked account and class E as configured', () => {
    expect(checkOrder(RULES, input({ customer: { status: 'blocked' } })).decision).toBe('hold');
    const strict = {
      ...RULES,
      blockedAccount: 'refuse' as const,
      classDecisions: { E: 'refuse' as const, D: 'hold' as const },
    };
    expect(checkOrder(strict, input({ customer: { status: 'blocked' } })).decision).toBe('refuse');
    const classE = checkOrder(RULES, input({ customer: { riskClass: 'E', score: 22 } }));
    expect([classE.decision, classE.approverRole]).toEqual(['hold', 'director']);
    expect(classE.reasons).toEqual([{ code: 'risk_class', figures: { riskClass: 'E', score: 22 } }]);
    expect(checkOrder(strict, input({ customer: { riskClass: 'E', score: 22 } })).decision).toBe('refuse');
    expect(checkOrder(strict, input({ customer: { riskClass: 'D', score: 40 } })).decision).toBe('hold');
  });

  it('holds a new customer without limit, for the role the unscored class needs', () => {
    const result = checkOrder(
      RULES,
      input({
        limitMinor: null,
        customer: { isNew: true, riskClass: null, score: null },
        exposure: { totalMinor: 0 },
      }),
    );
    expect(result).toMatchObject({ decision: 'hold', approverRole: 'credit_manager', availableMinor: null });
    expect(result.reasons).toEqual([
      { code: 'new_customer_without_limit', figures: { orderMinor: 500_000 } },
    ]);
    const known = checkOrder(RULES, input({ limitMinor: null }));
    expect(known.reasons.map((r) => r.code)).toEqual(['no_credit_limit']);
  });

  it('approves a public body without a limit, saying none is required, unless the rules hold it', () => {
    const publicBody = input({ limitMinor: null, customer: { customerType: 'public_body' } });
    const result = checkOrder(RULES, publicBody);
    expect(result).toMatchObject({ decision: 'approve', approverRole: null, availableMinor: null });
    expect(result.reasons).toEqual([{ code: 'public_body_no_limit', figures: {} }]);
    // The other rules still apply to it, and a private customer without a limit is still held.
    const late = checkOrder(RULES, {
      ...publicBody,
      exposure: { ...publicBody.exposure, oldestOverdueDays: 45, overdueMinor: 1 },
    });
    expect([late.decision, late.reasons.map((r) => r.code)]).toEqual(['hold', ['overdue_too_old']]);
    const sme = input({ limitMinor: null, customer: { customerType: 'sme' } });
    expect(checkOrder(RULES, sme).reasons.map((r) => r.code)).toEqual(['no_credit_limit']);
    // Configurable: a company may hold public bodies too; a version saved before the rule approves them.
    const strict = checkOrder({ ...RULES, noLimitPublicBody: 'hold' }, publicBody);
    expect([strict.decision, strict.reasons.map((r) => r.code)]).toEqual(['hold', ['no_credit_limit']]);
    const { noLimitPublicBody: _absent, ...older } = RULES;
    expect(checkOrder(older, publicBody).decision).toBe('approve');
  });

  it('holds on old or large overdue amounts', () => {
    const old = checkOrder(RULES, input({ exposure: { overdueMinor: 120_000, oldestOverdueDays: 45 } }));
    expect(old.reasons).toEqual([
      { code: 'overdue_too_old', figures: { oldestOverdueDays: 45, maxDays: 30, overdueMinor: 120_000 } },
    ]);
    expect(
      checkOrder(RULES, input({ exposure: { overdueMinor: 120_000, oldestOverdueDays: 30 } })).decision,
    ).toBe('approve');
    const byAmount = { ...RULES, overdueMaxMinor: 100_000 };
    const large = checkOrder(byAmount, input({ exposure: { overdueMinor: 120_000, oldestOverdueDays: 10 } }));
    expect(large.reasons).toEqual([
      { code: 'overdue_too_high', figures: { overdueMinor: 120_000, maxMinor: 100_000 } },
    ]);
  });

  it('holds when the insurer cover expired or was refused, not while it runs', () => {
    const cover = {
      insurer: 'Coface',
      status: 'granted' as const,
      grantedMinor: 5_000_000,
      currency: 'EUR',
      insuredShareBps: 9_000,
      effectiveFrom: '2025-07-01',
      expiresOn: '2026-06-15',
    };
    expect(checkOrder(RULES, input({ cover })).reasons).toEqual([
      { code: 'insurer_cover_lapsed', figures: { coverState: 'expired', expiredOn: '2026-06-15' } },
    ]);
    expect(checkOrder(RULES, input({ cover: { ...cover, status: 'refused' } })).reasons[0]?.figures).toEqual({
      coverState: 'refused',
    });
    expect(checkOrder(RULES, input({ cover: { ...cover, expiresOn: '2026-12-31' } })).decision).toBe(
      'approve',
    );
    expect(checkOrder({ ...RULES, coverLapsed: null }, input({ cover })).decision).toBe('approve');
  });

  it('holds an incomplete order kit, one reason per missing element', () => {
    const result = checkOrder(RULES, input({ order: { elements: ['delivery_address'] } }));
    expect(result.decision).toBe('hold');
    expect(result.reasons).toEqual([
      { code: 'order_kit_incomplete', figures: { element: 'purchase_order_number' } },
      { code: 'order_kit_incomplete', figures: { element: 'signed_terms' } },
    ]);
  });

  it('holds an order in another currency than the exposure instead of comparing them', () => {
    const result = checkOrder(RULES, input({ order: { currency: 'USD' } }));
    expect(result.reasons).toEqual([
      { code: 'currency_mismatch', figures: { orderCurrency: 'USD', exposureCurrency: 'EUR' } },
    ]);
  });

  it('rejects an amount that is not minor units', () => {
    expect(() => checkOrder(RULES, input({ order: { amountMinor: 10.5 } }))).toThrow(RangeError);
  });
});

describe('order check invariants (properties)', () => {
  const statuses: CustomerStatus[] = [
    'active',
    'blocked',
    'safeguard',
    'receivership',
    'liquidation',
    'closed',
  ];
  const arbitraryInput = fc.record({
    amountMinor: fc.integer({ min: 0, max: 1e9 }),
    payment: fc.constantFrom('terms' as const, 'prepaid' as const, 'cod' as const),
    elements: fc.subarray(KIT),
    status: fc.constantFrom(...statuses),
    riskClass: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const, 'E' as const, null),
    exposureMinor: fc.integer({ min: -1e6, max: 1e9 }),
    overdueMinor: fc.integer({ min: 0, max: 1e8 }),
    oldestOverdueDays: fc.integer({ min: 0, max: 400 }),
    limitMinor: fc.option(fc.integer({ min: 0, max: 1e9 })),
  });
  function toInput(a: {
    amountMinor: number;
    payment: 'terms' | 'prepaid' | 'cod';
    elements: string[];
    status: CustomerStatus;
    riskClass: 'A' | 'B' | 'C' | 'D' | 'E' | null;
    exposureMinor: number;
    overdueMinor: number;
    oldestOverdueDays: number;
    limitMinor: number | null;
  }): OrderCheckInput {
    return input({
      order: { amountMinor: a.amountMinor, payment: a.payment, elements: a.elements },
      customer: { status: a.status, riskClass: a.riskClass, score: null },
      exposure: {
        totalMinor: a.exposureMinor,
        overdueMinor: a.overdueMinor,
        oldestOverdueDays: a.oldestOverdueDays,
      },
      limitMinor: a.limitMinor,
    });
  }

  it('approves every prepaid / COD order, and holds names an approver while others do not', () => {
    fc.assert(
      fc.property(arbitraryInput, (a) => {
        const result = checkOrder(RULES, toInput(a));
        if (a.payment !== 'terms') expect(result.decision).toBe('approve');
        expect(result.approverRole !== null).toBe(result.decision === 'hold');
        if (a.payment === 'terms' && result.decision === 'approve') {
          expect(result.reasons.map((r) => r.code)).toEqual(['within_rules']);
        }
      }),
    );
  });

  it('never gets a milder decision for a larger order (property)', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 0, max: 1e9 }), (a, extra) => {
        const smaller = checkOrder(RULES, toInput(a));
        const larger = checkOrder(RULES, toInput({ ...a, amountMinor: a.amountMinor + extra }));
        expect(DECISIONS.indexOf(larger.decision)).toBeGreaterThanOrEqual(
          DECISIONS.indexOf(smaller.decision),
        );
      }),
    );
  });
});

describe('order check rules', () => {
  it('validates the rules', () => {
    expect(validateOrderCheckRules(RULES)).toEqual([]);
    const bad = {
      ...RULES,
      version: '',
      overLimitToleranceBps: -5,
      overdueMaxDays: 1.5,
      requiredElements: ['a', 'a', ''],
    };
    expect(validateOrderCheckRules(bad).map((p) => p.code)).toEqual([
      'version_missing',
      'value_not_natural',
      'value_not_natural',
      'required_element_invalid',
      'required_element_invalid',
    ]);
  });

  it('admits only the decisions each field names, as a saved JSON body may hold anything', () => {
    const { noLimitPublicBody: _absent, ...older } = RULES;
    expect(validateOrderCheckRules({ ...older, coverLapsed: null })).toEqual([]);
    const bad = {
      ...RULES,
      blockedAccount: 'approve',
      noLimit: undefined,
      noLimitPublicBody: 'maybe',
      coverLapsed: 0,
      classDecisions: { E: 'stop', F: 'hold' },
      exemptPayments: ['prepaid', 'cheque'],
      requiredElements: 'purchase_order_number',
    } as unknown as OrderCheckRules;
    expect(validateOrderCheckRules(bad)).toEqual([
      { code: 'payment_mode_invalid', params: { value: 'cheque' } },
      { code: 'field_not_list', params: { field: 'requiredElements' } },
      {
        code: 'decision_invalid',
        params: { field: 'blockedAccount', value: 'approve', allowed: 'hold_refuse' },
      },
      { code: 'decision_missing', params: { field: 'noLimit', allowed: 'hold_refuse' } },
      {
        code: 'decision_invalid',
        params: { field: 'noLimitPublicBody', value: 'maybe', allowed: 'approve_hold_refuse' },
      },
      { code: 'decision_invalid', params: { field: 'coverLapsed', value: '0', allowed: 'hold_refuse_off' } },
      { code: 'class_decision_invalid', params: { riskClass: 'E', value: 'stop' } },
      { code: 'class_unknown', params: { riskClass: 'F' } },
    ]);
    expect(validateOrderCheckRules({ ...RULES, classDecisions: null } as unknown as OrderCheckRules)).toEqual(
      [{ code: 'field_not_object', params: { field: 'classDecisions' } }],
    );
  });
});
