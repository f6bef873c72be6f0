/**
 * Schedules: a job kind started by a cron expression read in a time zone (the company's; the
 * companies have no zone of their own yet, so Europe/Paris by default). `tickSchedules(now)`
 * fires every schedule whose next instant has come — the worker calls it with its clock, a test
 * with any instant it likes. A schedule whose kind is still running is skipped, not queued
 * twice; a scheduler that was down fires a missed schedule once, then goes on from now.
 */
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import {
  deleteSchedule,
  findSchedule,
  insertSchedule,
  listScheduleRecords,
  lockDueSchedules,
  markScheduleFired,
  type ScheduleRecord,
  updateSchedule,
} from '#db/jobs/schedule-queries';
import { worded, wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError, type WordingParam } from '../errors.ts';
import { jobKindWords } from './error-words.ts';
import { JOB_KINDS } from './job-kinds.ts';
import { enqueueJobOutcome } from './jobs.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export interface ScheduleView {
  id: number;
  kind: string;
  cron: string;
  timeZone: string;
  payload: unknown;
  enabled: boolean;
  lastFiredAt: string | null;
  nextFireAt: string | null;
  createdBy: string;
}

function toView(record: ScheduleRecord): ScheduleView {
  const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());
  return {
    id: record.scheduleId,
    kind: record.kind,
    cron: record.cron,
    timeZone: record.timeZone,
    payload: record.payload,
    enabled: record.enabled,
    lastFiredAt: iso(record.lastFiredAt),
    nextFireAt: iso(record.nextFireAt),
    createdBy: record.createdBy,
  };
}

/**
 * What croner found wrong, in the reader's words: its messages are English and its values
 * zero-based (« Invalid value for day: 31 » for a 32), so the field's range is said instead.
 */
function cronProblem(message: string): WordingParam {
  const field = /Invalid value for (\w+)/.exec(message)?.[1];
  if (field) return worded('errors.jobs.cronProblem', { problem: field, entry: '', value: '' });
  const entry = /configuration entry (\d+) \(([^)]*)\) contains illegal characters/.exec(message);
  if (entry)
    return worded('errors.jobs.cronProblem', {
      problem: 'characters',
      entry: entry[1] ?? '',
      value: entry[2] ?? '',
    });
  const range = /From value is larger than to value: '([^']*)'/.exec(message)?.[1];
  if (range !== undefined)
    return worded('errors.jobs.cronProblem', { problem: 'range', entry: '', value: range });
  const parts = /space separated parts are required|requires exactly/.test(message);
  return worded('errors.jobs.cronProblem', { problem: parts ? 'parts' : 'other', entry: '', value: '' });
}

/** The first instant strictly after `after` matching the expression in the zone (null: never). */
export function nextFireTime(cron: string, timeZone: string, after: Date): Date | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainError(
      'invalid_input',
      { key: 'errors.jobs.timeZone', params: { zone: timeZone } },
      { timeZone },
    );
  }
  let pattern: Cron;
  try {
    pattern = new Cron(cron, { timezone: timeZone, paused: true });
  } catch (error) {
    throw new DomainError(
      'invalid_input',
      { key: 'errors.jobs.cron', params: { cron, problem: cronProblem((error as Error).message) } },
      { cron },
    );
  }
  return pattern.nextRun(after);
}

export interface ScheduleInput {
  kind: string;
  cron: string;
  timeZone?: string | undefined;
  payload?: unknown;
  enabled?: boolean | undefined;
}

function checked(ctx: AppContext, input: ScheduleInput) {
  const definition = JOB_KINDS.get(input.kind);
  if (!definition)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.jobs.unknownKind', params: { kind: input.kind } },
      { kind: input.kind },
    );
  if (ctx.user && !definition.startableBy.includes(ctx.user.role))
    throw new DomainError('forbidden', {
      key: 'errors.jobs.roleMayNotSchedule',
      params: { role: wordedLabel('role', ctx.user.role), kind: jobKindWords(input.kind) },
    });
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const enabled = input.enabled ?? true;
  const nextFireAt = nextFireTime(input.cron, timeZone, ctx.clock.now());
  return {
    kind: input.kind,
    cron: input.cron,
    timeZone,
    enabled,
    payload: definition.parsePayload(input.payload ?? {}),
    nextFireAt: enabled ? nextFireAt : null,
  };
}

export async function addSchedule(ctx: AppContext, input: ScheduleInput): Promise<ScheduleView> {
  const schedule = checked(ctx, input);
  return ctx.db.transaction().execute(async (trx) => {
    const record = await insertSchedule(trx, { ...schedule, companyId: ctx.companyId, createdBy: ctx.actor });
    const view = toView(record);
    await audit(ctx, trx, 'job_schedule.create', view.id, null, view);
    return view;
  });
}

export async function listSchedules(ctx: AppContext): Promise<ScheduleView[]> {
  return (await listScheduleRecords(ctx.db, ctx.companyId)).map(toView);
}

export async function changeSchedule(
  ctx: AppContext,
  scheduleId: number,
  change: Partial<Omit<ScheduleInput, 'kind'>>,
): Promise<ScheduleView> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findSchedule(trx, ctx.companyId, scheduleId);
    if (!existing)
      throw new DomainError('not_found', {
        key: 'errors.jobs.noSchedule',
        params: { id: String(scheduleId) },
      });
    const before = toView(existing);
    const next = checked(ctx, {
      kind: existing.kind,
      cron: change.cron ?? existing.cron,
      timeZone: change.timeZone ?? existing.timeZone,
      payload: change.payload ?? existing.payload,
      enabled: change.enabled ?? existing.enabled,
    });
    const record = await updateSchedule(trx, ctx.companyId, scheduleId, next);
    if (!record)
      throw new DomainError('not_found', {
        key: 'errors.jobs.noSchedule',
        params: { id: String(scheduleId) },
      });
    const view = toView(record);
    await audit(ctx, trx, 'job_schedule.update', scheduleId, before, view);
    return view;
  });
}

export async function removeSchedule(ctx: AppContext, scheduleId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findSchedule(trx, ctx.companyId, scheduleId);
    if (!existing)
      throw new DomainError('not_found', {
        key: 'errors.jobs.noSchedule',
        params: { id: String(scheduleId) },
      });
    await deleteSchedule(trx, ctx.companyId, scheduleId);
    await audit(ctx, trx, 'job_schedule.delete', scheduleId, toView(existing), null);
  });
}

function audit(
  ctx: AppContext,
  trx: Kysely<Database>,
  action: string,
  scheduleId: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  return recordAudit(ctx, trx, {
    action,
    entity: 'job_schedule',
    entityKey: String(scheduleId),
    before,
    after,
  });
}

export interface FiredSchedule {
  companyId: string;
  scheduleId: number;
  kind: string;
  /** Null when the schedule could not start its kind (unknown kind, payload no longer valid). */
  jobId: number | null;
  /** False when a job of the kind was still queued or running: nothing new was queued. */
  queued: boolean;
  nextFireAt: string | null;
}

/** Fires the schedules due at `now`, across companies, in one short transaction. */
export async function tickSchedules(deps: { db: Kysely<Database> }, now: Date): Promise<FiredSchedule[]> {
  return deps.db.transaction().execute(async (trx) => {
    const fired: FiredSchedule[] = [];
    for (const schedule of await lockDueSchedules(trx, now, 100)) {
      // A kind no longer known or a payload no longer valid is refused before any SQL runs:
      // the schedule moves on instead of blocking the others at every tick.
      const outcome = await enqueueJobOutcome(
        { db: trx, companyId: schedule.companyId, actor: `schedule ${schedule.scheduleId}` },
        schedule.kind,
        schedule.payload,
        { ifActive: 'return', scheduleId: schedule.scheduleId },
      ).catch((error: unknown) => {
        if (error instanceof DomainError) return null;
        throw error;
      });
      const next = nextFireTime(schedule.cron, schedule.timeZone, now);
      await markScheduleFired(trx, schedule, now, next);
      fired.push({
        companyId: schedule.companyId,
        scheduleId: schedule.scheduleId,
        kind: schedule.kind,
        jobId: outcome?.job.id ?? null,
        queued: outcome?.created ?? false,
        nextFireAt: next === null ? null : next.toISOString(),
      });
    }
    return fired;
  });
}
