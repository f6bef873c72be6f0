/**
 * Every statement of the job queue. Each is one short autocommit statement, so a runner never
 * holds the single embedded connection between two steps of a job. Leases and timestamps use
 * the database's clock: it is the one clock every worker process shares.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
/** A failed job's error in each language, by language code (`{ fr, en }`). */
export type ErrorWords = Readonly<Record<string, string>>;

export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running'];

export interface JobRecord {
  companyId: string;
  jobId: number;
  kind: string;
  payload: unknown;
  status: JobStatus;
  progressDone: number;
  progressTotal: number | null;
  progressCode: string | null;
  progressParams: Record<string, unknown>;
  checkpoint: unknown;
  result: unknown;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  cancelRequested: boolean;
  /** The error as logged (English, or the message of an unexpected failure). */
  error: string | null;
  /** The error in each language, when the failure was worded from the catalogue; null otherwise. */
  errorWords: ErrorWords | null;
  createdBy: string;
  scheduleId: number | null;
  createdAt: Date;
  startedAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

const COLUMNS = sql`company_id as "companyId", job_id as "jobId", kind, payload, status,
  progress_done as "progressDone", progress_total as "progressTotal", progress_code as "progressCode",
  progress_params as "progressParams", checkpoint, result, attempts, max_attempts as "maxAttempts",
  lease_owner as "leaseOwner", lease_expires_at as "leaseExpiresAt", cancel_requested as "cancelRequested",
  error, error_words as "errorWords", created_by as "createdBy", schedule_id as "scheduleId", created_at as "createdAt",
  started_at as "startedAt", heartbeat_at as "heartbeatAt", finished_at as "finishedAt"`;

const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

export interface NewJob {
  companyId: string;
  kind: string;
  payload: unknown;
  createdBy: string;
  scheduleId?: number | null | undefined;
}

/** The new job, or null when one of this kind is already queued or running for the company. */
export async function insertJob(db: Kysely<Database>, job: NewJob): Promise<JobRecord | null> {
  const result = await sql<JobRecord>`
    insert into jobs (company_id, kind, payload, created_by, schedule_id)
    values (${job.companyId}, ${job.kind}, ${json(job.payload ?? {})}, ${job.createdBy}, ${job.scheduleId ?? null})
    on conflict (company_id, kind) where status in ('queued', 'running') do nothing
    returning ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

export async function findActiveJob(
  db: Kysely<Database>,
  companyId: string,
  kind: string,
): Promise<JobRecord | null> {
  const result = await sql<JobRecord>`select ${COLUMNS} from jobs
    where company_id = ${companyId} and kind = ${kind} and status in ('queued', 'running')`.execute(db);
  return result.rows[0] ?? null;
}

export async function findJob(
  db: Kysely<Database>,
  companyId: string,
  jobId: number,
): Promise<JobRecord | null> {
  const result = await sql<JobRecord>`select ${COLUMNS} from jobs
    where company_id = ${companyId} and job_id = ${jobId}`.execute(db);
  return result.rows[0] ?? null;
}

export interface JobFilter {
  status?: JobStatus | undefined;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

export async function listJobRecords(
  db: Kysely<Database>,
  companyId: string,
  filter: JobFilter,
): Promise<{ items: JobRecord[]; total: number }> {
  const where = sql`company_id = ${companyId}
    ${filter.status ? sql`and status = ${filter.status}` : sql``}
    ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}`;
  const items = await sql<JobRecord>`select ${COLUMNS} from jobs where ${where}
    order by job_id desc limit ${filter.limit} offset ${filter.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int8 as n from jobs where ${where}`.execute(db);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export interface ClaimOptions {
  owner: string;
  leaseSeconds: number;
  companyId?: string | undefined;
  jobId?: number | undefined;
  kinds: readonly string[];
  /**
   * Treat every running job of another owner as abandoned: true only where no other live
   * process can hold one (the embedded engine, whose data directory one process locks).
   */
  exclusive: boolean;
}

/**
 * Claims the oldest claimable job — queued and due, or running under an expired lease (its
 * runner died) — and leases it. `skip locked` lets several workers claim side by side.
 */
export async function claimJob(db: Kysely<Database>, options: ClaimOptions): Promise<JobRecord | null> {
  if (options.kinds.length === 0) return null;
  const abandoned = options.exclusive
    ? sql`(lease_expires_at < now() or lease_owner is distinct from ${options.owner})`
    : sql`lease_expires_at < now()`;
  const result = await sql<JobRecord>`
    update jobs set status = 'running', lease_owner = ${options.owner},
      lease_expires_at = now() + make_interval(secs => ${options.leaseSeconds}),
      attempts = attempts + 1, started_at = coalesce(started_at, now()), heartbeat_at = now()
    where (company_id, job_id) = (
      select company_id, job_id from jobs
      where status in ('queued', 'running')
        and ((status = 'queued' and run_after <= now()) or (status = 'running' and ${abandoned}))
        and kind = any(${[...options.kinds]}::text[])
        ${options.companyId === undefined ? sql`` : sql`and company_id = ${options.companyId}`}
        ${options.jobId === undefined ? sql`` : sql`and job_id = ${options.jobId}`}
      order by run_after, job_id
      limit 1
      for update skip locked)
    returning ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

export interface LeaseState {
  /** False when another runner took the job over (this one stalled past its lease). */
  owned: boolean;
  cancelRequested: boolean;
}

export interface JobKey {
  companyId: string;
  jobId: number;
  owner: string;
}

function leaseState(rows: { cancelRequested: boolean }[]): LeaseState {
  const row = rows[0];
  return { owned: row !== undefined, cancelRequested: row?.cancelRequested ?? true };
}

export async function renewLease(
  db: Kysely<Database>,
  key: JobKey,
  leaseSeconds: number,
): Promise<LeaseState> {
  const result = await sql<{ cancelRequested: boolean }>`
    update jobs set lease_expires_at = now() + make_interval(secs => ${leaseSeconds}), heartbeat_at = now()
    where company_id = ${key.companyId} and job_id = ${key.jobId} and lease_owner = ${key.owner}
      and status = 'running'
    returning cancel_requested as "cancelRequested"`.execute(db);
  return leaseState(result.rows);
}

export interface ProgressUpdate {
  done: number;
  total: number | null;
  code?: string | null | undefined;
  params?: Record<string, unknown> | undefined;
  /** Written in the same statement as the progress, so both always agree; undefined keeps it. */
  checkpoint?: unknown;
}

export async function saveProgress(
  db: Kysely<Database>,
  key: JobKey,
  update: ProgressUpdate,
): Promise<LeaseState> {
  const checkpoint = update.checkpoint === undefined ? sql`checkpoint` : json(update.checkpoint);
  const result = await sql<{ cancelRequested: boolean }>`
    update jobs set progress_done = ${update.done}, progress_total = ${update.total},
      progress_code = coalesce(${update.code ?? null}, progress_code),
      progress_params = ${update.params === undefined ? sql`progress_params` : json(update.params)},
      checkpoint = ${checkpoint}, heartbeat_at = now()
    where company_id = ${key.companyId} and job_id = ${key.jobId} and lease_owner = ${key.owner}
      and status = 'running'
    returning cancel_requested as "cancelRequested"`.execute(db);
  return leaseState(result.rows);
}

export type JobOutcome =
  | { status: 'succeeded'; result: unknown }
  | { status: 'failed'; error: string; errorWords?: ErrorWords | null | undefined }
  /** Back to the queue after a failure, claimed again after the delay, from its checkpoint. */
  | { status: 'retry'; error: string; delaySeconds: number };

/** Ends the run of a job this runner owns; a cancel requested meanwhile wins over success. */
export async function finishJob(db: Kysely<Database>, key: JobKey, outcome: JobOutcome): Promise<boolean> {
  const owned = sql`company_id = ${key.companyId} and job_id = ${key.jobId} and lease_owner = ${key.owner}
    and status = 'running'`;
  const result =
    outcome.status === 'retry'
      ? await sql`update jobs set status = 'queued', lease_owner = null, lease_expires_at = null,
          error = ${outcome.error}, error_words = null, run_after = now() + make_interval(secs => ${outcome.delaySeconds})
          where ${owned}`.execute(db)
      : await sql`update jobs set
          status = case when cancel_requested and ${outcome.status} = 'succeeded' then 'cancelled'
            else ${outcome.status} end,
          result = ${outcome.status === 'succeeded' ? json(outcome.result) : sql`result`},
          error = ${outcome.status === 'failed' ? outcome.error : null},
          error_words = ${outcome.status === 'failed' && outcome.errorWords ? json(outcome.errorWords) : null},
          lease_owner = null, lease_expires_at = null, finished_at = now()
          where ${owned}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** A queued job is cancelled at once; a running one is asked to stop (its runner sees the flag). */
export async function requestCancel(
  db: Kysely<Database>,
  companyId: string,
  jobId: number,
): Promise<JobRecord | null> {
  const result = await sql<JobRecord>`
    update jobs set cancel_requested = true,
      status = case when status = 'queued' then 'cancelled' else status end,
      finished_at = case when status = 'queued' then now() else finished_at end
    where company_id = ${companyId} and job_id = ${jobId} and status in ('queued', 'running')
    returning ${COLUMNS}`.execute(db);
  return result.rows[0] ?? null;
}

/** A claimed job that was cancelled while nobody ran it (its runner died): closed without running. */
export async function closeCancelled(db: Kysely<Database>, key: JobKey): Promise<void> {
  await sql`update jobs set status = 'cancelled', lease_owner = null, lease_expires_at = null, finished_at = now()
    where company_id = ${key.companyId} and job_id = ${key.jobId} and lease_owner = ${key.owner}`.execute(db);
}

/**
 * Hands a job back to the queue when its runner stops (shutdown) before it ends: the next run
 * resumes from the checkpoint, and the interrupted run does not count as a failed attempt.
 */
export async function releaseJob(db: Kysely<Database>, key: JobKey): Promise<void> {
  await sql`update jobs set status = 'queued', lease_owner = null, lease_expires_at = null,
      attempts = greatest(attempts - 1, 0), run_after = now()
    where company_id = ${key.companyId} and job_id = ${key.jobId} and lease_owner = ${key.owner}
      and status = 'running'`.execute(db);
}

/** Jobs queued or running (of any company), for a worker that drains the queue and exits. */
export async function countActiveJobs(db: Kysely<Database>, kinds: readonly string[]): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int8 as n from jobs
    where status in ('queued', 'running') and kind = any(${[...kinds]}::text[])`.execute(db);
  return result.rows[0]?.n ?? 0;
}
