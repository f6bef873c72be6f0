/**
 * The collectors' agenda over HTTP and the command line: portfolios (assigned by the credit
 * department, one collector's list by default), done / snoozed / reassigned entries, audited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let julien: Session;
let claire: Session;
let alice: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  julien = await signIn(app, emailOf('collector'));
  claire = await signIn(app, emailOf('credit_manager'));
  alice = await signIn(app, 'alice@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const codesOf = (body: { entries: { customerCode: string }[] }) => body.entries.map((e) => e.customerCode);
const agenda = async (session: Session, query = '') =>
  (await call(session, 'GET', `/api/dunning/agenda${query}`)).json();

const encours = (...args: string[]) => encoursOn(database, ...args);

describe('portfolios', () => {
  it('lets the credit department assign customers, in bulk, audited; a collector then sees their own', async () => {
    const before = await agenda(julien);
    expect([before.scope, codesOf(before)]).toEqual([{ kind: 'all', collector: null }, ['K03']]);
    expect(before.collectors).toEqual([{ email: 'julien@web.test', name: 'julien', customers: 0 }]);
    const payload = { customerCodes: ['K03', 'K04'], collector: 'Julien@web.test' };
    expect((await call(julien, 'PUT', '/api/dunning/agenda/portfolios', payload)).statusCode).toBe(403);
    const assigned = await call(claire, 'PUT', '/api/dunning/agenda/portfolios', payload);
    expect(assigned.json()).toEqual({
      collector: 'julien@web.test',
      assigned: ['K03', 'K04'],
      unchanged: [],
    });
    expect((await call(claire, 'PUT', '/api/dunning/agenda/portfolios', payload)).json().unchanged).toEqual([
      'K03',
      'K04',
    ]);
    const unknown = await call(claire, 'PUT', '/api/dunning/agenda/portfolios?lang=en', {
      customerCodes: ['K04', 'ZZ9'],
      collector: 'julien@web.test',
    });
    expect([unknown.statusCode, unknown.json().detail]).toEqual([404, 'Unknown customers: ZZ9.']);
    const audit = await sql<{ actor: string; entityKey: string; after: unknown }>`
      select actor, entity_key as "entityKey", after from audit_log
      where company_id = 'WEB' and action = 'agenda.assign' order by audit_id`.execute(
      database.context('WEB').db,
    );
    expect(audit.rows).toEqual([
      { actor: 'claire@web.test', entityKey: 'K03', after: { collector: 'julien@web.test' } },
      { actor: 'claire@web.test', entityKey: 'K04', after: { collector: 'julien@web.test' } },
    ]);
    const own = await agenda(julien);
    expect([own.scope, codesOf(own), own.entries[0].collector]).toEqual([
      { kind: 'collector', collector: 'julien@web.test' },
      ['K03'],
      'julien@web.test',
    ]);
  });

  it('lets a manager pick a collector, all or the unassigned, and refuses that to a collector and a salesperson', async () => {
    expect(codesOf(await agenda(claire, '?collector=julien%40web.test'))).toEqual(['K03']);
    expect(codesOf(await agenda(claire, '?collector=unassigned'))).toEqual([]);
    expect(codesOf(await agenda(claire, '?collector=all'))).toEqual(['K03']);
    for (const query of ['?collector=unassigned', '?collector=claire%40web.test', '?collector=all'])
      expect((await call(julien, 'GET', `/api/dunning/agenda${query}`)).statusCode).toBe(403);
    expect((await call(alice, 'GET', '/api/dunning/agenda?collector=julien%40web.test')).statusCode).toBe(
      403,
    );
    expect(codesOf(await agenda(alice))).toEqual(['K03']);
  });
});

describe('the entries of the day', () => {
  const decide = (session: Session, code: string, body: object) =>
    call(session, 'POST', `/api/dunning/agenda/entries/${code}/decision?lang=en`, body);

  it('hides an entry done for the rest of the day and a snoozed one until its date', async () => {
    const done = await decide(julien, 'K03', { decision: 'done' });
    expect(done.json()).toMatchObject({ decision: 'done', asOf: '2026-04-30', hiddenThrough: '2026-04-30' });
    const today = await agenda(julien);
    expect([codesOf(today), today.hiddenCount]).toEqual([[], 1]);
    expect(codesOf(await agenda(julien, '?asOf=2026-05-01'))).toEqual(['K03']);
    const early = await decide(julien, 'K03', { decision: 'snoozed', until: '2026-04-30' });
    expect([early.statusCode, early.json().detail]).toEqual([
      400,
      'The snooze date must come after 2026-04-30.',
    ]);
    const snoozed = await decide(julien, 'K03', { decision: 'snoozed', until: '2026-05-05' });
    expect(snoozed.json().hiddenThrough).toBe('2026-05-04');
    expect(codesOf(await agenda(julien, '?asOf=2026-05-04'))).toEqual([]);
    expect(codesOf(await agenda(julien, '?asOf=2026-05-05'))).toEqual(['K03']);
    expect((await decide(alice, 'K03', { decision: 'done' })).statusCode).toBe(403);
  });

  it('hands a customer and its open call tasks to another collector, who alone may then act on it', async () => {
    // F1's letter went out on 15 April (recorded by hand): the run of 30 April makes the call task
    // (a run takes an invoice one step further, and F1 was never reminded by Encours).
    await recordManualReminder(database.context('WEB', '2026-04-15'), {
      customerCode: 'K03',
      channel: 'letter',
      stepCode: 'reminder_2',
      doneOn: '2026-04-15',
    });
    expect((await call(julien, 'POST', '/api/dunning/runs', {})).statusCode).toBe(200);
    const reassigned = await decide(julien, 'K03', { decision: 'reassigned', collector: 'claire@web.test' });
    expect(reassigned.json()).toMatchObject({ decision: 'reassigned', collector: 'claire@web.test' });
    expect(reassigned.json().reassignedTaskIds).toHaveLength(1);
    const tasks = await sql<{ assignedTo: string }>`
      select assigned_to as "assignedTo" from dunning_call_tasks
      where company_id = 'WEB' and customer_code = 'K03' and status = 'open'`.execute(
      database.context('WEB').db,
    );
    expect(tasks.rows).toEqual([{ assignedTo: 'claire@web.test' }]);
    expect((await decide(julien, 'K03', { decision: 'done' })).statusCode).toBe(403);
    expect(codesOf(await agenda(claire, '?collector=claire%40web.test&asOf=2026-05-05'))).toEqual(['K03']);
    const nobody = await decide(claire, 'K03', { decision: 'reassigned', collector: 'alice@web.test' });
    expect([nobody.statusCode, nobody.json().detail]).toEqual([
      404,
      'No active user alice@web.test who may hold a collection portfolio.',
    ]);
  });
});

describe('encours agenda', () => {
  it('assigns by a list of codes, shows a collector’s portfolio and records the day’s decisions', async () => {
    const assigned = await encours(
      'agenda',
      'assign',
      'K05,K06',
      'K07',
      '--collector',
      'julien@web.test',
      '--lang',
      'en',
    );
    expect(assigned).toEqual({ status: 0, stdout: '3 customers assigned to julien@web.test.\n' });
    const json = await encours('--json', 'agenda', '--collector', 'claire@web.test', '--as-of', '2026-05-05');
    expect(JSON.parse(json.stdout)).toMatchObject({
      scope: { kind: 'collector', collector: 'claire@web.test' },
      entries: [{ customerCode: 'K03', collector: 'claire@web.test' }],
    });
    const snoozed = await encours(
      'agenda',
      'snooze',
      'K03',
      '--until',
      '2026-05-08',
      '--as-of',
      '2026-05-05',
      '--lang',
      'en',
    );
    expect(snoozed).toEqual({ status: 0, stdout: 'K03: snoozed, back on 08/05/2026.\n' });
    const text = await encours(
      'agenda',
      '--collector',
      'claire@web.test',
      '--as-of',
      '2026-05-05',
      '--lang',
      'en',
    );
    expect(text.stdout).toContain('Portfolio of claire@web.test');
    expect(text.stdout).toContain('1 entry done or snoozed is hidden today.');
    const reassigned = await encours(
      'agenda',
      'reassign',
      'K03',
      '--collector',
      'julien@web.test',
      '--lang',
      'en',
    );
    expect(reassigned).toEqual({
      status: 0,
      stdout: 'K03: handed to julien@web.test (1 open task moved).\n',
    });
    const out = await encours('agenda', 'assign', 'K05', '--collector', 'none', '--lang', 'en');
    expect(out.stdout).toBe('1 customer taken out of their portfolio.\n');
  });
});

describe('an unknown collector', () => {
  it('is an error, not an empty day: 404 over HTTP, exit 4 on the command line, in the reader’s language', async () => {
    const http = await call(claire, 'GET', '/api/dunning/agenda?collector=nobody%40x.fr');
    expect([http.statusCode, http.json().detail]).toEqual([
      404,
      'Aucun utilisateur actif nobody@x.fr pouvant tenir un portefeuille de recouvrement.',
    ]);
    const english = await call(claire, 'GET', '/api/dunning/agenda?collector=nobody%40x.fr&lang=en');
    expect(english.json().detail).toBe('No active user nobody@x.fr who may hold a collection portfolio.');
    const cli = await encours('--json', 'agenda', '--collector', 'nobody@x.fr');
    expect([cli.status, JSON.parse(cli.stdout).error.code]).toEqual([4, 'not_found']);
    // A collector with no customer yet still has an agenda, empty.
    const own = await encours('--json', 'agenda', '--collector', 'julien@web.test', '--as-of', '01/05/2026');
    expect([own.status, JSON.parse(own.stdout).asOf]).toEqual([0, '2026-05-01']);
  });
});
