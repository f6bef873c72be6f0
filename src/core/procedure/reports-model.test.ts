import { describe, expect, it } from 'vitest';
import {
  annualCostMinor,
  dsoDaysOf,
  handOverEffect,
  limitEveryCustomerEffect,
  type OverdueInvoice,
  remindEffect,
  tightenLimitsEffect,
} from './reports-effects.ts';
import { gapOf, shareOf, trendOf } from './reports-model.ts';

const basis = { dailySalesMinor: 100_000, rateBps: 500 };
const invoices: OverdueInvoice[] = [
  { customerCode: 'A', openMinor: 300_000, daysLate: 45, reminded: false },
  { customerCode: 'A', openMinor: 200_000, daysLate: 20, reminded: false },
  { customerCode: 'B', openMinor: 500_000, daysLate: 120, reminded: true },
  { customerCode: 'C', openMinor: 100_000, daysLate: 95, reminded: false },
];

describe('trends', () => {
  it('judge the direction by which way is better, within a tolerance', () => {
    expect(trendOf(60, 70, 'lower', 2)).toBe('deteriorating');
    expect(trendOf(70, 60, 'lower', 2)).toBe('improving');
    expect(trendOf(0.7, 0.5, 'higher', 0.02)).toBe('deteriorating');
    expect(trendOf(60, 61.5, 'lower', 2)).toBe('stable');
    expect(trendOf(null, 61.5, 'lower', 2)).toBe('unknown');
  });
});

describe('shares', () => {
  it('are of the two amounts the sentence prints: the overdue of the net outstanding', () => {
    // The demo as of 2026-06-30: 1 917 855,64 € overdue of 4 880 193,13 € net (4 896 641,69 € of
    // open debits before 16 448,56 € of unapplied credits, which gave 39,2 %).
    expect(shareOf(191_785_564, 488_019_313)).toBe(0.393);
    expect(shareOf(191_785_564, 489_664_169)).toBe(0.3917);
    expect(shareOf(5, 0)).toBeNull();
  });
});

describe('gaps', () => {
  it('count every case, sum them and keep the largest as evidence', () => {
    const gap = gapOf(
      'missing_limit',
      [
        { code: 'B', name: 'B', amountMinor: 10 },
        { code: 'A', name: 'A', amountMinor: 30 },
        { code: 'C', name: 'C', amountMinor: 20 },
      ],
      2,
    );
    expect(gap).toEqual({
      code: 'missing_limit',
      count: 3,
      amountMinor: 60,
      items: [
        { code: 'A', name: 'A', amountMinor: 30 },
        { code: 'C', name: 'C', amountMinor: 20 },
      ],
    });
  });
});

describe('estimated effects', () => {
  it('weigh an amount in days of sales and in a year of financing', () => {
    expect(dsoDaysOf(250_000, 100_000)).toBe(2.5);
    expect(dsoDaysOf(250_000, 0)).toBeNull();
    expect(annualCostMinor(1_000_000, 500)).toBe(50_000);
  });

  it('remind the unreminded invoices beyond the threshold only', () => {
    expect(remindEffect(invoices, 30, basis)).toEqual({
      code: 'remind_overdue',
      parameters: { minDaysLate: 30 },
      customers: 2,
      items: 2,
      amountMinor: 400_000,
      dsoEffectDays: 4,
      annualCashCostMinor: 20_000,
    });
  });

  it('hand over only what was already reminded', () => {
    const effect = handOverEffect(invoices, 90, basis);
    expect([effect.items, effect.amountMinor]).toEqual([1, 500_000]);
  });

  it('cut the limits of the classes named and count the credit the cut withdraws, not the whole balance', () => {
    const customers = [
      { code: 'D1', riskClass: 'D', balanceMinor: 900_000, creditLimitMinor: 1_000_000 },
      { code: 'D2', riskClass: 'D', balanceMinor: 100_000, creditLimitMinor: 1_000_000 },
      { code: 'E1', riskClass: 'E', balanceMinor: 180_000, creditLimitMinor: 200_000 },
      { code: 'E2', riskClass: 'E', balanceMinor: 5_000_000, creditLimitMinor: 400_000 },
      { code: 'E3', riskClass: 'E', balanceMinor: -20_000, creditLimitMinor: 200_000 },
      { code: 'C1', riskClass: 'C', balanceMinor: 900_000, creditLimitMinor: 100_000 },
      { code: 'N1', riskClass: null, balanceMinor: 70_000, creditLimitMinor: null },
    ];
    const effect = tightenLimitsEffect(customers, ['D', 'E'], 2_500, basis);
    // D1: 900 000 − 750 000 = 150 000; D2 stays under 750 000; E1: 180 000 − 150 000 = 30 000;
    // E2 owes 5 000 000 on a 400 000 limit: the cut withdraws 100 000 of it, the rest is already
    // held back by today's limit; E3 is in credit. 6 180 000 owed by D and E, 280 000 the cut's.
    expect([effect.customers, effect.amountMinor]).toEqual([3, 280_000]);
    expect([effect.dsoEffectDays, effect.annualCashCostMinor]).toEqual([2.8, 14_000]);
    expect(limitEveryCustomerEffect(customers, basis).amountMinor).toBe(70_000);
  });
});
