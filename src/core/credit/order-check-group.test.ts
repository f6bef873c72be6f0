import { describe, expect, it } from 'vitest';
import { DEFAULT_DELEGATION_MATRIX } from './delegation.ts';
import { checkOrder, DEFAULT_ORDER_CHECK_RULES, type OrderCheckInput } from './order-check.ts';

/** A member well within its own 50 k€ limit, in a group of 200 k€ exposure under a 205 k€ limit. */
function input(group: OrderCheckInput['group'], amountMinor = 500_000): OrderCheckInput {
  return {
    asOf: '2026-06-30',
    order: {
      amountMinor,
      currency: 'EUR',
      payment: 'terms',
      elements: DEFAULT_ORDER_CHECK_RULES.requiredElements,
    },
    customer: { status: 'active', riskClass: 'B', score: 70.5, isNew: false },
    exposure: { currency: 'EUR', totalMinor: 1_000_000, overdueMinor: 0, oldestOverdueDays: 0 },
    limitMinor: 5_000_000,
    group,
    cover: null,
    delegation: DEFAULT_DELEGATION_MATRIX,
  };
}

describe('checkOrder with a group', () => {
  const group = { parentCode: 'G001', exposureMinor: 20_000_000, limitMinor: 20_500_000 };

  it("holds an order that takes the group beyond the parent's limit + 5 %", () => {
    // 200 000 + 16 000 = 216 000 € > 205 000 + 10 250 € = 215 250 €.
    const result = checkOrder(DEFAULT_ORDER_CHECK_RULES, input(group, 1_600_000));
    expect(result.decision).toBe('hold');
    expect(result.reasons).toEqual([
      {
        code: 'group_over_limit',
        figures: {
          groupCode: 'G001',
          groupExposureMinor: 20_000_000,
          orderMinor: 1_600_000,
          groupExposureAfterMinor: 21_600_000,
          groupLimitMinor: 20_500_000,
          toleranceMinor: 1_025_000,
          excessMinor: 1_100_000,
        },
      },
    ]);
  });

  it('approves within the tolerance, and ignores a group without a limit', () => {
    // 200 000 + 15 250 € is exactly the limit + tolerance: still within.
    expect(checkOrder(DEFAULT_ORDER_CHECK_RULES, input(group, 1_525_000)).decision).toBe('approve');
    const unlimited = { ...group, limitMinor: null };
    expect(checkOrder(DEFAULT_ORDER_CHECK_RULES, input(unlimited, 1_600_000)).decision).toBe('approve');
  });
});
