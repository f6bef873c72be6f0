import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import {
  addLateCost,
  addLateCostBatch,
  companyLateCost,
  emptyLateCostSums,
  financingCostMinor,
  type LateCostPrediction,
  type LateCostSums,
  lateCostFigures,
  predictedDaysLate,
} from './late-cost.ts';

const AS_OF = '2026-06-30';

function prediction(overrides: Partial<LateCostPrediction> = {}): LateCostPrediction {
  return {
    customerCode: 'C1',
    dueDate: '2026-07-10',
    openMinor: 1_000_000,
    predictedDate: '2026-08-09',
    ...overrides,
  };
}

describe('predicted days late', () => {
  it('counts the days from the due date to the median, and those after the as-of date', () => {
    // Due after the as-of date: every day late is still to come.
    expect(predictedDaysLate(prediction(), AS_OF)).toEqual({ daysLate: 30, daysAhead: 30 });
    // Overdue since 31/05, paid 15/07 at the median: 45 days late, 15 of them after 30/06.
    expect(predictedDaysLate({ dueDate: '2026-05-31', predictedDate: '2026-07-15' }, AS_OF)).toEqual({
      daysLate: 45,
      daysAhead: 15,
    });
  });

  it('is zero when the median is on or before the due date', () => {
    expect(predictedDaysLate({ dueDate: '2026-07-10', predictedDate: '2026-07-10' }, AS_OF)).toEqual({
      daysLate: 0,
      daysAhead: 0,
    });
    expect(predictedDaysLate({ dueDate: '2026-07-10', predictedDate: '2026-07-01' }, AS_OF).daysLate).toBe(0);
  });
});

describe('financing cost', () => {
  it('is amount × days × rate / 365, rounded half up to the cent', () => {
    // 10,000.00 € × 30 days × 5 % / 365 = 41.0958… € → 41.10 €.
    expect(financingCostMinor(1_000_000n * 30n, 500)).toBe(4_110);
    // 73.00 € × 1 day × 5 % / 365 = 0.01 € exactly; 36.50 € → 0.005 € rounds up to 0.01 €.
    expect(financingCostMinor(7_300n, 500)).toBe(1);
    expect(financingCostMinor(3_650n, 500)).toBe(1);
    expect(financingCostMinor(3_649n, 500)).toBe(0);
    expect(financingCostMinor(0n, 500)).toBe(0);
    expect(financingCostMinor(1_000_000n, 0)).toBe(0);
  });

  it('stays exact on a book beyond the float range of amount × days × rate', () => {
    // 900 M€ for 1,000 days at 100 %: 2.465… G€, to the cent.
    expect(financingCostMinor(90_000_000_000n * 1_000n, 10_000)).toBe(246_575_342_466);
  });

  it('refuses a rate that is not whole basis points ≥ 0', () => {
    expect(() => financingCostMinor(1n, -1)).toThrow(RangeError);
    expect(() => financingCostMinor(1n, 2.5)).toThrow(RangeError);
  });
});

describe('sums of a customer', () => {
  it('weights the days late by the open amounts, and counts the late ones', () => {
    const sums = emptyLateCostSums();
    addLateCost(sums, prediction({ openMinor: 300_000, predictedDate: '2026-07-20' }), AS_OF); // 10 d
    addLateCost(sums, prediction({ openMinor: 100_000, predictedDate: '2026-07-05' }), AS_OF); // early
    const figures = lateCostFigures(sums, 500);
    expect(figures).toMatchObject({
      openMinor: 400_000,
      invoiceCount: 2,
      lateCount: 1,
      lateOpenMinor: 300_000,
      // (3,000 € × 10 + 1,000 € × 0) / 4,000 € = 7.5 days.
      expectedDaysLate: 7.5,
      // 3,000 € × 10 d × 5 % / 365 = 4.1096 € → 4.11 €.
      costMinor: 411,
      costAheadMinor: 411,
    });
  });

  it('leaves the claims with no payment expected out of the days and the cost, counted apart', () => {
    const sums = emptyLateCostSums();
    addLateCost(sums, prediction({ openMinor: 200_000 }), AS_OF);
    addLateCost(
      sums,
      prediction({ openMinor: 500_000, dueDate: '2026-01-31', paymentExpected: false }),
      AS_OF,
    );
    const figures = lateCostFigures(sums, 500);
    expect(figures).toMatchObject({
      openMinor: 200_000,
      invoiceCount: 1,
      expectedDaysLate: 30,
      notExpectedCount: 1,
      notExpectedOpenMinor: 500_000,
      costMinor: financingCostMinor(200_000n * 30n, 500),
    });
  });

  it('has no mean days late when nothing is expected, and ignores settled amounts', () => {
    const sums = emptyLateCostSums();
    addLateCost(sums, prediction({ openMinor: 0 }), AS_OF);
    addLateCost(sums, prediction({ paymentExpected: false }), AS_OF);
    expect(lateCostFigures(sums, 500)).toMatchObject({
      expectedDaysLate: null,
      costMinor: 0,
      invoiceCount: 0,
    });
  });

  it('costs an invoice too old to expect paid within the year, with those beyond history', () => {
    const sums = emptyLateCostSums();
    const old = { dueDate: '2023-01-31', predictedDate: '2027-06-30', paymentExpected: false };
    addLateCost(sums, prediction({ ...old, reasons: [{ code: 'no_payment_expected' }] }), AS_OF);
    addLateCost(sums, prediction({ ...old, reasons: [{ code: 'insolvency_proceedings' }] }), AS_OF);
    expect(lateCostFigures(sums, 500)).toMatchObject({
      invoiceCount: 1,
      beyondHistoryCount: 1,
      notExpectedCount: 1,
      costMinor: financingCostMinor(1_000_000n * 1_611n, 500),
    });
  });

  it('counts the medians a year out, where the history never saw such an invoice paid', () => {
    const sums = emptyLateCostSums();
    addLateCost(sums, prediction({ dueDate: '2023-01-31', predictedDate: '2027-06-30' }), AS_OF);
    addLateCost(sums, prediction(), AS_OF);
    expect(sums.beyondHistoryCount).toBe(1);
    // 1,611 days late, 365 of them after the as-of date.
    expect(lateCostFigures(sums, 500)).toMatchObject({
      beyondHistoryOpenMinor: 1_000_000,
      costMinor: financingCostMinor(1_000_000n * (1_611n + 30n), 500),
      costAheadMinor: financingCostMinor(1_000_000n * (365n + 30n), 500),
      // 10,000 € × 1,611 d × 5 % / 365 = 2,206.85 €.
      beyondHistoryCostMinor: 220_685,
    });
  });
});

describe('the company', () => {
  it('adds up its customers, each rounded once, so the table adds up to the total', () => {
    const byCustomer = new Map<string, LateCostSums>();
    // Three customers at 0.005 € each: each rounds up to 0.01 €, the total is their sum (0.03 €).
    addLateCostBatch(
      byCustomer,
      ['A', 'B', 'C'].map((code) =>
        prediction({ customerCode: code, openMinor: 3_650, predictedDate: '2026-07-11' }),
      ),
      AS_OF,
    );
    const customers = [...byCustomer.values()];
    const company = companyLateCost(customers, 500);
    expect(customers.map((sums) => lateCostFigures(sums, 500).costMinor)).toEqual([1, 1, 1]);
    expect(company).toMatchObject({ costMinor: 3, invoiceCount: 3, openMinor: 10_950, expectedDaysLate: 1 });
  });

  it('costs never less than the part still to come, and grow with the rate', () => {
    const arbitrary = fc.array(
      fc.record({
        openMinor: fc.integer({ min: 0, max: 10_000_000_000 }),
        due: fc.integer({ min: -800, max: 120 }),
        paidAfterDue: fc.integer({ min: -30, max: 900 }),
        expected: fc.boolean(),
        customer: fc.constantFrom('A', 'B', 'C'),
      }),
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 0, max: 5_000 }), (rows, rateBps) => {
        const byCustomer = new Map<string, LateCostSums>();
        const dueOf = (offset: number) => addDays(AS_OF, offset);
        addLateCostBatch(
          byCustomer,
          rows.map((row) => ({
            customerCode: row.customer,
            openMinor: row.openMinor,
            dueDate: dueOf(row.due),
            predictedDate: dueOf(row.due + row.paidAfterDue),
            paymentExpected: row.expected ? undefined : false,
          })),
          AS_OF,
        );
        const low = companyLateCost([...byCustomer.values()], rateBps);
        const high = companyLateCost([...byCustomer.values()], rateBps + 100);
        expect(low.costAheadMinor).toBeLessThanOrEqual(low.costMinor);
        expect(high.costMinor).toBeGreaterThanOrEqual(low.costMinor);
        expect(low.openMinor + low.notExpectedOpenMinor).toBe(
          rows.reduce((sum, row) => sum + row.openMinor, 0),
        );
      }),
    );
  });
});
