/**
 * The demo's customer in receivership (Traiteur Durand): its score keeps its figure but its class
 * is the worst, with the reason, as the risk table already calls it critical; and the limit
 * history of the customer file shows the limit changes of the imported story, marked imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getLimitHistory } from '#app/credit/limits';
import { getRiskPanel } from '#app/credit/risk-panel';
import { scoreOneCustomer } from '#app/credit/scoring';
import { generateDemoDataset } from '#app/demo/demo';
import { getRiskTable } from '#app/reports/risk';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let receivership: string;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  receivership = generateDemoDataset().manifest.situations.find(
    (s) => s.kind === 'receivership',
  )!.customerCode;
}, 600_000);
afterAll(async () => {
  await database?.close();
});

describe('a customer in collective proceedings', () => {
  it('gets class E with the reason, in agreement with the risk table', async () => {
    const scored = await scoreOneCustomer(ctx, receivership);
    expect(scored.result.riskClass).toBe('E');
    expect(scored.result.override).toEqual({
      reason: 'collective_proceedings',
      riskClass: 'E',
      procedure: 'receivership',
    });
    const panel = await getRiskPanel(ctx, receivership);
    expect(panel.score).toMatchObject({
      riskClass: 'E',
      override: { reason: 'collective_proceedings', procedure: 'receivership' },
    });
    const table = await getRiskTable(ctx, { includeSettled: true });
    const row = table.rows.find((r) => r.code === receivership);
    expect(row).toMatchObject({ proceedings: true, riskLevel: 'critical' });
  });

  it('leaves a customer outside proceedings without an override', async () => {
    const scored = await scoreOneCustomer(ctx, 'C00002');
    expect(scored.result.override).toBeUndefined();
    expect(scored.result.riskClass).not.toBeNull();
  });
});

describe('limit history of the customer file', () => {
  it('includes the limit changes of the imported story, marked imported', async () => {
    const events = await ctx.db
      .selectFrom('customer_events')
      .select(['customer_code', 'event_date', 'detail'])
      .where('company_id', '=', 'CB2C')
      .where('kind', '=', 'limit_change')
      .where('customer_code', '=', 'C00162')
      .execute();
    expect(events.length).toBeGreaterThan(0);
    const history = await getLimitHistory(ctx, 'C00162');
    const imported = history.filter((item) => item.source === 'imported');
    expect(imported.map((item) => item.reason)).toEqual(expect.arrayContaining(events.map((e) => e.detail)));
    expect(imported.every((item) => item.kind === 'imported')).toBe(true);
    // Its words state the amounts (« Révision annuelle du plafond de crédit : 70 000,00 € → 100 000,00 € »):
    // before and after are read from them.
    expect(imported.map((item) => [item.previousMinor, item.amountMinor])).toEqual([[7_000_000, 10_000_000]]);
  });
});
