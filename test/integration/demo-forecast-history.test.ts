/**
 * A first start loads the demo company and queues the stored forecasts of its last 26 weeks, so
 * that the forecast page shows forecast against actual without anyone asking (serve-commands.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDemoForecastHistory } from '#app/demo/demo';
import { listJobs } from '#app/jobs/jobs';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openDemoTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the demo forecast history queued on first start', () => {
  it('queues one backfill of 26 weeks, and no second one while it waits', async () => {
    const ctx = database.context('CB2C');
    const system = { db: ctx.db, clock: ctx.clock, log: ctx.log, actor: 'system' };
    await queueDemoForecastHistory(system, 'CB2C');
    await queueDemoForecastHistory(system, 'CB2C');
    const jobs = await listJobs(ctx, { kind: 'forecast.snapshot' });
    expect(jobs.total).toBe(1);
    expect(jobs.items[0]).toMatchObject({
      status: 'queued',
      payload: { asOf: null, backfillWeeks: 26 },
      createdBy: 'system',
    });
  });
});
