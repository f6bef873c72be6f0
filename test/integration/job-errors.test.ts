/**
 * A failed job's error in the reader's language (migration 0070): a job that fails with a worded
 * refusal keeps it in French and in English beside the English `error` of the logs, and the API
 * (`Accept-Language`, `?lang=`) and the command line (`--lang`) show the reader's; so do the
 * runner's own failures (too many attempts). A replay whose period ends before it starts is the
 * refusal here: its dates are worded for each reader.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, startJob } from '#app/jobs/jobs';
import { runnerFor } from '#app/jobs/worker';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

const PERIOD_FR = 'Le rejeu commence le 30/04/2026, après sa fin le 01/01/2026.';
const PERIOD_EN = 'The replay starts on 30/04/2026, after it ends on 01/01/2026.';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
/** The replay job the API started, failed by the runner. */
let failedId: number;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, emailOf('credit_manager'));
  const started = await app.inject({
    method: 'POST',
    url: '/api/procedure/replays',
    headers: manager.headers,
    payload: { policy: { limitScaleBps: 8000 }, from: '2026-04-30', to: '2026-01-01' },
  });
  expect(started.statusCode).toBe(202);
  failedId = started.json().job.id;
  await runnerFor(database.runtime).runNext({ companyId: 'WEB', jobId: failedId });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a job failed by a worded refusal', () => {
  it('keeps the English for the logs and the words of each language', async () => {
    const rows = await sql<{ status: string; error: string; errorWords: unknown }>`
      select status, error, error_words as "errorWords" from jobs
      where company_id = 'WEB' and job_id = ${failedId}`.execute(database.runtime.handle.db);
    expect(rows.rows).toEqual([
      { status: 'failed', error: PERIOD_EN, errorWords: { fr: PERIOD_FR, en: PERIOD_EN } },
    ]);
  });

  it('is in French by default over the API, in English when asked', async () => {
    const get = async (url: string, headers: Record<string, string> = {}) =>
      (await app.inject({ url, headers: { ...manager.headers, ...headers } })).json();
    expect(await get(`/api/jobs/${failedId}`)).toMatchObject({ status: 'failed', error: PERIOD_FR });
    expect((await get(`/api/jobs/${failedId}`, { 'accept-language': 'en' })).error).toBe(PERIOD_EN);
    expect((await get(`/api/jobs/${failedId}?lang=en`)).error).toBe(PERIOD_EN);
    expect((await get('/api/jobs?status=failed')).items[0]).toMatchObject({ id: failedId, error: PERIOD_FR });
    expect((await get('/api/jobs?status=failed', { 'accept-language': 'en-US' })).items[0].error).toBe(
      PERIOD_EN,
    );
    expect((await get(`/api/procedure/replays/${failedId}`)).job.error).toBe(PERIOD_FR);
    expect((await get(`/api/procedure/replays/${failedId}?lang=en`)).job.error).toBe(PERIOD_EN);
  });

  it('is in French by default on the command line, in English with --lang en', async () => {
    const french = await encoursOn(database, 'jobs', 'show', String(failedId));
    expect(french.stdout).toMatch(new RegExp(`· En échec · Erreur\\s: ${PERIOD_FR.replace(/\./g, '\\.')}`));
    const english = await encoursOn(database, 'jobs', 'show', String(failedId), '--lang', 'en');
    expect(english.stdout).toContain(PERIOD_EN);
    expect(english.stdout).not.toContain(PERIOD_FR);
    const json = await encoursOn(database, '--json', 'jobs', 'show', String(failedId), '--lang', 'en');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: failedId, error: PERIOD_EN });
  });

  it('words the failure of a replay run from the command line in its language', async () => {
    const policy = join(mkdtempSync(join(tmpdir(), 'encours-replay-')), 'policy.json');
    writeFileSync(policy, JSON.stringify({ limitScaleBps: 8000 }));
    const replay = (...more: string[]) =>
      encoursOn(database, '--json', 'procedure', 'replay', '--policy', policy, ...more);
    const period = ['--from', '2026-04-30', '--to', '2026-01-01'];
    const french = await replay(...period);
    expect(french.status).toBe(2);
    expect(JSON.parse(french.stdout).error.message).toMatch(
      new RegExp(`^Le rejeu n°\u00a0\\d+ a échoué\u00a0: ${PERIOD_FR.replace(/\./g, '\\.')}$`),
    );
    const english = await replay(...period, '--lang', 'en');
    expect(JSON.parse(english.stdout).error.message).toMatch(
      new RegExp(`^The replay \\d+ failed: ${PERIOD_EN.replace(/\./g, '\\.')}$`),
    );
  });
});

describe('the runner’s own failures', () => {
  it('words giving up after too many attempts, with the last error as it was', async () => {
    const ctx = database.context('WEB');
    const job = await startJob(ctx, { kind: 'ledger.verify' });
    // As if its runners had died five times, the last time on a lost connection.
    await sql`update jobs set attempts = max_attempts, error = 'connection terminated unexpectedly'
      where company_id = 'WEB' and job_id = ${job.id}`.execute(database.runtime.handle.db);
    await runnerFor(database.runtime).runNext({ companyId: 'WEB', jobId: job.id });
    expect(await getJob(ctx, job.id)).toMatchObject({
      status: 'failed',
      error: 'Abandonné après 5 tentatives\u00a0; dernière erreur\u00a0: connection terminated unexpectedly',
    });
    expect((await getJob(ctx, job.id, 'en')).error).toBe(
      'Gave up after 5 attempts; last error: connection terminated unexpectedly',
    );
  });
});
