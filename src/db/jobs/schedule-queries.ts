/** Job schedules: a cron expression in a time zone, and the next instant it fires. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ScheduleRecord {
  companyId: string;
  scheduleId: number;
  kind: string;
  cron: string;
  timeZone: string;
  payload: unknown;
  enabled: boolean;
  lastFiredAt: Date | null;
  nextFireAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = sql`company_id as "companyId", schedule_id as "scheduleId", kind, cron, time_zone as "timeZone",
  payload, enabled, last_fired_at as "lastFiredAt", next_fire_at as "nextFireAt", created_by as "createdBy",
  created_at as "createdAt"`;

export interface NewSchedule {
  companyId: string;
  kind: string;
  cron: string;
  timeZone: string;
  payload: unknown;
  enabled: boolean;
  nextFireAt: Date | null;
  createdBy: string;
}

export async function insertSchedule(db: Kysely<Database>, schedule: NewSchedule): Promise<ScheduleRecord> {
  const result = await sql<ScheduleRecord>`
    insert into job_schedules (company_id, kind, cron, time_zone, payload, enabled, next_fire_at, created_by)
    values (${schedule.companyId}, ${schedule.kind}, ${schedule.cron}, ${schedule.timeZone},
      ${JSON.stringify(schedule.payload ?? {})}::jsonb, ${schedule.enabled}, ${schedule.nextFireAt},
      ${schedule.createdBy})
    returning ${COLUMNS}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('insert into job_schedules returned no row');
  return row;
}

export async function listScheduleRecords(
  db: Kysely<Database>,
  companyId: string,
): Promise<ScheduleRecord[]> {
  const result = await sql<ScheduleRecord>`select ${COLUMNS} from job_schedules
    where company_id = ${companyId} order by schedule_id`.execute(db);
  return result.rows;
}

export async function findSchedule(
  db: Kysely<Database>,
  companyId: string,
  scheduleId: number,
): Promise<ScheduleRecord | null> {
  const result = await sql<ScheduleRecord>`select ${COLUMNS} from job_schedules
    where company_id = ${companyId} and schedule_id = ${scheduleId}`.execute(db);
  return result.rows[0] ?? null;
}

export interface ScheduleChange {
  cron: string;
  timeZone: string;
  payload: unknown;
  enabled: boolean;
  nextFireAt: Date | null;
}

export async function updateSchedule(
  db: Kysely<Database>,
  companyId: string,
  scheduleId: number,
  change: ScheduleChange,
): Promise<ScheduleRecord | null> {
  const result = await sql<ScheduleRecord>`
    update job_schedules set cron = ${change.cron}, time_zone = ${change.timeZone},
      payload = ${JSON.stringify(change.payload ?? {})}::jsonb, enabled = ${change.enabled},
      next_fire_at = ${change.nextFireAt}, updated_at = now()
    where company_id = ${companyId} and schedule_id = ${scheduleId}
    returning ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

export async function deleteSchedule(
  db: Kysely<Database>,
  companyId: string,
  scheduleId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('job_schedules')
    .where('company_id', '=', companyId)
    .where('schedule_id', '=', scheduleId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Locks the enabled schedules due at the instant (next fire time reached), across companies.
 * Run inside the transaction that fires them: `skip locked` lets two schedulers run side by side
 * without firing a schedule twice.
 */
export async function lockDueSchedules(
  trx: Kysely<Database>,
  now: Date,
  limit: number,
): Promise<ScheduleRecord[]> {
  const result = await sql<ScheduleRecord>`select ${COLUMNS} from job_schedules
    where enabled and next_fire_at <= ${now}
    order by next_fire_at limit ${limit}
    for update skip locked`.execute(trx);
  return result.rows;
}

export async function markScheduleFired(
  trx: Kysely<Database>,
  schedule: Pick<ScheduleRecord, 'companyId' | 'scheduleId'>,
  firedAt: Date,
  nextFireAt: Date | null,
): Promise<void> {
  await sql`update job_schedules set last_fired_at = ${firedAt}, next_fire_at = ${nextFireAt}
    where company_id = ${schedule.companyId} and schedule_id = ${schedule.scheduleId}`.execute(trx);
}
