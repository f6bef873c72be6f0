/**
 * The history of dunning runs over HTTP (`GET /api/dunning/runs`): newest first, a page at a time,
 * each run with who ran it, what it sent by channel (a cancelled action no longer counts), the
 * amount claimed and its print batch; staff only. K03's invoice F1 (2,500.00 €, due 31 March)
 * climbs one step per run: e-mail (5 April on), letter (15 April on), call (30 April on). A run's
 * delivery says who sent it and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { RunHistoryItem, RunHistoryPage } from '#http/schemas/dunning-run-history';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let collector: Session;
let manager: Session;
let alice: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  collector = await signIn(app, emailOf('collector'));
  manager = await signIn(app, emailOf('credit_manager'));
  alice = await signIn(app, 'alice@web.test');
  // A billing address, so that the first reminder goes by e-mail (without one it is a letter).
  const patched = await call(manager, 'PATCH', '/api/customers/K03', { billingEmail: 'compta@k03.test' });
  expect(patched.statusCode, patched.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

async function history(query = ''): Promise<RunHistoryPage> {
  const response = await call(manager, 'GET', `/api/dunning/runs${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

interface SentAction {
  actionId: number;
  channel: string;
  totalDueMinor: number;
}

async function run(session: Session, asOf: string): Promise<{ runId: number; actions: SentAction[] }> {
  const response = await call(session, 'POST', '/api/dunning/runs', { asOf });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const counts = (item: RunHistoryItem | undefined) => ({
  customers: item?.customers,
  emails: item?.emails,
  letters: item?.letters,
  registeredLetters: item?.registeredLetters,
  sms: item?.sms,
  callTasks: item?.callTasks,
  cancelled: item?.cancelled,
});

describe('the history of dunning runs', () => {
  it('is empty before the first run', async () => {
    expect(await history()).toEqual({ total: 0, items: [] });
  });

  it('lists each run newest first with who ran it, its counts by channel, its amount and its batch', async () => {
    const email = await run(collector, '2026-04-06');
    const letter = await run(manager, '2026-04-16');
    const phone = await run(collector, '2026-05-01');
    expect([email, letter, phone].map((r) => r.actions.map((a) => a.channel))).toEqual([
      ['email'],
      ['letter'],
      ['call_task'],
    ]);
    const page = await history();
    expect(page.total).toBe(3);
    expect(page.items.map((item) => [item.runId, item.asOf, item.createdBy])).toEqual([
      [phone.runId, '2026-05-01', emailOf('collector')],
      [letter.runId, '2026-04-16', emailOf('credit_manager')],
      [email.runId, '2026-04-06', emailOf('collector')],
    ]);
    const [called, lettered, emailed] = page.items;
    const none = {
      customers: 1,
      emails: 0,
      letters: 0,
      registeredLetters: 0,
      sms: 0,
      callTasks: 0,
      cancelled: 0,
    };
    expect(counts(emailed)).toEqual({ ...none, emails: 1 });
    expect(counts(lettered)).toEqual({ ...none, letters: 1 });
    expect(counts(called)).toEqual({ ...none, callTasks: 1 });
    expect(called?.tasksCreated).toBe(1);
    // What each run's reminders claim, as its answer gave it.
    expect(lettered?.totals).toEqual([{ currency: 'EUR', totalDueMinor: letter.actions[0]?.totalDueMinor }]);
    expect(lettered?.totals[0]?.totalDueMinor).toBeGreaterThan(250_000); // interest and the 40 € indemnity
    expect(emailed?.totals).toEqual([{ currency: 'EUR', totalDueMinor: 250_000 }]);
    // A call task sends nothing and claims nothing: a person calls.
    expect(called?.totals).toEqual([]);
    // Only a run with letters has a print batch, which opens as the letters' PDF.
    expect(emailed?.batchFiles).toEqual([]);
    expect(lettered?.batchFiles).toHaveLength(1);
    const batch = lettered?.batchFiles[0];
    expect(batch).toMatchObject({ part: 1, parts: 1, path: `/api/dunning/letters/${batch?.letterId}` });
    const pdf = await call(manager, 'GET', batch?.path ?? '');
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    expect(new Date(lettered?.createdAt ?? '').getTime()).not.toBeNaN();
    // The run's delivery (the page of one run) says who sent it and when, as the history does.
    const delivery = await call(manager, 'GET', `/api/dunning/runs/${letter.runId}/delivery`);
    expect([delivery.json().createdBy, delivery.json().createdAt]).toEqual([
      emailOf('credit_manager'),
      lettered?.createdAt,
    ]);
  });

  it('pages the runs and stops counting a cancelled action', async () => {
    const [, second] = (await history()).items;
    expect((await history('?limit=1&offset=1')).items.map((item) => item.runId)).toEqual([second?.runId]);
    expect(await history('?limit=2&offset=3')).toEqual({ total: 3, items: [] });
    const log = await call(manager, 'GET', `/api/dunning/actions?runId=${second?.runId}`);
    const [action] = log.json().items;
    expect((await call(manager, 'POST', `/api/dunning/actions/${action.actionId}/cancel`)).statusCode).toBe(
      200,
    );
    const [after] = (await history('?limit=1&offset=1')).items;
    expect(counts(after)).toEqual({ ...counts(second), customers: 0, letters: 0, cancelled: 1 });
    expect(after?.totals).toEqual([]);
  });

  it('is for staff only and refuses a page it cannot give', async () => {
    expect((await call(alice, 'GET', '/api/dunning/runs')).statusCode).toBe(403);
    expect((await call(collector, 'GET', '/api/dunning/runs')).statusCode).toBe(200);
    expect((await call(manager, 'GET', '/api/dunning/runs?limit=0')).statusCode).toBe(400);
    expect((await call(manager, 'GET', '/api/dunning/runs?limit=101')).statusCode).toBe(400);
    expect((await call(manager, 'GET', '/api/dunning/runs?offset=-1')).statusCode).toBe(400);
  });
});
