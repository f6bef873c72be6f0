/** Responses of the jobs and schedules API, shared with the web app (which imports their static types). */
import { type Static, Type } from 'typebox';
import { Instant, Nullable, StringEnum } from './common.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStatusSchema = StringEnum(JOB_STATUSES);

export const JobSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'code: ledger.verify…' }),
  status: JobStatusSchema,
  progress: Type.Object({
    done: Type.Integer(),
    total: Nullable(Type.Integer()),
    code: Nullable(Type.String({ description: 'catalogue message code of the current step' })),
    params: Type.Record(Type.String(), Type.Unknown()),
  }),
  payload: Type.Unknown(),
  result: Type.Unknown({ description: 'what the job found, when it succeeded (shape per kind)' }),
  error: Nullable(
    Type.String({
      description:
        'what went wrong, in the reader’s language (`?lang=`, else Accept-Language) when the failure was an expected refusal',
    }),
  ),
  attempts: Type.Integer(),
  cancelRequested: Type.Boolean(),
  createdBy: Type.String(),
  scheduleId: Nullable(Type.Integer()),
  createdAt: Instant,
  startedAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
});
export type Job = Static<typeof JobSchema>;

export const JobPageSchema = Type.Object({ total: Type.Integer(), items: Type.Array(JobSchema) });
export type JobPage = Static<typeof JobPageSchema>;

export const JobKindsSchema = Type.Object({
  kinds: Type.Array(Type.String(), { description: 'the kinds the signed-in role may start' }),
});
export type JobKinds = Static<typeof JobKindsSchema>;

export const ScheduleSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  cron: Type.String(),
  timeZone: Type.String(),
  payload: Type.Unknown(),
  enabled: Type.Boolean(),
  lastFiredAt: Nullable(Instant),
  nextFireAt: Nullable(Instant),
  createdBy: Type.String(),
});
export type Schedule = Static<typeof ScheduleSchema>;
