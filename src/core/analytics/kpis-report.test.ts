import { describe, expect, it } from 'vitest';
import { collectionEffectiveness, meanOf } from './kpis.ts';
import type { ReceivablesSnapshot } from './kpis-cube.ts';
import { buildKpis, evaluationDates, type KpiAggregates } from './kpis-report.ts';

/** Balances at each evaluation date, all debits; `current` of them not yet due. */
function snapshot(date: string, balance: number, current: number): ReceivablesSnapshot {
  return {
    date,
    balanceMinor: balance,
    openDebitsMinor: balance,
    openCreditsMinor: 0,
    currentMinor: current,
    overdueMinor: balance - current,
    severeOverdueMinor: 0,
  };
}

// Opening 10,000 current; sales 20,000 / 30,000 / 40,000; receivables 22,000 / 37,000 / 45,000
// at the month ends, of which 20,000 / 30,000 / 40,000 not yet due.
const aggregates: KpiAggregates = {
  snapshots: [
    snapshot('2024-12-31', 10_000, 10_000),
    snapshot('2025-01-31', 22_000, 20_000),
    snapshot('2025-02-28', 37_000, 30_000),
    snapshot('2025-03-31', 45_000, 40_000),
  ],
  salesByMonth: new Map([
    ['2025-01', 20_000],
    ['2025-02', 30_000],
    ['2025-03', 40_000],
  ]),
  creditNotesMinor: 0,
  writeOffsMinor: 0,
  settlementDifferencesMinor: 0,
  salesByCustomerType: [],
  dailyMovements: [],
  paymentDelayByMonth: new Map(),
  settledWithin90: [],
  horizonDays: 90,
};

const options = {
  from: '2025-01-01',
  to: '2025-03-31',
  countbackDayBasis: 'actual',
  lateCostRateBps: 500,
} as const;

describe('CEI in the indicators report', () => {
  it('is one formula for the period and for each month; the monthly average is their mean', () => {
    expect(evaluationDates(options.from, options.to)).toEqual(aggregates.snapshots.map((s) => s.date));
    const report = buildKpis(aggregates, options);
    // 8,000 ÷ 10,000; 15,000 ÷ 22,000; 32,000 ÷ 37,000.
    expect(report.monthly.map((m) => m.ceiFullPeriodPct)).toEqual([80, 68.18, 86.49]);
    // 55,000 ÷ 60,000.
    expect(report.ceiFullPeriodPct).toBe(91.67);
    // (80 + 68.1818… + 86.4864…) ÷ 3 = 78.2228, rounded once (not the mean of the rounded months).
    expect(report.ceiMonthlyAveragePct).toBe(78.22);
    expect(report.monthly.map((m) => m.ceiMonthlyAveragePct)).toEqual([80, 68.18, 86.49]);
  });

  it('gives no CEI when nothing is collectible, and leaves such a month out of the mean', () => {
    const none = {
      beginningReceivablesMinor: 0,
      creditSalesMinor: 0,
      endingReceivablesMinor: 0,
      endingCurrentReceivablesMinor: 0,
    };
    expect(collectionEffectiveness(none)).toBeNull();
    expect(meanOf([80, null, 60])).toBe(70);
    expect(meanOf([null])).toBeNull();
  });
});
