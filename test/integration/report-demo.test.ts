/**
 * Reports on the demo company SA CB2C: every planted situation of its manifest is found by the
 * anomalies report, and the aged balance, risk table and indicators agree with the ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { listCustomers } from '#app/customers/customers';
import { getPortfolioSummary } from '#app/customers/portfolio-summary';
import { generateDemoDataset } from '#app/demo/demo';
import { getAgedBalance } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { getCrosstab } from '#app/reports/crosstab';
import { getKpis } from '#app/reports/kpis';
import { getRiskTable } from '#app/reports/risk';
import type { DemoDataset } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let demo: DemoDataset;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  demo = generateDemoDataset();
});
afterAll(async () => database?.close());

const FINDING_FOR_SITUATION: Record<string, string> = {
  over_limit_with_pending_orders: 'over_limit',
  receivership: 'insolvency_with_exposure',
  dispute: 'disputed_items',
  bounced_payment: 'bounced_payment',
  chronic_late_never_reminded: 'overdue_90_no_reminder',
  salesperson_overdue_growing: 'salesperson_overdue_growing',
  no_credit_limit_with_exposure: 'no_credit_limit_with_exposure',
  dso_drift: 'dso_drift',
};

describe('reports on the demo company', () => {
  it('finds every planted situation of the manifest, with the customer concerned', async () => {
    const report = await getAnomalies(ctx);
    expect(report.asOf).toBe('2026-06-30');
    const missing = demo.manifest.situations
      .filter((situation) => situation.kind in FINDING_FOR_SITUATION)
      .filter((situation) => {
        const kind = FINDING_FOR_SITUATION[situation.kind];
        return !report.findings.some(
          (finding) =>
            finding.kind === kind && finding.customers.some((c) => c.code === situation.customerCode),
        );
      })
      .map((situation) => `${situation.kind} ${situation.customerCode}`);
    expect(missing).toEqual([]);
    const over = report.findings.find((f) => f.kind === 'over_limit');
    expect(over?.severity).toBe('critical');
  });

  it('titles the same findings in English on request', async () => {
    const french = await getAnomalies(ctx);
    const english = await getAnomalies(ctx, { lang: 'en' });
    expect(english.findings.map((f) => [f.kind, f.customers.length])).toEqual(
      french.findings.map((f) => [f.kind, f.customers.length]),
    );
    const titles = english.findings.map((f) => f.title);
    expect(titles).toContain('Exposure over the credit limit');
    english.findings.forEach((finding, i) => {
      expect(finding.title).not.toBe(french.findings[i]?.title);
      expect(finding.title).not.toMatch(/ (de|des|sur|sans|avec) /);
    });
  });

  it('ties the aged balance to the ledger total', async () => {
    const aging = await getAgedBalance(ctx);
    expect(aging.totals.totalMinor).toBe(488_019_313);
    expect(aging.proof).toMatchObject({
      bucketsMatchBalances: true,
      bucketsMatchTotal: true,
      matchesLedger: true,
    });
    const bySalesperson = await getAgedBalance(ctx, { groupBy: 'salesperson' });
    expect(bySalesperson.totals.totalMinor).toBe(488_019_313);
  });

  it('rates the planted customers in the risk table', async () => {
    const table = await getRiskTable(ctx);
    const rowOf = (kind: string) => {
      const code = demo.manifest.situations.find((s) => s.kind === kind)?.customerCode;
      return table.rows.find((row) => row.code === code);
    };
    expect(rowOf('receivership')).toMatchObject({
      riskLevel: 'critical',
      rule: 'insolvency_proceedings',
      proceedings: true,
    });
    expect(rowOf('dispute')?.dispute).toBe(true);
    expect(rowOf('over_limit_with_pending_orders')?.limitUsage).toBeGreaterThan(1);
    expect(table.rows.reduce((s, row) => s + row.balanceMinor, 0)).toBe(488_019_313);
  });

  it('counts the same customers over their limit in the indicators and in the anomalies', async () => {
    const [kpis, anomalies] = await Promise.all([getKpis(ctx), getAnomalies(ctx)]);
    const overLimit = anomalies.findings.find((f) => f.kind === 'over_limit');
    expect(overLimit?.customers.length).toBe(kpis.customersOverLimit);
    // A limit of 0 with a balance is over it (the receivership customer of the demo has one).
    expect(kpis.customersOverLimit).toBeGreaterThan(0);
  });

  it('sums the portfolio summary over every customer, as the list and the indicators count them', async () => {
    const [summary, list, kpis] = await Promise.all([
      getPortfolioSummary(ctx),
      listCustomers(ctx),
      getKpis(ctx),
    ]);
    const items = list.items;
    expect(summary.customerCount).toBe(list.total);
    expect(summary.outstandingMinor).toBe(items.reduce((s, c) => s + c.balanceMinor, 0));
    expect(summary.overdueMinor).toBe(items.reduce((s, c) => s + c.overdueMinor, 0));
    expect(summary.overLimit).toBe(kpis.customersOverLimit);
    expect(summary.withoutLimit).toBe(kpis.customersWithoutLimitWithBalance);
    const limited = items.filter((c) => c.creditLimitMinor !== null).length;
    expect(summary.overLimit + summary.nearLimit + summary.underLimit).toBe(limited);
    // Every customer in one limit bucket: those with no limit and nothing owed too (298 of 300 before).
    const unlimited = summary.withoutLimit + summary.withoutLimitNothingExposed;
    expect(summary.overLimit + summary.nearLimit + summary.underLimit + unlimited).toBe(list.total);
    expect(summary.byCustomerType.reduce((s, t) => s + t.customerCount, 0)).toBe(list.total);
    expect(summary.byCustomerType.reduce((s, t) => s + t.overdueMinor, 0)).toBe(summary.overdueMinor);
  });

  it('computes twelve months of indicators', async () => {
    const kpis = await getKpis(ctx);
    expect([kpis.from, kpis.to, kpis.monthly.length]).toEqual(['2025-07-01', '2026-06-30', 12]);
    expect(kpis.endingReceivablesMinor).toBe(488_019_313);
    expect(kpis.monthly.at(-1)?.endingReceivablesMinor).toBe(488_019_313);
    expect(kpis.dsoSimpleDays).toBeGreaterThan(0);
    expect(kpis.customersWithoutLimitWithBalance).toBeGreaterThan(0);
    expect(kpis.salesByCustomerType.reduce((s, row) => s + row.salesMinor, 0)).toBe(kpis.creditSalesMinor);
  });
});

describe("a salesperson's reports cover only their customers, whatever the request asks", () => {
  const as = (salesperson: string | null): AppContext => ({
    ...ctx,
    user: { email: 'someone@cb2c.example', name: 'Someone', role: 'salesperson', salesperson },
  });

  it('narrows the aged balance, the risk table and the cross tabulation to their customers', async () => {
    const whole = await getAgedBalance(ctx, { groupBy: 'salesperson' });
    const sophie = whole.groups.find((group) => group.key === 'Sophie Bernard');
    expect(sophie?.totalMinor).toBeGreaterThan(0);
    const own = await getAgedBalance(as('Sophie Bernard'), { groupBy: 'salesperson' });
    expect(own.groups.map((group) => group.key)).toEqual(['Sophie Bernard']);
    expect(own.totals.totalMinor).toBe(sophie?.totalMinor);
    const risk = await getRiskTable(as('Sophie Bernard'));
    expect(risk.rows.length).toBeGreaterThan(0);
    expect(new Set(risk.rows.map((row) => row.salesperson))).toEqual(new Set(['Sophie Bernard']));
    const crosstab = await getCrosstab(as('Sophie Bernard'), {
      rows: 'salesperson',
      columns: 'customer_type',
    });
    expect(crosstab.rowKeys).toEqual(['Sophie Bernard']);
  });

  it("refuses another salesperson's figures and a salesperson with no name", async () => {
    await expect(getAgedBalance(as('Sophie Bernard'), { salesperson: 'Karim Haddad' })).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    await expect(getAgedBalance(as(null))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getRiskTable(as(null))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getKpis(as(null))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getAnomalies(as(null))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('sums the portfolio summary over their customers only, and nothing without a name', async () => {
    const [whole, own, ownList] = await Promise.all([
      getPortfolioSummary(ctx),
      getPortfolioSummary(as('Sophie Bernard')),
      listCustomers(as('Sophie Bernard')),
    ]);
    expect(own.customerCount).toBe(ownList.total);
    expect(own.customerCount).toBeLessThan(whole.customerCount);
    expect(own.outstandingMinor).toBe(ownList.items.reduce((s, c) => s + c.balanceMinor, 0));
    expect(own.outstandingMinor).toBeLessThan(whole.outstandingMinor);
    const nobody = await getPortfolioSummary(as(null));
    expect([nobody.customerCount, nobody.outstandingMinor, nobody.byCustomerType]).toEqual([0, 0, []]);
  });

  it('computes the indicators and the anomalies of their portfolio only', async () => {
    const sophie = as('Sophie Bernard');
    const [whole, own, ownRisk] = await Promise.all([getKpis(ctx), getKpis(sophie), getRiskTable(sophie)]);
    const aged = await getAgedBalance(ctx, { groupBy: 'salesperson', asOf: own.to });
    const ownAged = aged.groups.find((group) => group.key === 'Sophie Bernard');
    expect(own.endingReceivablesMinor).toBe(ownAged?.totalMinor);
    expect(own.endingReceivablesMinor).toBeLessThan(whole.endingReceivablesMinor);
    expect(own.customersWithBalance).toBe(ownRisk.rows.filter((row) => row.balanceMinor > 0).length);
    expect(own.creditSalesMinor).toBeLessThan(whole.creditSalesMinor);
    const ownCodes = new Set(ownRisk.rows.map((row) => row.code));
    expect(own.paymentDelayByCustomer.every((row) => ownCodes.has(row.customerCode))).toBe(true);
    const anomalies = await getAnomalies(sophie);
    const named = anomalies.findings.flatMap((finding) => finding.customers.map((c) => c.code));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((code) => !ownCodes.has(code))).toEqual([]);
  });
});
