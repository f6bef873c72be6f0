/**
 * The run's review before sending and the semester rates table, over HTTP and the CLI: a run sends
 * only the reviewed customers; the rates table is read by staff, written by an admin only, in
 * basis points over the API and in % on the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let admin: Session;
let manager: Session;
let collector: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  admin = await signIn(app, emailOf('admin'));
  manager = await signIn(app, emailOf('credit_manager'));
  collector = await signIn(app, emailOf('collector'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

const encours = (...args: string[]) => encoursOn(database, ...args);

type Rate = { semester: string; ecbRateBps: number; legalInterestRateBps: number | null; source: string };
const customersOf = (body: { actions: { customerCode: string }[] }) =>
  body.actions.map((a) => a.customerCode);

describe('reviewed run', () => {
  it('sends only the selected customers, and the excluded ones stay planned', async () => {
    const preview = (await call(collector, 'POST', '/api/dunning/runs/preview', {})).json();
    expect(customersOf(preview)).toEqual(['K03']);
    // K03 excluded from the selection: nothing goes out, K03 is still due afterwards.
    const without = await call(collector, 'POST', '/api/dunning/runs', { customerCodes: ['K04'] });
    expect(without.statusCode).toBe(200);
    expect(customersOf(without.json())).toEqual([]);
    expect(customersOf((await call(collector, 'POST', '/api/dunning/runs/preview', {})).json())).toEqual([
      'K03',
    ]);
    const sent = (await call(collector, 'POST', '/api/dunning/runs', { customerCodes: ['K03'] })).json();
    expect([customersOf(sent), sent.runId === null]).toEqual([['K03'], false]);
    expect(customersOf((await call(collector, 'POST', '/api/dunning/runs/preview', {})).json())).toEqual([]);
  });
});

describe('semester rates table', () => {
  it('lets an admin enter a semester in basis points and refuses the credit manager', async () => {
    const body = { ecbRateBps: 215, legalInterestRateBps: null, source: 'BCE' };
    expect((await call(manager, 'PUT', '/api/dunning/rates/2012H2', body)).statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/api/dunning/rates/2012H2', body);
    expect(saved.statusCode).toBe(200);
    const rows = (await call(collector, 'GET', '/api/dunning/rates')).json() as Rate[];
    expect(rows.find((r) => r.semester === '2012H2')).toEqual({ semester: '2012H2', ...body });
    const refused = await call(admin, 'PUT', '/api/dunning/rates/2031H3', body);
    expect([refused.statusCode, refused.json().detail]).toEqual([
      400,
      'Semestre «\u00a02031H3\u00a0» non reconnu\u00a0: écrivez-le comme S2\u00a02026 ou 2026S2.',
    ]);
  });

  it('takes a semester as French writes it, « S2 2010 » or « 2010S2 », and stores its key', async () => {
    const body = { ecbRateBps: 200, legalInterestRateBps: null, source: 'BCE' };
    for (const [typed, ecbRateBps] of [
      ['S2 2010', 200],
      ['2010S2', 210],
      ['s1-2011', 220],
    ] as const) {
      const saved = await call(admin, 'PUT', `/api/dunning/rates/${encodeURIComponent(typed)}`, {
        ...body,
        ecbRateBps,
      });
      expect(saved.statusCode).toBe(200);
    }
    const rows = (await call(collector, 'GET', '/api/dunning/rates')).json() as Rate[];
    const kept = rows.filter((r) => r.semester.startsWith('2010') || r.semester.startsWith('2011'));
    expect(kept.map((r) => [r.semester, r.ecbRateBps])).toEqual(
      expect.arrayContaining([
        ['2010H2', 210],
        ['2011H1', 220],
      ]),
    );
    expect(kept).toHaveLength(2);
  });

  it('refuses a half-year whose ECB rate cannot be known yet: after the next one', async () => {
    // The company's date is 30/04/2026, the clock's 30/06/2026: judged from the later, the 2nd half
    // of 2026 is the latest whose rate can be known.
    const body = { ecbRateBps: 215, legalInterestRateBps: null, source: 'BCE' };
    const refused = await call(admin, 'PUT', `/api/dunning/rates/${encodeURIComponent('S1 2027')}`, body);
    expect([refused.statusCode, refused.json().detail]).toEqual([
      400,
      'Le taux du 1er semestre 2027 ne peut pas encore être connu\u00a0: c’est le taux de la BCE en vigueur le premier jour du semestre. Au 30/06/2026, le dernier semestre que l’on peut saisir est le 2nd semestre 2026.',
    ]);
    const english = await app.inject({
      method: 'PUT',
      url: '/api/dunning/rates/2027H2?lang=en',
      headers: admin.headers,
      payload: body,
    });
    expect(english.json().detail).toBe(
      'The rate of the second half of 2027 cannot be known yet: it is the ECB rate in force on the first day of the half-year. On 30/06/2026, the latest half-year that can be entered is the second half of 2026.',
    );
    const rows = (await call(collector, 'GET', '/api/dunning/rates')).json() as Rate[];
    expect(rows.filter((r) => r.semester >= '2027')).toEqual([]);
    const cli = await encours('dunning', 'rates', 'set', 'S2 2027', '--ecb', '2,15');
    expect(cli.status).not.toBe(0);
  });

  it('records a half-year new to the table as added, a correction as changed with what it was', async () => {
    const body = { ecbRateBps: 215, legalInterestRateBps: 262, source: 'BCE' };
    expect((await call(admin, 'PUT', '/api/dunning/rates/2026H2', body)).statusCode).toBe(200);
    expect(
      (await call(admin, 'PUT', '/api/dunning/rates/2026H2', { ...body, ecbRateBps: 200 })).statusCode,
    ).toBe(200);
    const audit = (await call(admin, 'GET', '/api/audit?entityKey=2026H2')).json() as {
      items: { action: string; before: unknown; after: unknown }[];
    };
    expect(audit.items.map((entry) => [entry.action, entry.before])).toEqual([
      ['dunning.rate', { semester: '2026H2', ...body }],
      ['dunning.rate_added', null],
    ]);
  });

  it('lists and sets rates in % from the command line, keeping the legal rate when not given', async () => {
    const set = await encours('dunning', 'rates', 'set', '2013h1', '--ecb', '2,15', '--legal', '3.5');
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('1er semestre 2013');
    expect(set.stdout).toContain('12,15');
    expect((await encours('dunning', 'rates', 'set', '2013H1', '--ecb', '2.4')).status).toBe(0);
    const listed = await encours('--json', 'dunning', 'rates');
    expect(listed.status).toBe(0);
    const row = (JSON.parse(listed.stdout) as Rate[]).find((r) => r.semester === '2013H1');
    expect(row).toMatchObject({ ecbRateBps: 240, legalInterestRateBps: 350 });
    const table = await encours('dunning', 'rates', '--lang', 'en');
    // The half-year in words, not its key.
    expect(table.stdout).toMatch(/first half of 2013\s+2\.40%\s+12\.40%\s+3\.50%/);
    expect((await encours('dunning', 'rates', 'set', '2013H2', '--ecb', '2.155')).status).not.toBe(0);
  });
});
