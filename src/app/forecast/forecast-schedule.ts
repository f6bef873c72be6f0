/**
 * The weekly `forecast.snapshot` schedule (FORECAST_SCHEDULE, Monday 06:00): without it nothing is
 * stored week by week, forecast against actual stops at the first backfill and the agenda always
 * recomputes. Installed for every company, once:
 * - when a company is created (`createCompany`) and when the demo is loaded (`loadDemoCompany`);
 * - when a job worker starts (`serve`, `jobs worker`), for the companies made another way (a first
 *   import under `--company`) or before schedules were installed: the worker is what fires them, so
 *   no schedule is missing while one runs.
 * Once means once: a company that has, or ever had, a `forecast.snapshot` schedule (its audit
 * trail says so) is left alone, so that one its people removed stays removed and one they moved
 * keeps its hour.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import { lockCompanyRow, scheduleKnown, selectCompanyIds } from '#db/jobs/schedule-install-queries';
import { insertSchedule } from '#db/jobs/schedule-queries';
import { recordAudit } from '../audit/audit.ts';
import { DEFAULT_TIME_ZONE, nextFireTime } from '../jobs/schedules.ts';
import { FORECAST_SCHEDULE } from './snapshot-job.ts';

/** Installs the schedule unless the company has or had one; true when it was installed now. */
export async function installForecastSchedule(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  now: Date,
): Promise<boolean> {
  const { kind, cron, payload } = FORECAST_SCHEDULE;
  const install = async (trx: Kysely<Database>) => {
    // Serialises two starting workers on the same company: the second sees the first's row.
    await lockCompanyRow(trx, companyId);
    if (await scheduleKnown(trx, companyId, kind)) return false;
    const record = await insertSchedule(trx, {
      companyId,
      kind,
      cron,
      timeZone: DEFAULT_TIME_ZONE,
      payload,
      enabled: true,
      nextFireAt: nextFireTime(cron, DEFAULT_TIME_ZONE, now),
      createdBy: actor,
    });
    await recordAudit({ companyId, actor }, trx, {
      action: 'job_schedule.create',
      entity: 'job_schedule',
      entityKey: String(record.scheduleId),
      before: null,
      after: { id: record.scheduleId, kind, cron, timeZone: DEFAULT_TIME_ZONE, payload, enabled: true },
    });
    return true;
  };
  // Inside a company's creation, in its transaction; else in one of its own.
  return db.isTransaction ? install(db) : db.transaction().execute(install);
}

/** Every company's schedule (a job worker's start): the companies it was installed for now. */
export async function installForecastSchedules(
  db: Kysely<Database>,
  actor: string,
  now: Date,
): Promise<string[]> {
  const installed: string[] = [];
  for (const companyId of await selectCompanyIds(db))
    if (await installForecastSchedule(db, companyId, actor, now)) installed.push(companyId);
  return installed;
}
