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
    expect((await call(manager, 'PUT', '/api/dunning/rates/2031H2', body)).statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/api/dunning/rates/2031H2', body);
    expect(saved.statusCode).toBe(200);
    const rows = (await call(collector, 'GET', '/api/dunning/rates')).json() as Rate[];
    expect(rows.find((r) => r.semester === '2031H2')).toEqual({ semester: '2031H2', ...body });
    const refused = await call(admin, 'PUT', '/api/dunning/rates/2031H3', body);
    expect([refused.statusCode, refused.json().detail]).toEqual([
      400,
      'Semestre «\u00a02031H3\u00a0» non reconnu\u00a0: écrivez-le comme S2\u00a02026 ou 2026S2.',
    ]);
  });

  it('takes a semester as French writes it, « S2 2033 » or « 2033S2 », and stores its key', async () => {
    const body = { ecbRateBps: 200, legalInterestRateBps: null, source: 'BCE' };
    for (const [typed, ecbRateBps] of [
      ['S2 2033', 200],
      ['2033S2', 210],
      ['s1-2034', 220],
    ] as const) {
      const saved = await call(admin, 'PUT', `/api/dunning/rates/${encodeURIComponent(typed)}`, {
        ...body,
        ecbRateBps,
      });
      expect(saved.statusCode).toBe(200);
    }
    const rows = (await call(collector, 'GET', '/api/dunning/rates')).json() as Rate[];
    const kept = rows.filter((r) => r.semester.startsWith('2033') || r.semester.startsWith('2034'));
    expect(kept.map((r) => [r.semester, r.ecbRateBps])).toEqual(
      expect.arrayContaining([
        ['2033H2', 210],
        ['2034H1', 220],
      ]),
    );
    expect(kept).toHaveLength(2);
  });

  it('lists and sets rates in % from the command line, keeping the legal rate when not given', async () => {
    const set = await encours('dunning', 'rates', 'set', '2032h1', '--ecb', '2,15', '--legal', '3.5');
    expect(set.status).toBe(0);
    expect(set.stdout).toContain('1er semestre 2032');
    expect(set.stdout).toContain('12,15');
    expect((await encours('dunning', 'rates', 'set', '2032H1', '--ecb', '2.4')).status).toBe(0);
    const listed = await encours('--json', 'dunning', 'rates');
    expect(listed.status).toBe(0);
    const row = (JSON.parse(listed.stdout) as Rate[]).find((r) => r.semester === '2032H1');
    expect(row).toMatchObject({ ecbRateBps: 240, legalInterestRateBps: 350 });
    const table = await encours('dunning', 'rates', '--lang', 'en');
    // The half-year in words, not its key.
    expect(table.stdout).toMatch(/first half of 2032\s+2\.40%\s+12\.40%\s+3\.50%/);
    expect((await encours('dunning', 'rates', 'set', '2032H2', '--ecb', '2.155')).status).not.toBe(0);
  });
});
