/**
 * The demo company's collection organisation: the credit manager holds the key accounts, the
 * collector the others, each has a target for the reference month with its progress, and the
 * collector's agenda opens on their own portfolio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getAgenda } from '#app/dunning/agenda';
import { targetProgress } from '#app/dunning/collection-targets';
import { selectPortfolios } from '#db/dunning/collector-queries';
import { DEMO_AS_OF, DEMO_USERS } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
}, 600_000);
afterAll(async () => database?.close());

const emailOfRole = (role: string) => DEMO_USERS.find((u) => u.role === role)?.email ?? '';

describe('the demo company’s portfolios and targets', () => {
  it('puts every customer in one portfolio: 25 key accounts with the credit manager', async () => {
    const rows = await selectPortfolios(ctx.db, 'CB2C');
    const byCollector = new Map<string, number>();
    for (const row of rows)
      byCollector.set(row.collectorEmail, (byCollector.get(row.collectorEmail) ?? 0) + 1);
    expect(byCollector.get(emailOfRole('credit_manager'))).toBe(25);
    expect(byCollector.get(emailOfRole('collector'))).toBe(rows.length - 25);
    expect(new Set(rows.map((r) => r.customerCode)).size).toBe(rows.length);
  });

  it('sets each a target for the reference month, in thousands of euros, with progress', async () => {
    const progress = await targetProgress(ctx, DEMO_AS_OF);
    for (const role of ['credit_manager', 'collector']) {
      const own = progress.find((p) => p.collector === emailOfRole(role));
      expect(own?.month).toBe(DEMO_AS_OF.slice(0, 7));
      expect(own?.targetMinor).toBeGreaterThan(0);
      expect((own?.targetMinor ?? 1) % 100_000).toBe(0);
      expect(own?.collectedMinor).toBeGreaterThan(0);
      expect(own?.progressBp).toBe(
        Math.round(((own?.collectedMinor ?? 0) * 10_000) / (own?.targetMinor ?? 1)),
      );
    }
  });

  it('opens the collector’s agenda on their own portfolio', async () => {
    const collector = DEMO_USERS.find((u) => u.role === 'collector');
    if (!collector) throw new Error('the demo has a collector');
    const user = { email: collector.email, name: collector.name, role: collector.role, salesperson: null };
    const agenda = await getAgenda({ ...ctx, user }, { asOf: DEMO_AS_OF });
    expect(agenda.scope).toMatchObject({ kind: 'collector' });
    expect(agenda.entries.length).toBeGreaterThan(0);
  });
});
