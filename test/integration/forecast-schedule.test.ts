/**
 * The weekly forecast schedule (app/forecast/forecast-schedule.ts): installed when a company is
 * created, for every company without one when a worker starts, once — a removed one stays removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import { createCompany } from '#app/companies/create-company';
import { installForecastSchedules } from '#app/forecast/forecast-schedule';
import { FORECAST_SCHEDULE } from '#app/forecast/snapshot-job';
import { listSchedules, removeSchedule } from '#app/jobs/schedules';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const NOW = new Date('2026-07-01T10:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const forecastSchedules = async (companyId: string) =>
  (await listSchedules(database.context(companyId))).filter((s) => s.kind === FORECAST_SCHEDULE.kind);

describe('the weekly forecast schedule', () => {
  it('comes with a company created with a clock, for Monday 06:00 in Paris', async () => {
    await createCompany(database.context('NEW'), { companyId: 'NEW', name: 'Nouvelle' });
    const [schedule, ...more] = await forecastSchedules('NEW');
    expect(more).toEqual([]);
    expect(schedule).toMatchObject({
      cron: '0 6 * * 1',
      timeZone: 'Europe/Paris',
      enabled: true,
      payload: { asOf: null, backfillWeeks: 0 },
      createdBy: 'test',
    });
    // The first Monday after the test clock's day (2026-06-30), 06:00 in Paris (04:00 UTC).
    expect(schedule?.nextFireAt).toBe('2026-07-06T04:00:00.000Z');
  });

  it('is installed by a starting worker for the companies without it, once, and a removed one stays removed', async () => {
    await ensureCompany({ db: database.runtime.handle.db }, { companyId: 'OLD', name: 'Ancienne' });
    await ensureCompany({ db: database.runtime.handle.db }, { companyId: 'GONE', name: 'Supprimée' });
    const db = database.runtime.handle.db;
    expect(await installForecastSchedules(db, 'system', NOW)).toEqual(['GONE', 'OLD']);
    expect(await installForecastSchedules(db, 'system', NOW)).toEqual([]);
    expect(await forecastSchedules('OLD')).toHaveLength(1);
    const [gone] = await forecastSchedules('GONE');
    await removeSchedule(database.context('GONE'), gone?.id ?? 0);
    expect(await installForecastSchedules(db, 'system', NOW)).toEqual([]);
    expect(await forecastSchedules('GONE')).toEqual([]);
    expect(await forecastSchedules('NEW')).toHaveLength(1);
  });
});
