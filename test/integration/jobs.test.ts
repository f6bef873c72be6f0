/**
 * The job port on both engines: progress, cancellation, one job at a time per company and kind,
 * a schedule fired by an injected instant (and not before), and a job started from the CLI,
 * killed with SIGKILL mid-run, finished by a worker from its checkpoint.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { DomainError } from '#app/errors';
import { defineJob, JobRegistry } from '#app/jobs/define-job';
import { cancelJob, enqueueJob, getJob, jobsOf, listJobs, startJob } from '#app/jobs/jobs';
import type { LedgerVerifyResult } from '#app/jobs/ledger-verify';
import { createJobRunner, type JobProgressEvent, type RunnerOptions } from '#app/jobs/runner';
import { addSchedule, tickSchedules } from '#app/jobs/schedules';
import { openRuntime } from '#app/runtime';
import { LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/test-db.ts';
import { seedDataDir } from '../support/test-images.ts';
import { emailOf, openHttpFixture, signIn } from './http-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let database: TestDatabase;

/** `count` customers C001…, each with an invoice partly paid; one of them gets a corrupted state. */
function ledger(companyCode: string, count: number) {
  const builder = new LedgerBuilder(companyCode);
  for (let n = 1; n <= count; n++) {
    const code = `C${String(n).padStart(3, '0')}`;
    builder.addCustomer(code);
    const invoice = builder.invoice(code, '2026-03-01', '2026-03-31', 100_000 + n);
    builder.payment(code, '2026-04-15', [[invoice, 40_000]]);
  }
  return builder.dataset('2026-06-30');
}

/** Breaks the stored open-item state of one customer's invoice, as a faulty trigger would. */
async function corruptOpenItem(db: TestDatabase['runtime']['handle']['db'], companyId: string, code: string) {
  await sql`update open_items set open_minor = open_minor + 1
    where company_id = ${companyId} and customer_code = ${code} and open_minor > 0`.execute(db);
}

async function loadCompany(companyCode: string, count: number) {
  await loadDataset({ ...database.context(companyCode), actor: 'test' }, ledger(companyCode, count));
}

function runnerFor(options: RunnerOptions = {}) {
  const runtime = database.runtime;
  return createJobRunner(
    {
      db: runtime.handle.db,
      log: silentLogger,
      contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
    },
    options,
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadCompany('JOBS', 10);
  await corruptOpenItem(database.runtime.handle.db, 'JOBS', 'C004');
});
afterAll(async () => database?.close());

describe('ledger.verify', () => {
  it('reports its progress slice by slice and lists the customers whose state differs', async () => {
    const ctx = database.context('JOBS');
    const job = await startJob(ctx, { kind: 'ledger.verify', payload: { sliceSize: 3 } });
    expect(job.status).toBe('queued');
    const events: JobProgressEvent[] = [];
    const ran = await runnerFor({ onProgress: (event) => events.push(event) }).runNext({ companyId: 'JOBS' });
    expect(ran?.jobId).toBe(job.id);
    expect(events.map((event) => [event.done, event.total])).toEqual([
      [0, 10],
      [3, 10],
      [6, 10],
      [9, 10],
      [10, 10],
    ]);
    const done = await getJob(ctx, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress).toMatchObject({ done: 10, total: 10, code: 'jobs.progress.ledgerVerify' });
    const result = done.result as LedgerVerifyResult;
    expect(result.customersChecked).toBe(10);
    expect(result.customersDiffering).toBe(1);
    expect(result.differences).toEqual([
      {
        customerCode: 'C004',
        documents: [{ documentId: expect.any(Number), expectedOpenMinor: 60_004, storedOpenMinor: 60_005 }],
      },
    ]);
    expect(result.checkedByAttempt).toEqual({ '1': 10 });
  });

  it('refuses a payload it cannot use', async () => {
    await expect(
      startJob(database.context('JOBS'), { kind: 'ledger.verify', payload: { sliceSize: 0 } }),
    ).rejects.toThrow(/sliceSize/);
    await expect(startJob(database.context('JOBS'), { kind: 'no.such.kind' })).rejects.toThrow(
      /Unknown job kind/,
    );
  });
});

describe('one job at a time per company and kind', () => {
  it('refuses a second start with a conflict naming the active job, or returns it when asked', async () => {
    const ctx = database.context('JOBS');
    const first = await startJob(ctx, { kind: 'ledger.verify' });
    const refused = await startJob(ctx, { kind: 'ledger.verify' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'conflict',
      details: { reason: 'job_already_active', jobId: first.id },
    });
    expect((await jobsOf(ctx).enqueue('ledger.verify', {}, { ifActive: 'return' })).id).toBe(first.id);
    // Another company is not concerned.
    await loadCompany('OTHER', 2);
    expect((await startJob(database.context('OTHER'), { kind: 'ledger.verify' })).id).not.toBe(first.id);
    // Once the first has ended, the kind can start again.
    await runnerFor().runNext({ companyId: 'JOBS' });
    expect((await getJob(ctx, first.id)).status).toBe('succeeded');
    const again = await startJob(ctx, { kind: 'ledger.verify' });
    await cancelJob(ctx, again.id);
  });
});

describe('cancellation', () => {
  it('cancels a queued job at once and stops a running one at its next step', async () => {
    const ctx = database.context('JOBS');
    const queued = await startJob(ctx, { kind: 'ledger.verify' });
    expect((await cancelJob(ctx, queued.id)).status).toBe('cancelled');
    await expect(cancelJob(ctx, queued.id)).rejects.toMatchObject({ code: 'conflict' });

    // A kind of ten steps that pauses after its second one until the test has cancelled it.
    let reachedStep2!: () => void;
    const atStep2 = new Promise<void>((resolve) => {
      reachedStep2 = resolve;
    });
    let proceed!: () => void;
    const resumed = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    const steps = defineJob<unknown, { step: number }>(
      'test.steps',
      async (run) => {
        let step = run.checkpoint?.step ?? 0;
        while (step < 10 && !run.isCancelled()) {
          step += 1;
          await run.saveCheckpoint({ step }, { done: step, total: 10 });
          if (step === 2) {
            reachedStep2();
            await resumed;
          }
        }
        return { stoppedAt: step };
      },
      { startableBy: ['admin'], parsePayload: (payload) => payload },
    );
    const registry = new JobRegistry([steps]);
    const job = await enqueueJob({ ...ctx, registry }, 'test.steps', {});
    const running = createJobRunner(
      { db: ctx.db, log: silentLogger, contextFor: async () => ctx },
      { registry },
    ).runNext({ jobId: job.id, companyId: 'JOBS' });
    await atStep2;
    expect((await getJob(ctx, job.id)).status).toBe('running');
    expect((await cancelJob(ctx, job.id)).cancelRequested).toBe(true);
    proceed();
    await running;
    const cancelled = await getJob(ctx, job.id);
    expect(cancelled.status).toBe('cancelled');
    // Step 3 was under way when the cancel arrived; its checkpoint write brought the flag back.
    expect(cancelled.progress.done).toBe(3);
    expect(cancelled.result).toEqual({ stoppedAt: 3 });
  });
});

describe('schedules', () => {
  it('fires at the cron instant of its time zone given by the clock, not before, and skips a busy kind', async () => {
    await loadCompany('SCHED', 2);
    // The test context's clock says 2026-06-30T12:00Z; 02:00 in Paris (CEST) is 00:00Z.
    const ctx = { ...database.context('SCHED'), clock: fixedClock('2026-06-30') };
    const schedule = await addSchedule(ctx, {
      kind: 'ledger.verify',
      cron: '0 2 * * *',
      timeZone: 'Europe/Paris',
    });
    expect(schedule.nextFireAt).toBe('2026-07-01T00:00:00.000Z');
    const deps = { db: ctx.db };

    expect(await tickSchedules(deps, new Date('2026-06-30T23:59:59.999Z'))).toEqual([]);
    expect((await listJobs(ctx, {})).total).toBe(0);

    const fired = await tickSchedules(deps, new Date('2026-07-01T00:00:00.000Z'));
    expect(fired).toEqual([
      {
        companyId: 'SCHED',
        scheduleId: schedule.id,
        kind: 'ledger.verify',
        jobId: expect.any(Number),
        queued: true,
        nextFireAt: '2026-07-02T00:00:00.000Z',
      },
    ]);
    const jobs = await listJobs(ctx, {});
    expect(jobs.items.map((job) => [job.kind, job.status, job.scheduleId])).toEqual([
      ['ledger.verify', 'queued', schedule.id],
    ]);
    // Fired once: the same instant again does nothing.
    expect(await tickSchedules(deps, new Date('2026-07-01T00:00:30.000Z'))).toEqual([]);
    // The next night, the first job still queued: nothing new is queued.
    const busy = await tickSchedules(deps, new Date('2026-07-02T00:00:00.000Z'));
    expect(busy).toMatchObject([{ jobId: fired[0]?.jobId, queued: false }]);
    expect((await listJobs(ctx, {})).total).toBe(1);
  });

  it('refuses an invalid cron expression or time zone', async () => {
    const ctx = database.context('SCHED');
    await expect(addSchedule(ctx, { kind: 'ledger.verify', cron: '61 * * * *' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      addSchedule(ctx, { kind: 'ledger.verify', cron: '0 2 * * *', timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('resume after kill -9', () => {
  const CUSTOMERS = 60;

  /** Where the child processes find the database: a data directory of their own, or the test server database. */
  async function prepare(): Promise<string[]> {
    if (serverUrl) {
      await loadCompany('KILL', CUSTOMERS);
      await corruptOpenItem(database.runtime.handle.db, 'KILL', 'C042');
      return ['--db', database.url];
    }
    const dataDir = join(mkdtempSync(join(tmpdir(), 'encours-jobs-')), 'data');
    // Migrated already (the test image), as a data directory is after its first run.
    await seedDataDir(dataDir);
    const runtime = await openRuntime({ dataDir }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    try {
      await loadDataset(
        { db: runtime.handle.db, clock: runtime.clock, log: silentLogger, actor: 'test' },
        ledger('KILL', CUSTOMERS),
      );
      await corruptOpenItem(runtime.handle.db, 'KILL', 'C042');
    } finally {
      await runtime.close();
    }
    return ['--data-dir', dataDir];
  }

  function cli(database: string[], ...args: string[]): string[] {
    return [join(ROOT, 'src', 'cli', 'main.ts'), ...database, '--company', 'KILL', ...args];
  }

  it('a worker finishes the job from its checkpoint, without checking a slice twice', async () => {
    const target = await prepare();
    const env = { ...process.env, DATABASE_URL: '' };
    // A short lease so that on a server the worker may take the dead run's job over soon.
    const child = spawn(
      process.execPath,
      cli(
        target,
        'jobs',
        'start',
        'ledger.verify',
        '--payload',
        '{"sliceSize":1}',
        '--wait',
        '--lease-seconds',
        '1',
      ),
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The child writes a progress line after each committed checkpoint: kill it after the first ones.
    const doneAtKill = await new Promise<number>((resolve, reject) => {
      let buffered = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        buffered += chunk;
        for (const match of buffered.matchAll(/: (\d+) \/ (\d+)\n/g)) {
          const done = Number(match[1]);
          if (done >= 3) {
            child.kill('SIGKILL');
            resolve(done);
            return;
          }
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL')
          reject(new Error(`the job ended before it was killed (exit ${code}): ${buffered}`));
      });
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
    );
    expect(doneAtKill).toBeLessThan(CUSTOMERS);

    const worker = spawnSync(
      process.execPath,
      cli(target, 'jobs', 'worker', '--exit-when-idle', '--lease-seconds', '1', '--poll-seconds', '0.2'),
      { env, encoding: 'utf8' },
    );
    expect(worker.stderr).toBe('');
    expect(worker.status).toBe(0);

    const shown = spawnSync(
      process.execPath,
      cli(target, '--json', 'jobs', 'list', '--kind', 'ledger.verify'),
      {
        env,
        encoding: 'utf8',
      },
    );
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    const [job] = JSON.parse(shown.stdout).items;
    expect(job).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      progress: { done: CUSTOMERS, total: CUSTOMERS },
    });
    const result = job.result as LedgerVerifyResult;
    expect(result.customersChecked).toBe(CUSTOMERS);
    expect(result.differences.map((difference) => difference.customerCode)).toEqual(['C042']);
    // Attempt 1 checked at least what it had reported before the kill; attempt 2 checked only the
    // rest: each customer once, none before the checkpoint again.
    const first = result.checkedByAttempt['1'] ?? 0;
    const second = result.checkedByAttempt['2'] ?? 0;
    expect(first).toBeGreaterThanOrEqual(doneAtKill);
    expect(second).toBeGreaterThan(0);
    expect(first + second).toBe(CUSTOMERS);
    // Three Encours processes start one after the other on a shared machine: a limit, not a measure.
  }, 300_000);
});

describe('HTTP', () => {
  it('starts, refuses a second start, lists, shows, cancels, and manages schedules', async () => {
    const { database: web, app } = await openHttpFixture();
    try {
      const manager = await signIn(app, emailOf('credit_manager'));
      const collector = await signIn(app, emailOf('collector'));
      const post = (session: typeof manager, url: string, payload?: Record<string, unknown>) =>
        payload === undefined
          ? app.inject({ method: 'POST', url, headers: session.headers })
          : app.inject({ method: 'POST', url, headers: session.headers, payload });

      const started = await post(manager, '/api/jobs', { kind: 'ledger.verify', payload: { sliceSize: 5 } });
      expect(started.statusCode).toBe(202);
      const job = started.json();
      expect(job).toMatchObject({ kind: 'ledger.verify', status: 'queued', payload: { sliceSize: 5 } });
      const again = await post(manager, '/api/jobs', { kind: 'ledger.verify' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'conflict' });
      expect((await post(collector, '/api/jobs', { kind: 'ledger.verify' })).statusCode).toBe(403);

      const list = await app.inject({ method: 'GET', url: '/api/jobs', headers: collector.headers });
      expect(list.json()).toMatchObject({ total: 1, items: [{ id: job.id, status: 'queued' }] });
      const kinds = await app.inject({ method: 'GET', url: '/api/jobs/kinds', headers: manager.headers });
      expect(kinds.json().kinds).toContain('ledger.verify');
      const cancelled = await post(manager, `/api/jobs/${job.id}/cancel`);
      expect(cancelled.json()).toMatchObject({ id: job.id, status: 'cancelled', cancelRequested: true });
      const shown = await app.inject({ method: 'GET', url: `/api/jobs/${job.id}`, headers: manager.headers });
      expect(shown.json()).toMatchObject({ status: 'cancelled' });
      expect(
        (await app.inject({ method: 'GET', url: '/api/jobs/999999', headers: manager.headers })).statusCode,
      ).toBe(404);

      const schedule = await post(manager, '/api/jobs/schedules', {
        kind: 'ledger.verify',
        cron: '30 6 * * 1',
      });
      expect(schedule.statusCode).toBe(201);
      const { id } = schedule.json();
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/jobs/schedules/${id}`,
        headers: manager.headers,
        payload: { enabled: false },
      });
      expect(patched.json()).toMatchObject({
        id,
        enabled: false,
        nextFireAt: null,
        timeZone: 'Europe/Paris',
      });
      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/jobs/schedules/${id}`,
        headers: manager.headers,
      });
      expect(removed.statusCode).toBe(204);
      const schedules = await app.inject({
        method: 'GET',
        url: '/api/jobs/schedules',
        headers: manager.headers,
      });
      expect(schedules.json()).toEqual([]);
    } finally {
      await app.close();
      await web.close();
    }
  });
});
