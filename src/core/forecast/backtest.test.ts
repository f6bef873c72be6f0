import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../calendar.ts';
import { defaultBacktestRange, monthlyCutoffs, runBacktest } from './backtest.ts';
import {
  addCoverage,
  type CoverageCase,
  coverageBucketOf,
  coverageRows,
  emptyCoverage,
  paidDayOf,
  shareWithin,
} from './backtest-coverage.ts';
import { distinction } from './backtest-scores.ts';
import { invoiceBuilders } from './invoice-book.fixture.ts';

const { invoice, history } = invoiceBuilders();

const day = (iso: string) => toDayNumber(iso);

describe('defaultBacktestRange', () => {
  it('ends at the last month end strictly before the as-of date: 12 cut-offs, none at the as-of date', () => {
    const atMonthEnd = defaultBacktestRange('2026-06-30');
    expect(atMonthEnd).toEqual({ from: '2025-06-01', to: '2026-05-31' });
    expect(monthlyCutoffs(atMonthEnd.from, atMonthEnd.to)).toHaveLength(12);
    expect(defaultBacktestRange('2026-07-03')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(defaultBacktestRange('2026-03-01')).toEqual({ from: '2025-03-01', to: '2026-02-28' });
    const crossing = defaultBacktestRange('2026-01-15');
    expect(monthlyCutoffs(crossing.from, crossing.to)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
  });
});

describe('coverage arithmetic', () => {
  const censor = day('2026-06-30');
  const cutoffDay = day('2026-01-31');
  const base: CoverageCase = {
    daysPastDue: 10,
    p50Day: day('2026-02-15'),
    p90Day: day('2026-03-31'),
    probabilityWithinHorizon: 0.9,
    paidDay: null,
    cutoffDay,
  };

  it('counts an invoice never paid as not paid by its dates, and leaves out dates after the censoring date', () => {
    const tallies = emptyCoverage();
    // Paid on 10 February: by its P50 and its P90, within 13 weeks.
    addCoverage(tallies, { ...base, paidDay: day('2026-02-10') }, censor);
    // Paid on 20 March: after its P50, by its P90.
    addCoverage(tallies, { ...base, paidDay: day('2026-03-20') }, censor);
    // Never paid: by neither date. This is what the paid-only MAE cannot see.
    addCoverage(tallies, base, censor);
    // P90 after the censoring date: counts for the P50 only (not paid by it), the P90 is unknown yet.
    addCoverage(tallies, { ...base, p90Day: day('2026-08-01') }, censor);
    // No date at all (no payment expected): counted open, in neither date's share.
    addCoverage(tallies, { ...base, p50Day: null, p90Day: null, probabilityWithinHorizon: 0 }, censor);
    const rows = coverageRows(tallies);
    const bucket = rows.find((r) => r.bucket === 'd1_30');
    expect(bucket).toEqual({
      bucket: 'd1_30',
      invoices: 5,
      paidByP50: { invoices: 4, paid: 1, share: 0.25 },
      paidByP90: { invoices: 3, paid: 2, share: 0.667 },
      // 31 January + 91 days = 2 May, before the censoring date: all five count.
      paidWithin13Weeks: { invoices: 5, expected: 0.72, actual: 0.4 },
    });
    expect(rows.find((r) => r.bucket === 'all')).toEqual({ ...bucket, bucket: 'all' });
    expect(rows.find((r) => r.bucket === 'd91_180')).toEqual({
      bucket: 'd91_180',
      invoices: 0,
      paidByP50: { invoices: 0, paid: 0, share: null },
      paidByP90: { invoices: 0, paid: 0, share: null },
      paidWithin13Weeks: { invoices: 0, expected: null, actual: null },
    });
  });

  it('leaves the 13 weeks out when they end after the censoring date', () => {
    const tallies = emptyCoverage();
    addCoverage(tallies, { ...base, cutoffDay: day('2026-04-30'), paidDay: day('2026-05-02') }, censor);
    const all = coverageRows(tallies).find((r) => r.bucket === 'all');
    expect(all?.paidWithin13Weeks).toEqual({ invoices: 0, expected: null, actual: null });
  });

  it('buckets by days past due at the cut-off', () => {
    expect([-5, 0, 1, 30, 31, 90, 91, 180, 181].map(coverageBucketOf)).toEqual([
      'not_due',
      'not_due',
      'd1_30',
      'd1_30',
      'd31_90',
      'd31_90',
      'd91_180',
      'd91_180',
      'd180_plus',
    ]);
  });

  it('takes a payment by the censoring date only, never a credit note', () => {
    const paid = invoice('A', '2026-01-01', 10);
    expect(paidDayOf(paid, day('2026-06-30'))).toBe(day(paid.settledOn as string));
    expect(paidDayOf(paid, day('2026-01-31'))).toBeNull();
    expect(paidDayOf({ ...paid, settledByPayment: false }, day('2026-06-30'))).toBeNull();
    expect(shareWithin([10, 20, 30, 200], 0, 91)).toBe(0.75);
    expect(shareWithin([], 0, 91)).toBe(0);
  });
});

describe('runBacktest', () => {
  it('scores nothing when no invoice open at the cut-offs was settled since: null figures, not 0', () => {
    const records = [...history('A', 20, 8), invoice('A', '2026-05-10', null)];
    const result = runBacktest(records, '2026-06-01', '2026-06-30', { censoredOn: '2026-06-30' });
    expect(result.invoices).toBe(0);
    expect(result.invoicesByCutoff).toEqual([0]);
    expect(result.lateBaseRate).toBeNull();
    expect(result.brierScore).toBeNull();
    expect(result.uncalibrated.lateAccuracy).toBeNull();
    for (const method of result.methods) {
      expect(method.maeDays).toBeNull();
      expect(method.lateAccuracy).toBeNull();
      expect(method.balancedAccuracy).toBeNull();
    }
    for (const bin of result.calibration) {
      expect(bin.invoices).toBe(0);
      expect(bin.meanPredicted).toBeNull();
      expect(bin.observedLateRate).toBeNull();
    }
    // The open invoice still counts in the coverage; its dates lie after the censoring date.
    const all = result.coverage.find((r) => r.bucket === 'all');
    expect(all?.invoices).toBe(1);
    expect(all?.paidByP90.share ?? null).toBeNull();
    expect(distinction(result.methods[0]?.balancedAccuracy)).toBeNull();
  });

  it('counts in the coverage the invoices never paid, which the paid-only scores leave out', () => {
    const records = [
      ...history('A', 10),
      // Open at the January cut-off: one paid on 19 February, two never paid.
      invoice('A', '2026-01-10', 10),
      invoice('A', '2025-12-20', null),
      invoice('A', '2025-12-21', null),
    ];
    const result = runBacktest(records, '2026-01-01', '2026-01-31', { censoredOn: '2026-06-30' });
    expect(result.censoredOn).toBe('2026-06-30');
    // The invoice paid on 19 February is the only one scored.
    expect(result.invoices).toBe(1);
    const all = result.coverage.find((r) => r.bucket === 'all');
    expect(all?.invoices).toBe(3);
    expect(all?.paidWithin13Weeks.invoices).toBe(3);
    expect(all?.paidWithin13Weeks.actual).toBe(0.333);
    // A customer paying 10 days late: the never-paid ones were predicted paid within 13 weeks.
    expect(all?.paidWithin13Weeks.expected).toBeGreaterThan(0.9);
    expect(all?.paidByP90.invoices).toBe(3);
    expect(all?.paidByP90.paid).toBeLessThanOrEqual(1);
  });

  it('counts evaluations apart from invoices, and what the invoices paid very late weigh in the error', () => {
    const records = [
      ...history('A', 12, 10), // January to October 2025, each paid 12 days late
      // Due 04/01/2025 and paid 400 days late (08/02/2026): open at the cut-offs of 2025, scored at each.
      invoice('A', '2024-12-05', 400),
    ];
    const result = runBacktest(records, '2025-10-01', '2025-12-31', { censoredOn: '2026-06-30' });
    const { invoices, distinctInvoices, paidLongLate } = result;
    // Cut-offs October to December: the old invoice at each, and October's invoice at the first.
    expect([invoices, distinctInvoices]).toEqual([4, 2]);
    expect(paidLongLate).toMatchObject({ days: 180, evaluations: 3, invoices: 1 });
    // Its hundreds of days of error against the other invoice's few: nearly all of the model's error.
    expect(paidLongLate.modelErrorShare).toBeGreaterThan(0.9);
  });

  it('uses the data end as the censoring date by default', () => {
    const records = [invoice('A', '2025-01-05', 10), invoice('A', '2025-02-05', 300)];
    expect(runBacktest(records, '2025-03-01', '2025-03-31').censoredOn).toBe('2026-01-01');
  });
});

describe('distinction', () => {
  it('words the balanced accuracy against a constant answer', () => {
    expect([0.5, 0.45, 0.563, 0.615, 0.8].map(distinction)).toEqual(['none', 'none', 'weak', 'good', 'good']);
  });
});
