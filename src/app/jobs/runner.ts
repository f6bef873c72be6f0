/**
 * The job runner: claims one job at a time (`for update skip locked`, so several runners — in
 * one process or in separate worker processes on a server — never take the same job), keeps
 * its lease alive with a heartbeat, and runs its handler in short statements. A job whose
 * runner died is claimed again once its lease expires and resumes from its checkpoint; on the
 * embedded engine, whose data directory only one process may open, a runner takes such jobs
 * over at once (`exclusive`).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import {
  claimJob,
  closeCancelled,
  countActiveJobs,
  finishJob,
  type JobKey,
  type JobRecord,
  type LeaseState,
  releaseJob,
  renewLease,
  saveProgress,
} from '#db/jobs/job-queries';
import type { AppContext, Logger } from '../context.ts';
import { DomainError, errorWords, type Wording } from '../errors.ts';
import type { AnyJobDefinition, JobRegistry, JobRun } from './define-job.ts';
import { JOB_KINDS } from './job-kinds.ts';

export interface RunnerDeps {
  db: Kysely<Database>;
  log: Logger;
  contextFor(companyId: string, actor: string): Promise<AppContext>;
}

export interface JobProgressEvent {
  jobId: number;
  kind: string;
  done: number;
  total: number | null;
  code: string | null;
  params: Record<string, unknown>;
}

export interface RunnerOptions {
  registry?: JobRegistry;
  /** Seconds a claim lasts without a heartbeat (renewed every third of it). */
  leaseSeconds?: number;
  /** True on the embedded engine: running jobs of another owner are abandoned (see above). */
  exclusive?: boolean;
  /** Seconds between two looks at the queue when idle. */
  pollSeconds?: number;
  onProgress?: (event: JobProgressEvent) => void;
}

export interface JobRunner {
  readonly owner: string;
  /** Claims one job (of a company, or one job) and runs it to its end; null when none was due. */
  runNext(filter?: { companyId?: string; jobId?: number }): Promise<JobRecord | null>;
  /** Runs jobs until stop(), looking at the queue every pollSeconds when idle. */
  start(): void;
  /** Runs jobs until none is queued or running (e.g. a worker started by cron, or after a crash). */
  drain(): Promise<void>;
  /** Stops claiming; a running job is handed back to the queue at its next step. */
  stop(): Promise<void>;
}

const MAX_RETRY_DELAY_SECONDS = 300;

export function createJobRunner(deps: RunnerDeps, options: RunnerOptions = {}): JobRunner {
  const registry = options.registry ?? JOB_KINDS;
  const leaseSeconds = options.leaseSeconds ?? 30;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const stopper = new AbortController();
  let loop: Promise<void> | null = null;

  async function runNext(filter: { companyId?: string; jobId?: number } = {}): Promise<JobRecord | null> {
    if (stopper.signal.aborted) return null;
    const job = await claimJob(deps.db, {
      owner,
      leaseSeconds,
      kinds: registry.kinds(),
      exclusive: options.exclusive ?? false,
      ...filter,
    });
    if (!job) return null;
    await runClaimed(job, registry.get(job.kind));
    return job;
  }

  async function runClaimed(job: JobRecord, definition: AnyJobDefinition | undefined): Promise<void> {
    const key: JobKey = { companyId: job.companyId, jobId: job.jobId, owner };
    if (job.cancelRequested) return closeCancelled(deps.db, key);
    if (!definition) return failWith(key, { key: 'errors.jobs.unknownKind', params: { kind: job.kind } });
    if (job.attempts > job.maxAttempts)
      return failWith(
        key,
        job.error
          ? { key: 'errors.jobs.gaveUpAfterError', params: { attempts: job.maxAttempts, error: job.error } }
          : { key: 'errors.jobs.gaveUp', params: { attempts: job.maxAttempts } },
      );
    const lease: LeaseState = { owned: true, cancelRequested: false };
    const heartbeat = startHeartbeat(key, lease);
    try {
      const ctx = await deps.contextFor(job.companyId, `${job.createdBy} (job ${job.jobId})`);
      const run = buildRun(job, key, lease, ctx, definition.parsePayload(job.payload));
      const result = await definition.handler(run);
      if (!lease.owned) return;
      if (stopper.signal.aborted && !lease.cancelRequested) await releaseJob(deps.db, key);
      else await finishJob(deps.db, key, { status: 'succeeded', result: result ?? null });
    } catch (error) {
      if (lease.owned) await finishFailed(key, job, error);
    } finally {
      heartbeat.stop();
    }
  }

  function buildRun(
    job: JobRecord,
    key: JobKey,
    lease: LeaseState,
    ctx: AppContext,
    payload: unknown,
  ): JobRun<unknown, unknown> {
    let last = { done: job.progressDone, total: job.progressTotal };
    const progressed = (state: LeaseState, code: string | null, params: Record<string, unknown>) => {
      lease.owned &&= state.owned;
      lease.cancelRequested ||= state.cancelRequested;
      options.onProgress?.({ jobId: job.jobId, kind: job.kind, ...last, code, params });
    };
    return {
      ctx,
      job: {
        jobId: job.jobId,
        kind: job.kind,
        companyId: job.companyId,
        attempt: job.attempts,
        createdBy: job.createdBy,
      },
      payload,
      checkpoint: job.checkpoint ?? null,
      async reportProgress(done, total, messageCode, params) {
        last = { done, total };
        const state = await saveProgress(deps.db, key, { done, total, code: messageCode, params });
        progressed(state, messageCode ?? job.progressCode, params ?? job.progressParams);
      },
      async saveCheckpoint(checkpoint, progress) {
        if (progress) last = progress;
        const state = await saveProgress(deps.db, key, { ...last, checkpoint });
        progressed(state, job.progressCode, job.progressParams);
      },
      isCancelled: () => lease.cancelRequested || !lease.owned || stopper.signal.aborted,
    };
  }

  function startHeartbeat(key: JobKey, lease: LeaseState): { stop(): void } {
    let beating = false;
    const timer = setInterval(
      () => {
        if (beating) return;
        beating = true;
        renewLease(deps.db, key, leaseSeconds)
          .then((state) => {
            lease.owned &&= state.owned;
            lease.cancelRequested ||= state.cancelRequested;
          })
          .catch((error: unknown) =>
            deps.log.warn('job heartbeat failed', { jobId: key.jobId, error: String(error) }),
          )
          .finally(() => {
            beating = false;
          });
      },
      Math.max(100, (leaseSeconds * 1000) / 3),
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  /** A failure the runner itself words (unknown kind, too many attempts), kept in every language. */
  async function failWith(key: JobKey, wording: Wording): Promise<void> {
    const error = new DomainError('invalid_input', wording);
    await finishJob(deps.db, key, { status: 'failed', error: error.message, errorWords: errorWords(error) });
  }

  async function finishFailed(key: JobKey, job: JobRecord, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    // An expected refusal will not change on a retry; anything else (a lost connection, a bug
    // fixed by a redeploy) is retried from the checkpoint, later and later.
    if (error instanceof DomainError || job.attempts >= job.maxAttempts) {
      deps.log.error('job failed', { jobId: job.jobId, kind: job.kind, error: message });
      // The English stays in `error` for the logs; readers get the words of their language.
      const words = error instanceof DomainError ? errorWords(error) : null;
      await finishJob(deps.db, key, { status: 'failed', error: message, errorWords: words });
    } else {
      const delaySeconds = Math.min(MAX_RETRY_DELAY_SECONDS, 5 * 2 ** job.attempts);
      deps.log.warn('job will be retried', {
        jobId: job.jobId,
        kind: job.kind,
        error: message,
        delaySeconds,
      });
      await finishJob(deps.db, key, { status: 'retry', error: message, delaySeconds });
    }
  }

  async function runLoop(pollSeconds: number): Promise<void> {
    while (!stopper.signal.aborted) {
      let ran: JobRecord | null = null;
      try {
        ran = await runNext();
      } catch (error) {
        deps.log.error('job runner: cannot claim a job', { error: String(error) });
      }
      if (!ran) await sleep(pollSeconds * 1000, undefined, { signal: stopper.signal }).catch(() => undefined);
    }
  }

  async function drain(): Promise<void> {
    while (!stopper.signal.aborted) {
      if (await runNext()) continue;
      if ((await countActiveJobs(deps.db, registry.kinds())) === 0) return;
      // Another runner holds a job, or a dead one's lease has not expired yet.
      await sleep((options.pollSeconds ?? 2) * 1000, undefined, { signal: stopper.signal }).catch(
        () => undefined,
      );
    }
  }

  return {
    owner,
    runNext,
    drain,
    start() {
      loop ??= runLoop(options.pollSeconds ?? 2);
    },
    async stop() {
      stopper.abort();
      await loop;
    },
  };
}
