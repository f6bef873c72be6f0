/**
 * The dashboard's portfolio figures (GET /api/portfolio/summary) state the encours the other pages
 * state: each customer's net balance (customer-totals.ts), so a customer in credit lowers the total
 * as it lowers the aged balance's, the risk table's and the customer list's; and what is overdue
 * plus what is not yet due (net of the credits) makes that total.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { listCustomers } from '#app/customers/customers';
import { getPortfolioSummary } from '#app/customers/portfolio-summary';
import { loadDataset } from '#app/demo/load-dataset';
import { getAgedBalance } from '#app/reports/aging';
import { getRiskTable } from '#app/reports/risk';
import { customer } from '../scenarios/ledger-builder.ts';
import { ledgerDocument as doc } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-04-30';
let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = { ...database.context('PS'), actor: 'test' };
  await loadDataset(ctx, {
    company: { code: 'PS', name: 'PS SA', currency: 'EUR', asOf: AS_OF },
    customers: [
      customer('C1', { customerType: 'sme', creditLimitMinor: 500_000 }),
      customer('C2', { customerType: 'wholesaler', creditLimitMinor: 100_000 }),
      // No limit and nothing owed: it still falls in one of the limit buckets.
      customer('C3', { customerType: 'sme', creditLimitMinor: null }),
    ],
    documents: [
      // C1 owes 2 700 €: 1 000 € overdue, 2 000 € not yet due, less a credit note of 300 €.
      doc('invoice', 'I1', 'C1', '2026-03-01', '2026-03-31', 100_000),
      doc('invoice', 'I2', 'C1', '2026-04-15', '2026-05-31', 200_000),
      doc('credit_note', 'CN1', 'C1', '2026-04-20', '2026-04-20', -30_000),
      // C2 paid 1 000 € not yet matched against its overdue 800 €: it is 200 € in credit.
      doc('invoice', 'I3', 'C2', '2026-02-13', '2026-03-15', 80_000),
      doc('payment', 'P1', 'C2', '2026-04-28', '2026-04-28', -100_000),
    ],
    allocations: [],
    orders: [],
    events: [],
    users: [],
  });
});

afterAll(async () => {
  await database?.close();
});

describe('the portfolio summary with a customer in credit', () => {
  it('states the net encours of the aged balance, the risk table and the customer list', async () => {
    const [summary, aged, risk, list] = await Promise.all([
      getPortfolioSummary(ctx, { asOf: AS_OF }),
      getAgedBalance(ctx, { asOf: AS_OF }),
      getRiskTable(ctx, { asOf: AS_OF }),
      listCustomers(ctx, { asOf: AS_OF }),
    ]);
    expect(list.items.find((c) => c.code === 'C2')?.balanceMinor).toBe(-20_000);
    // 2 700 € − 200 €: not 2 700 €, which left C2's credit out.
    expect(summary.outstandingMinor).toBe(250_000);
    expect(summary.outstandingMinor).toBe(aged.totals.totalMinor);
    expect(summary.outstandingMinor).toBe(risk.rows.reduce((s, row) => s + row.balanceMinor, 0));
    expect(summary.outstandingMinor).toBe(list.items.reduce((s, c) => s + c.balanceMinor, 0));
    expect(summary.overdueMinor).toBe(180_000);
    expect(summary.overdueMinor).toBe(risk.rows.reduce((s, row) => s + row.overdueMinor, 0));
    expect(summary.notDueMinor).toBe(70_000);
    expect(summary.overdueMinor + summary.notDueMinor).toBe(summary.outstandingMinor);
  });

  it('adds up per customer type the same way, a type in credit included', async () => {
    const summary = await getPortfolioSummary(ctx, { asOf: AS_OF });
    const byType = Object.fromEntries(
      summary.byCustomerType.map((t) => [
        t.customerType,
        [t.outstandingMinor, t.overdueMinor, t.notDueMinor],
      ]),
    );
    expect(byType).toEqual({ sme: [270_000, 100_000, 170_000], wholesaler: [-20_000, 80_000, -100_000] });
    // A customer in credit is under its limit; one without a limit owing nothing has a bucket too.
    const buckets = (figures: typeof summary) => [
      figures.overLimit,
      figures.nearLimit,
      figures.underLimit,
      figures.withoutLimit,
      figures.withoutLimitNothingExposed,
    ];
    expect(buckets(summary)).toEqual([0, 0, 2, 0, 1]);
    // Every customer in exactly one bucket, per type and in all.
    const sum = (figures: typeof summary) => buckets(figures).reduce((a, b) => a + b, 0);
    expect(sum(summary)).toBe(summary.customerCount);
    for (const row of summary.byCustomerType)
      expect(sum({ ...summary, ...row }), row.customerType).toBe(row.customerCount);
  });
});
