/**
 * The demo portfolio drifts: from June 2025 half its customers pay a few days later each month, and
 * one salesperson's customers far more (src/demo/portfolio.ts). The forecast says so and dates the
 * young invoices on the drift (portfolio-trend.ts); before it began, there is nothing to say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastCollections } from '#app/forecast/collections';
import { predictPayments } from '#app/forecast/predictions';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openDemoTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("the demo portfolio's drift", () => {
  it('is told by the collection forecast at the reference date, and not a year before', async () => {
    const ctx = database.context('CB2C');
    const now = await forecastCollections(ctx, { asOf: DEMO_AS_OF, weeks: 2 });
    expect(now.portfolioTrendDaysPerMonth).toBeGreaterThan(0.5);
    expect(now.portfolioTrendDaysPerMonth).toBeLessThan(1.5);
    const before = await forecastCollections(ctx, { asOf: '2025-06-30', weeks: 2 });
    expect(before.portfolioTrendDaysPerMonth).toBe(0);
  });

  it("names the portfolio's trend in the reasons of a customer whose own line does not stand out", async () => {
    const ctx = database.context('CB2C');
    const answer = await predictPayments(ctx, { asOf: DEMO_AS_OF, lang: 'fr' });
    const told = answer.items.filter((item) =>
      item.reasons.some((reason) => reason.message.startsWith('Tendance du portefeuille')),
    );
    expect(told.length).toBeGreaterThan(answer.items.length / 4);
  });
});
