/**
 * Use cases of the job port: start (enqueue), list, show and cancel jobs of the company, and
 * the `JobsPort` every context carries so a use case can hand long work to a job.
 *
 * One at a time per company and kind: starting a kind that is already queued or running is
 * refused with a `conflict` naming the active job (`details.jobId`), unless the caller asks for
 * the active job instead (`ifActive: 'return'`, which schedules use to skip a busy kind).
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import {
  findActiveJob,
  findJob,
  insertJob,
  type JobRecord,
  type JobStatus,
  listJobRecords,
  requestCancel,
} from '#db/jobs/job-queries';
import type { Lang } from '#text/catalogue';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { JobRegistry } from './define-job.ts';
import { jobKindWords } from './error-words.ts';
import { JOB_KINDS } from './job-kinds.ts';

export interface JobView {
  id: number;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number | null; code: string | null; params: Record<string, unknown> };
  payload: unknown;
  result: unknown;
  /** What went wrong, in the reader's language when the failure was worded from the catalogue. */
  error: string | null;
  attempts: number;
  cancelRequested: boolean;
  createdBy: string;
  scheduleId: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The job as a reader of `lang` sees it (French by default, as everywhere). */
export function toJobView(record: JobRecord, lang: Lang = 'fr'): JobView {
  const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());
  return {
    id: record.jobId,
    kind: record.kind,
    status: record.status,
    progress: {
      done: record.progressDone,
      total: record.progressTotal,
      code: record.progressCode,
      params: record.progressParams ?? {},
    },
    payload: record.payload,
    result: record.result,
    error: record.errorWords?.[lang] ?? record.error,
    attempts: record.attempts,
    cancelRequested: record.cancelRequested,
    createdBy: record.createdBy,
    scheduleId: record.scheduleId,
    createdAt: new Date(record.createdAt).toISOString(),
    startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt),
  };
}

export interface EnqueueOptions {
  /** A transaction of the caller: the job exists only if that transaction commits. */
  db?: Kysely<Database> | undefined;
  /** 'refuse' (default): a conflict when the kind is active; 'return': the active job. */
  ifActive?: 'refuse' | 'return' | undefined;
  scheduleId?: number | null | undefined;
}

export interface JobsPort {
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<JobView>;
}

interface EnqueueScope {
  db: Kysely<Database>;
  companyId: string;
  actor: string;
  registry?: JobRegistry | undefined;
}

export async function enqueueJob(
  scope: EnqueueScope,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<JobView> {
  return (await enqueueJobOutcome(scope, kind, payload, options)).job;
}

/** The job, and whether it was created now (false: the active job of the kind, `ifActive: 'return'`). */
export async function enqueueJobOutcome(
  scope: EnqueueScope,
  kind: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<{ job: JobView; created: boolean }> {
  const definition = (scope.registry ?? JOB_KINDS).get(kind);
  if (!definition)
    throw new DomainError('invalid_input', { key: 'errors.jobs.unknownKind', params: { kind } }, { kind });
  const db = options.db ?? scope.db;
  const parsed = definition.parsePayload(payload);
  const created = await insertJob(db, {
    companyId: scope.companyId,
    kind,
    payload: parsed,
    createdBy: scope.actor,
    scheduleId: options.scheduleId,
  });
  if (created) return { job: toJobView(created), created: true };
  const active = await findActiveJob(db, scope.companyId, kind);
  if (active && options.ifActive === 'return') return { job: toJobView(active), created: false };
  throw new DomainError(
    'conflict',
    {
      key: 'errors.jobs.alreadyActive',
      params: {
        kind: jobKindWords(kind),
        status: active?.status ?? 'active',
        id: active ? String(active.jobId) : '?',
      },
    },
    { reason: 'job_already_active', kind, jobId: active?.jobId ?? null },
  );
}

/** The port of a company context: jobs it enqueues belong to the company and name the actor. */
export function jobsPort(db: Kysely<Database>, companyId: string, actor: string): JobsPort {
  return {
    enqueue: (kind, payload, options) => enqueueJob({ db, companyId, actor }, kind, payload, options),
  };
}

/** Starts a kind by hand: the signed-in user's role must be one that may start it. */
export async function startJob(
  ctx: AppContext,
  input: { kind: string; payload?: unknown },
): Promise<JobView> {
  const definition = JOB_KINDS.get(input.kind);
  if (!definition)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.jobs.unknownKind', params: { kind: input.kind } },
      { kind: input.kind },
    );
  if (ctx.user && !definition.startableBy.includes(ctx.user.role))
    throw new DomainError('forbidden', {
      key: 'errors.jobs.roleMayNotStart',
      params: { role: wordedLabel('role', ctx.user.role), kind: jobKindWords(input.kind) },
    });
  return ctx.db.transaction().execute(async (trx) => {
    const job = await enqueueJob({ ...ctx, db: trx }, input.kind, input.payload ?? {});
    await recordAudit(ctx, trx, {
      action: 'job.start',
      entity: 'job',
      entityKey: String(job.id),
      before: null,
      after: { kind: job.kind, payload: job.payload },
    });
    return job;
  });
}

export async function listJobs(
  ctx: AppContext,
  input: {
    status?: JobStatus | undefined;
    kind?: string | undefined;
    limit?: number;
    offset?: number;
    lang?: Lang | undefined;
  },
): Promise<{ items: JobView[]; total: number }> {
  const page = await listJobRecords(ctx.db, ctx.companyId, {
    status: input.status,
    kind: input.kind,
    limit: input.limit ?? 50,
    offset: input.offset ?? 0,
  });
  return { items: page.items.map((record) => toJobView(record, input.lang)), total: page.total };
}

export async function getJob(ctx: AppContext, jobId: number, lang: Lang = 'fr'): Promise<JobView> {
  const record = await findJob(ctx.db, ctx.companyId, jobId);
  if (!record)
    throw new DomainError('not_found', { key: 'errors.jobs.noJob', params: { id: String(jobId) } });
  return toJobView(record, lang);
}

/** A queued job is cancelled at once; a running one stops at its next step. Finished: a conflict. */
export async function cancelJob(ctx: AppContext, jobId: number): Promise<JobView> {
  const record = await ctx.db.transaction().execute(async (trx) => {
    const cancelled = await requestCancel(trx, ctx.companyId, jobId);
    if (cancelled)
      await recordAudit(ctx, trx, {
        action: 'job.cancel',
        entity: 'job',
        entityKey: String(jobId),
        before: null,
        after: { kind: cancelled.kind, status: cancelled.status },
      });
    return cancelled;
  });
  if (record) return toJobView(record);
  const existing = await getJob(ctx, jobId);
  throw new DomainError(
    'conflict',
    { key: 'errors.jobs.alreadyFinished', params: { id: String(jobId), status: existing.status } },
    { reason: 'job_finished', jobId, status: existing.status },
  );
}

export function jobKinds(): string[] {
  return JOB_KINDS.kinds();
}

/** The context's job port, or one built from the context when it was made by hand (tests, scripts). */
export function jobsOf(ctx: AppContext): JobsPort {
  return ctx.jobs ?? jobsPort(ctx.db, ctx.companyId, ctx.actor);
}

/** The kinds the context may start by hand (all of them for the CLI, which acts for the company). */
export function startableKinds(ctx: Pick<AppContext, 'user'>): string[] {
  return JOB_KINDS.kinds().filter((kind) => {
    const definition = JOB_KINDS.get(kind);
    return !ctx.user || (definition?.startableBy.includes(ctx.user.role) ?? false);
  });
}
