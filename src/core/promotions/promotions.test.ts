import { describe, expect, it } from 'vitest';
import { DEFAULT_DELEGATION_MATRIX } from '../credit/delegation.ts';
import { checkOrder, DEFAULT_ORDER_CHECK_RULES, type OrderCheckInput } from '../credit/order-check.ts';
import type { OrderPromotion } from '../credit/order-promotion.ts';
import {
  type Promotion,
  promotionRefusal,
  summariseOutcomes,
  termDays,
  validatePromotionTerms,
} from './promotions.ts';

const SPRING: Promotion = {
  code: 'PRINTEMPS26',
  name: 'Printemps 2026',
  paymentTerms: 'net:60',
  paymentMethods: ['terms'],
  guarantees: [],
  validFrom: '2026-03-01',
  validTo: '2026-05-31',
  eligibleCustomers: [],
  eligibleCustomerTypes: ['wholesaler'],
  status: 'approved',
};

const ORDER = {
  asOf: '2026-04-15',
  customerCode: 'C1',
  customerType: 'wholesaler',
  payment: 'terms' as const,
};

describe('promotions', () => {
  it('says why an order may not use a promotion', () => {
    expect(promotionRefusal(SPRING, ORDER)).toBeNull();
    expect(promotionRefusal({ ...SPRING, status: 'submitted' }, ORDER)).toBe('not_approved');
    expect(promotionRefusal({ ...SPRING, status: 'rejected' }, ORDER)).toBe('not_approved');
    expect(promotionRefusal(SPRING, { ...ORDER, asOf: '2026-02-28' })).toBe('not_started');
    expect(promotionRefusal(SPRING, { ...ORDER, asOf: '2026-06-01' })).toBe('expired');
    expect(promotionRefusal(SPRING, { ...ORDER, customerType: 'sme' })).toBe('customer_not_eligible');
    expect(
      promotionRefusal(
        { ...SPRING, eligibleCustomers: ['C2'] },
        { ...ORDER, customerType: 'sme', customerCode: 'C2' },
      ),
    ).toBeNull();
    expect(promotionRefusal(SPRING, { ...ORDER, payment: 'cod' })).toBe('payment_not_allowed');
  });

  it('validates the terms', () => {
    expect(validatePromotionTerms(SPRING)).toEqual([]);
    const bad = {
      ...SPRING,
      code: ' ',
      paymentTerms: 'sometime',
      validTo: '2026-01-01',
      guarantees: ['a hug'],
    };
    expect(validatePromotionTerms(bad).map((p) => p.code)).toEqual([
      'code_invalid',
      'payment_terms_invalid',
      'validity_invalid',
      'guarantee_invalid',
    ]);
  });

  it('counts the days granted by a terms spec', () => {
    expect(termDays('net:60', '2026-04-15')).toBe(60);
    expect(termDays('eom:45', '2026-04-15')).toBe(46); // 15 April + 45 days = 30 May, end of May
  });

  it('compares the invoices under a promotion: weighted days, overdue share', () => {
    const summary = summariseOutcomes(
      [
        {
          promotionCode: 'P',
          amountMinor: 100_000,
          issueDate: '2026-03-01',
          dueDate: '2026-04-30',
          settledOn: '2026-05-10',
          openMinor: 0,
        },
        {
          promotionCode: 'P',
          amountMinor: 300_000,
          issueDate: '2026-04-01',
          dueDate: '2026-05-31',
          settledOn: null,
          openMinor: 300_000,
        },
      ],
      '2026-06-30',
    );
    // (100 000 × 70 + 300 000 × 90) / 400 000 = 85 days; late (10 × 1 + 30 × 3) / 4 = 25 days.
    expect(summary).toEqual({
      invoiceCount: 2,
      invoicedMinor: 400_000,
      openMinor: 300_000,
      overdueMinor: 300_000,
      averageDaysToPay: 85,
      averageDaysLate: 25,
      overdueRateBps: 7500,
    });
    expect(summariseOutcomes([], '2026-06-30').averageDaysToPay).toBeNull();
  });
});

describe('the order check under a promotion', () => {
  const input = (
    promotion: OrderPromotion | undefined,
    payment: 'terms' | 'prepaid' = 'terms',
  ): OrderCheckInput => ({
    asOf: '2026-04-15',
    order: {
      amountMinor: 500_000,
      currency: 'EUR',
      payment,
      elements: DEFAULT_ORDER_CHECK_RULES.requiredElements,
    },
    customer: { status: 'active', riskClass: 'B', score: 70, isNew: false },
    exposure: { currency: 'EUR', totalMinor: 4_000_000, overdueMinor: 0, oldestOverdueDays: 0 },
    limitMinor: 5_000_000,
    cover: null,
    delegation: DEFAULT_DELEGATION_MATRIX,
    promotion,
  });
  const promo = (overrides: Partial<OrderPromotion> = {}): OrderPromotion => ({
    code: 'PRINTEMPS26',
    refusal: null,
    termDays: 30,
    customerTermDays: 30,
    guarantees: [],
    ...overrides,
  });

  it('approves under a promotion with the customer’s own terms, as without it', () => {
    expect(checkOrder(DEFAULT_ORDER_CHECK_RULES, input(promo())).decision).toBe('approve');
  });

  it('weighs an order on longer terms in proportion: 60 days instead of 30 count twice', () => {
    // 40 000 + 2 × 5 000 = 50 000 € ≤ 52 500 €: still within; 90 days weigh 15 000 € → 55 000 € > 52 500 €.
    expect(checkOrder(DEFAULT_ORDER_CHECK_RULES, input(promo({ termDays: 60 }))).decision).toBe('approve');
    const result = checkOrder(DEFAULT_ORDER_CHECK_RULES, input(promo({ termDays: 90 })));
    expect(result.decision).toBe('hold');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'over_limit',
        figures: expect.objectContaining({ orderMinor: 1_500_000, exposureAfterMinor: 5_500_000 }),
      }),
    ]);
  });

  it('refuses an order naming a promotion it may not use, even prepaid', () => {
    for (const payment of ['terms', 'prepaid'] as const) {
      const result = checkOrder(
        DEFAULT_ORDER_CHECK_RULES,
        input(promo({ refusal: 'not_approved' }), payment),
      );
      expect([result.decision, result.reasons]).toEqual([
        'refuse',
        [{ code: 'promotion_not_usable', figures: { promotionCode: 'PRINTEMPS26', cause: 'not_approved' } }],
      ]);
    }
  });

  it('holds an order without the guarantee the promotion requires', () => {
    const result = checkOrder(DEFAULT_ORDER_CHECK_RULES, input(promo({ guarantees: ['bank_guarantee'] })));
    expect([result.decision, result.reasons.map((r) => r.code)]).toEqual([
      'hold',
      ['promotion_guarantee_missing'],
    ]);
  });
});
