/**
 * Golden scenarios: every worked example of docs/reference/ar-metrics.md rebuilt as ledger data
 * (invoices, payments and their matching, with dates), loaded into the database and measured by
 * the indicators report as of the example's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { getKpis, type KpiInput } from '#app/reports/kpis';
import { collectionEffectiveness } from '#core/analytics/kpis';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { eur, LedgerBuilder } from './ledger-builder.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  for (const builder of [
    example1(),
    example2(),
    example3(),
    example4(),
    example5(),
    example6(),
    example7(),
    ceiMonths(),
  ]) {
    await loadDataset({ ...database.context(builder.companyCode), actor: 'test' }, builder.dataset());
  }
});
afterAll(async () => database?.close());

const kpis = (company: string, input: KpiInput) => getKpis(database.context(company), input);

/**
 * CEI month by month (figures worked by hand in the test): opening 10,000 current at 31 Dec;
 * sales 20,000 / 30,000 / 40,000; receivables 22,000 / 37,000 / 45,000 at the month ends, of which
 * 20,000 / 30,000 / 40,000 not yet due.
 */
function ceiMonths(): LedgerBuilder {
  const b = new LedgerBuilder('CEIM').addCustomer('C1');
  const opening = b.invoice('C1', '2024-12-01', '2025-01-15', eur(10_000));
  const january = b.invoice('C1', '2025-01-10', '2025-02-09', eur(20_000));
  const february = b.invoice('C1', '2025-02-10', '2025-03-12', eur(30_000));
  b.invoice('C1', '2025-03-05', '2025-04-04', eur(40_000));
  b.payment('C1', '2025-01-15', [[opening, eur(8_000)]]);
  b.payment('C1', '2025-02-09', [[january, eur(15_000)]]);
  b.payment('C1', '2025-03-12', [[february, eur(30_000)]]);
  b.payment('C1', '2025-03-20', [[opening, eur(2_000)]]);
  return b;
}

/** Example 1: AR 150,000 at year end, credit sales 1,800,000 over 365 days. */
function example1(): LedgerBuilder {
  const b = new LedgerBuilder('EX1').addCustomer('C1');
  for (let month = 1; month <= 12; month++) {
    const issue = `2025-${String(month).padStart(2, '0')}-01`;
    const ref = b.invoice(
      'C1',
      issue,
      month === 12 ? '2025-12-31' : `2025-${String(month).padStart(2, '0')}-28`,
      eur(150_000),
    );
    if (month < 12) b.payment('C1', `2025-${String(month).padStart(2, '0')}-28`, [[ref, eur(150_000)]]);
  }
  return b;
}

/** Example 2: countback with 30-day months: sales 70,000 / 80,000 / 100,000, ending AR 212,000. */
function example2(): LedgerBuilder {
  const b = new LedgerBuilder('EX2').addCustomer('C1');
  const april = b.invoice('C1', '2025-04-01', '2025-05-31', eur(70_000));
  b.invoice('C1', '2025-05-01', '2025-06-30', eur(80_000));
  b.invoice('C1', '2025-06-01', '2025-07-31', eur(100_000));
  b.payment('C1', '2025-04-30', [[april, eur(38_000)]]);
  return b;
}

/** Example 3: countback in calendar days: January 700,000, February 800,000, March 900,000, AR 2,100,000. */
function example3(): LedgerBuilder {
  const b = new LedgerBuilder('EX3').addCustomer('C1');
  const january = b.invoice('C1', '2025-01-15', '2025-03-31', eur(700_000));
  b.invoice('C1', '2025-02-15', '2025-04-30', eur(800_000));
  b.invoice('C1', '2025-03-15', '2025-05-31', eur(900_000));
  b.payment('C1', '2025-03-31', [[january, eur(300_000)]]);
  return b;
}

/** Example 4 (CreditGuru ATB): beginning 6,200, sales 10,890 over three months, ending 6,340 of which 3,590 current. */
function example4(): LedgerBuilder {
  const b = new LedgerBuilder('EX4').addCustomer('C1');
  const december = b.invoice('C1', '2024-12-01', '2024-12-31', eur(6_200));
  const january = b.invoice('C1', '2025-01-10', '2025-02-09', eur(3_390));
  const february = b.invoice('C1', '2025-02-01', '2025-03-03', eur(3_610));
  const march = b.invoice('C1', '2025-03-15', '2025-04-14', eur(3_890));
  b.payment('C1', '2025-01-05', [[december, eur(6_200)]]);
  b.payment('C1', '2025-02-09', [[january, eur(3_390)]]);
  b.payment('C1', '2025-03-20', [
    [february, eur(860)],
    [march, eur(300)],
  ]);
  return b;
}

/** Example 5 (gaviti): beginning 100,000, sales 1,000,000 over 12 months, ending 120,000 of which 100,000 current. */
function example5(): LedgerBuilder {
  const b = new LedgerBuilder('EX5').addCustomer('C1');
  const opening = b.invoice('C1', '2024-12-15', '2025-01-14', eur(100_000));
  b.payment('C1', '2025-01-14', [[opening, eur(100_000)]]);
  for (let month = 1; month <= 11; month++) {
    const mm = String(month).padStart(2, '0');
    const ref = b.invoice(
      'C1',
      `2025-${mm}-01`,
      `2025-${String(month + 1).padStart(2, '0')}-01`,
      eur(80_000),
    );
    b.payment('C1', `2025-${String(month + 1).padStart(2, '0')}-01`, [
      [ref, eur(month === 11 ? 60_000 : 80_000)],
    ]);
  }
  const december = b.invoice('C1', '2025-12-15', '2026-01-14', eur(120_000));
  b.payment('C1', '2025-12-20', [[december, eur(20_000)]]);
  return b;
}

/** Example 6 (growfin): June sales 30,000; AR 10,000 of which 2,000 past due. */
function example6(): LedgerBuilder {
  const b = new LedgerBuilder('EX6').addCustomer('C1');
  b.invoice('C1', '2025-06-01', '2025-06-15', eur(2_000));
  const paid = b.invoice('C1', '2025-06-02', '2025-06-20', eur(20_000));
  b.invoice('C1', '2025-06-25', '2025-07-25', eur(8_000));
  b.payment('C1', '2025-06-20', [[paid, eur(20_000)]]);
  return b;
}

/** Example 7 (waycalculator): DSO 7, best possible DSO 3 → ADD 4 (June sales 30,000, AR 7,000, 3,000 current). */
function example7(): LedgerBuilder {
  const b = new LedgerBuilder('EX7').addCustomer('C1');
  const late = b.invoice('C1', '2025-06-01', '2025-06-15', eur(10_000));
  const paid = b.invoice('C1', '2025-06-02', '2025-06-20', eur(17_000));
  b.invoice('C1', '2025-06-25', '2025-07-25', eur(3_000));
  b.payment('C1', '2025-06-20', [
    [paid, eur(17_000)],
    [late, eur(6_000)],
  ]);
  return b;
}

describe('ar-metrics.md worked examples, computed from the ledger', () => {
  it('example 1 — simple DSO 30.4 days', async () => {
    const report = await kpis('EX1', { from: '2025-01-01', to: '2025-12-31' });
    expect(report.days).toBe(365);
    expect(report.creditSalesMinor).toBe(eur(1_800_000));
    expect(report.endingReceivablesMinor).toBe(eur(150_000));
    expect(report.dsoSimpleDays).toBeCloseTo(30.41667, 2);
  });

  it('example 2 — countback DSO 73.7 days with 30-day months', async () => {
    const report = await kpis('EX2', { from: '2025-04-01', to: '2025-06-30', countbackDayBasis: 'thirty' });
    expect(report.endingReceivablesMinor).toBe(eur(212_000));
    expect(report.dsoCountbackDays).toBeCloseTo(73.714286, 2);
  });

  it('example 3 — countback DSO 76.71 days in calendar days', async () => {
    const report = await kpis('EX3', { from: '2025-01-01', to: '2025-03-31' });
    expect(report.endingReceivablesMinor).toBe(eur(2_100_000));
    expect(report.dsoCountbackDays).toBeCloseTo(76.714286, 2);
  });

  it('example 4 — CEI 79.63 % (full period); 55.9 % is the same formula on sales ÷ 3', async () => {
    const report = await kpis('EX4', { from: '2025-01-01', to: '2025-03-31' });
    expect([report.beginningReceivablesMinor, report.creditSalesMinor]).toEqual([eur(6_200), eur(10_890)]);
    expect([report.endingReceivablesMinor, report.endingCurrentMinor]).toEqual([eur(6_340), eur(3_590)]);
    // CreditGuru's figure: the period's inputs with the monthly average credit sales.
    const creditGuru = collectionEffectiveness({
      beginningReceivablesMinor: report.beginningReceivablesMinor,
      creditSalesMinor: report.creditSalesMinor / 3,
      endingReceivablesMinor: report.endingReceivablesMinor,
      endingCurrentReceivablesMinor: report.endingCurrentMinor,
    });
    expect(creditGuru).toBeCloseTo(55.929, 2);
    expect(report.ceiFullPeriodPct).toBeCloseTo(79.63, 2);
    // Months: 100 %, 100 %, 1,160 ÷ 3,910; their mean.
    expect(report.monthly.map((m) => m.ceiFullPeriodPct)).toEqual([100, 100, 29.67]);
    expect(report.ceiMonthlyAveragePct).toBe(76.56);
    expect(report.dsoSimpleDays).toBeCloseTo(52.397, 2);
    expect(report.bestPossibleDsoDays).toBeCloseTo(29.669, 2);
    expect(report.averageDaysDelinquent).toBeCloseTo(22.727, 2);
    expect(report.dsoCountbackDays).toBeCloseTo(50.003, 2);
  });

  it('example 5 — CEI 98 % over a year', async () => {
    const report = await kpis('EX5', { from: '2025-01-01', to: '2025-12-31' });
    expect(report.creditSalesMinor).toBe(eur(1_000_000));
    expect([report.beginningReceivablesMinor, report.endingReceivablesMinor]).toEqual([
      eur(100_000),
      eur(120_000),
    ]);
    expect(report.endingCurrentMinor).toBe(eur(100_000));
    expect(report.ceiFullPeriodPct).toBeCloseTo(98, 2);
  });

  it('example 6 — DSO 10, best possible DSO 8, ADD 2', async () => {
    const report = await kpis('EX6', { from: '2025-06-01', to: '2025-06-30' });
    expect(report.endingOverdueMinor).toBe(eur(2_000));
    expect(report.dsoSimpleDays).toBeCloseTo(10, 2);
    expect(report.bestPossibleDsoDays).toBeCloseTo(8, 2);
    expect(report.averageDaysDelinquent).toBeCloseTo(2, 2);
  });

  it('example 7 — DSO 7, best possible DSO 3, ADD 4', async () => {
    const report = await kpis('EX7', { from: '2025-06-01', to: '2025-06-30' });
    expect(report.dsoSimpleDays).toBeCloseTo(7, 2);
    expect(report.bestPossibleDsoDays).toBeCloseTo(3, 2);
    expect(report.averageDaysDelinquent).toBeCloseTo(4, 2);
  });

  it('CEI of each month, of the period and the mean of the months: one formula, exact figures', async () => {
    const report = await kpis('CEIM', { from: '2025-01-01', to: '2025-03-31' });
    expect(report.monthly.map((m) => [m.beginningReceivablesMinor, m.creditSalesMinor])).toEqual([
      [eur(10_000), eur(20_000)],
      [eur(22_000), eur(30_000)],
      [eur(37_000), eur(40_000)],
    ]);
    expect(report.monthly.map((m) => [m.endingReceivablesMinor, m.endingCurrentMinor])).toEqual([
      [eur(22_000), eur(20_000)],
      [eur(37_000), eur(30_000)],
      [eur(45_000), eur(40_000)],
    ]);
    // 8,000 ÷ 10,000; 15,000 ÷ 22,000; 32,000 ÷ 37,000.
    expect(report.monthly.map((m) => m.ceiFullPeriodPct)).toEqual([80, 68.18, 86.49]);
    expect(report.monthly.map((m) => m.ceiMonthlyAveragePct)).toEqual([80, 68.18, 86.49]);
    // (10,000 + 90,000 − 45,000) ÷ (10,000 + 90,000 − 40,000) = 55,000 ÷ 60,000.
    expect(report.ceiFullPeriodPct).toBe(91.67);
    // (80 + 68.1818… + 86.4864…) ÷ 3, rounded once.
    expect(report.ceiMonthlyAveragePct).toBe(78.22);
  });

  it('monthly evolution adds up to the period (example 4)', async () => {
    const report = await kpis('EX4', { from: '2025-01-01', to: '2025-03-31' });
    expect(report.monthly.map((m) => m.creditSalesMinor)).toEqual([eur(3_390), eur(3_610), eur(3_890)]);
    expect(report.monthly.map((m) => m.endingReceivablesMinor)).toEqual([eur(3_390), eur(3_610), eur(6_340)]);
    expect(report.averagePaymentDelayDays).not.toBeNull();
  });
});
