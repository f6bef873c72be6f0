import { describe, expect, it } from 'vitest';
import { customerReasons } from './customer-reasons.ts';
import { DEFAULT_DELEGATION_MATRIX } from './delegation.ts';
import { checkOrder, DEFAULT_ORDER_CHECK_RULES, type OrderCheckInput } from './order-check.ts';
import type { Reason } from './reason.ts';

const base: OrderCheckInput = {
  asOf: '2026-06-30',
  order: {
    amountMinor: 437_927,
    currency: 'EUR',
    payment: 'terms',
    elements: [...DEFAULT_ORDER_CHECK_RULES.requiredElements],
  },
  customer: { status: 'active', riskClass: 'E', score: 12.5, isNew: false },
  exposure: { currency: 'EUR', totalMinor: 4_443_349, overdueMinor: 1_337_728, oldestOverdueDays: 94 },
  limitMinor: 2_000_000,
  group: null,
  cover: null,
  delegation: DEFAULT_DELEGATION_MATRIX,
};

describe('what a customer is told of its held order', () => {
  it('keeps its overdue amount and drops the limit, the exposure, the class and the score', () => {
    const result = checkOrder(DEFAULT_ORDER_CHECK_RULES, base);
    expect(result.reasons.map((r) => r.code)).toEqual(['over_limit', 'overdue_too_old', 'risk_class']);
    const told = customerReasons(result.reasons);
    expect(told).toEqual([{ code: 'overdue_invoices', figures: { overdueMinor: 1_337_728 } }]);
    expect(JSON.stringify(told)).not.toMatch(/limit|exposure|score|riskClass|tolerance/);
  });

  it('tells the overdue amount once when both overdue rules hold the order', () => {
    const rules = { ...DEFAULT_ORDER_CHECK_RULES, overdueMaxMinor: 100_000 };
    const result = checkOrder(rules, base);
    expect(result.reasons.map((r) => r.code)).toContain('overdue_too_high');
    expect(customerReasons(result.reasons)).toEqual([
      { code: 'overdue_invoices', figures: { overdueMinor: 1_337_728 } },
    ]);
  });

  it('names what is missing from its order, and nothing for a risk reason alone', () => {
    const clean = { ...base, exposure: { ...base.exposure, overdueMinor: 0, oldestOverdueDays: 0 } };
    const incomplete = {
      ...clean,
      order: { ...clean.order, elements: ['delivery_address', 'signed_terms'] },
    };
    expect(customerReasons(checkOrder(DEFAULT_ORDER_CHECK_RULES, incomplete).reasons)).toEqual([
      { code: 'order_element_missing', figures: { element: 'purchase_order_number' } },
    ]);
    const held = checkOrder(DEFAULT_ORDER_CHECK_RULES, clean);
    expect(held.decision).toBe('hold');
    expect(customerReasons(held.reasons)).toEqual([]);
  });

  it('says a promotion does not apply without saying why, and names the guarantee it needs', () => {
    const reasons: Reason[] = [
      { code: 'promotion_not_usable', figures: { promotionCode: 'ETE26', cause: 'not_approved' } },
      { code: 'promotion_guarantee_missing', figures: { promotionCode: 'ETE26', guarantee: 'deposit' } },
      { code: 'insurer_cover_lapsed', figures: { coverState: 'expired' } },
    ];
    expect(customerReasons(reasons)).toEqual([
      { code: 'promotion_not_applicable', figures: { promotionCode: 'ETE26' } },
      { code: 'promotion_guarantee_missing', figures: { promotionCode: 'ETE26', guarantee: 'deposit' } },
    ]);
  });

  it('puts no overdue invoice to a customer under a collective procedure', () => {
    const input = { ...base, customer: { ...base.customer, status: 'receivership' as const } };
    const result = checkOrder(DEFAULT_ORDER_CHECK_RULES, input);
    expect(result.decision).toBe('refuse');
    expect(result.reasons.map((r) => r.code)).toContain('overdue_too_old');
    expect(customerReasons(result.reasons)).toEqual([]);
  });
});
