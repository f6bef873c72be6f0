/**
 * Authentication and authorisation of the API: sessions and their cookies, CSRF, API tokens,
 * throttling, one role test per route (table-driven over every registered route), the
 * salesperson's scope, and the audit trail of writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdministrators } from '#app/auth/users';
import { ROLES, type Role } from '#core/types';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  for (const role of ROLES) sessions.set(role, await signIn(app, emailOf(role)));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const as = (role: Role) => sessions.get(role)!.headers;

describe('sign-in and sessions', () => {
  it('sets an HttpOnly SameSite session cookie and a readable CSRF cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'Claire@Web.test', password: 'encours-demo' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ companyId: 'WEB', user: { role: 'credit_manager' } });
    const session = response.cookies.find((c) => c.name === 'encours_session');
    const csrf = response.cookies.find((c) => c.name === 'encours_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.json().csrfToken);
  });

  it('refuses a wrong password without telling whether the e-mail exists', async () => {
    for (const email of ['claire@web.test', 'nobody@web.test']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong', company: 'WEB' },
        remoteAddress: '10.0.0.1',
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_credentials');
    }
  });

  it('throttles repeated failures for one address and e-mail', async () => {
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'julien@web.test', password },
        remoteAddress: '10.0.0.2',
      });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const blocked = await attempt('encours-demo');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires the CSRF header for writes made with the cookie', async () => {
    const { cookie } = as('credit_manager');
    const patch = (headers: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url: '/api/customers/K01',
        headers,
        payload: { paymentTerms: 'net:30' },
      });
    expect((await patch({ cookie })).json().code).toBe('csrf_failed');
    expect((await patch({ cookie, 'x-csrf-token': 'forged' })).statusCode).toBe(403);
    expect((await patch(as('credit_manager'))).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const session = await signIn(app, 'philippe@web.test');
    expect((await app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('accepts API tokens (stored hashed, revocable) without CSRF', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as('admin'),
      payload: { name: 'ERP', email: 'julien@web.test' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^enc_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({
      user: { email: 'julien@web.test', role: 'collector' },
      csrfToken: null,
    });
    const stored = await database.runtime.handle.pool.query('select token_hash from api_tokens');
    expect(JSON.stringify(stored.rows)).not.toContain(token);
    const listed = (await app.inject({ url: '/api/tokens', headers: as('admin') })).json();
    expect(listed[0]).toMatchObject({ id, name: 'ERP', lastUsedAt: expect.any(String), revokedAt: null });
    await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: as('admin') });
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer enc_nope' } })).statusCode,
    ).toBe(401);
  });
});

describe('roles: every API route', () => {
  it('lists a declared access for every route', () => {
    const urls = app.routeAccess.map((route) => `${route.method} ${route.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'PATCH /api/customers/:code',
        'GET /api/customers/:code/payment-behaviour',
        'GET /api/audit',
        'GET /api/users',
      ]),
    );
  });

  it('answers 401 without sign-in, 403 to roles not allowed, and lets allowed roles through', async () => {
    const failures: string[] = [];
    for (const route of app.routeAccess) {
      const url = route.url.replace(/:[a-zA-Z]+/g, 'K03').replace('*', 'index.html');
      const request = (headers: Record<string, string>) =>
        app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
      const anonymous = await request({});
      if (route.access === 'public') continue;
      if (anonymous.statusCode !== 401)
        failures.push(`${route.method} ${url} anonymous → ${anonymous.statusCode}`);
      for (const role of ROLES) {
        // Signing out would end the shared session: use a session of its own.
        const headers = url === '/api/auth/logout' ? (await signIn(app, emailOf(role))).headers : as(role);
        const status = (await request(headers)).statusCode;
        const allowed = route.access.includes(role);
        if (allowed ? status === 401 || status === 403 : status !== 403)
          failures.push(`${route.method} ${url} as ${role} → ${status} (allowed: ${allowed})`);
      }
    }
    expect(failures).toEqual([]);
    // Every route × every role (seven since the auditor): over a minute on a loaded 2-core machine.
  }, 300_000);
});

describe('a salesperson sees only their customers', () => {
  it('filters the list and hides other files (404), whatever the query says', async () => {
    const mine = (await app.inject({ url: '/api/customers?limit=100', headers: as('salesperson') })).json();
    expect(mine.total).toBe(10);
    expect(mine.items.every((item: { salesperson: string }) => item.salesperson === 'Alice')).toBe(true);
    const theirs = await app.inject({ url: '/api/customers?salesperson=Bob', headers: as('salesperson') });
    expect(theirs.json().total).toBe(0);
    for (const path of ['', '/documents', '/allocations', '/orders', '/events']) {
      const response = await app.inject({ url: `/api/customers/K11${path}`, headers: as('salesperson') });
      expect(response.statusCode, path).toBe(404);
    }
    const note = await app.inject({
      method: 'POST',
      url: '/api/customers/K11/notes',
      headers: as('salesperson'),
      payload: { text: 'not mine' },
    });
    expect(note.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/customers/K11', headers: as('director') })).statusCode).toBe(200);
  });
});

describe('customer changes and the audit trail', () => {
  it('updates the file, audits before/after and tells the limit change in the story', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/customers/K05',
      headers: as('credit_manager'),
      payload: {
        creditLimitMinor: 250_000,
        paymentTerms: '45 jours fin de mois',
        contacts: [{ name: 'Marie Dupont', email: 'marie@k05.test' }],
        status: 'blocked',
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().changed).toEqual(['creditLimitMinor', 'paymentTerms', 'contacts', 'status']);
    const file = (await app.inject({ url: '/api/customers/K05', headers: as('director') })).json();
    expect(file.customer).toMatchObject({
      creditLimitMinor: 250_000,
      paymentTerms: 'eom:45',
      status: 'blocked',
    });
    expect(file.events[0]).toMatchObject({
      kind: 'limit_change',
      eventDate: '2026-04-30',
      createdBy: 'claire@web.test',
      detail: expect.stringMatching(/1\s000,00\s€ → 2\s500,00\s€/),
    });
    const audit = (await app.inject({ url: '/api/customers/K05/audit', headers: as('director') })).json();
    expect(audit.items[0]).toMatchObject({
      actor: 'claire@web.test',
      action: 'customer.update',
      before: { creditLimitMinor: 100_000, paymentTerms: 'net:30', status: 'active' },
      after: { creditLimitMinor: 250_000, paymentTerms: 'eom:45', status: 'blocked' },
    });
    const global = (await app.inject({ url: '/api/audit?entity=customer', headers: as('admin') })).json();
    expect(global.items.some((entry: { entityKey: string }) => entry.entityKey === 'K05')).toBe(true);
    const rejected = await app.inject({
      method: 'PATCH',
      url: '/api/customers/K05',
      headers: as('credit_manager'),
      payload: { paymentTerms: 'quand il veut' },
    });
    expect(rejected.json()).toMatchObject({ status: 400, code: 'invalid_input' });
  });

  it('keeps the audit log append-only', async () => {
    await expect(
      database.runtime.handle.pool.query(`update audit_log set actor = 'someone else'`),
    ).rejects.toThrow(/append-only/);
    // The embedded engine drops its connection after a failed statement (reported); reconnect.
    await database.runtime.handle.pool.query('select 1').catch(() => undefined);
  });

  it('records notes with mentions of colleagues', async () => {
    const note = await app.inject({
      method: 'POST',
      url: '/api/customers/K03/notes',
      headers: as('salesperson'),
      payload: {
        text: 'Client promet un virement vendredi, @julien@web.test peux-tu suivre ? @inconnu@x.test',
      },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ mentions: ['julien@web.test'], createdBy: 'alice@web.test' });
    const mentions = (await app.inject({ url: '/api/auth/mentions', headers: as('collector') })).json();
    expect(mentions[0]).toMatchObject({ customerCode: 'K03', createdBy: 'alice@web.test' });
    const events = (await app.inject({ url: '/api/customers/K03/events', headers: as('collector') })).json();
    expect(events.items[0]).toMatchObject({ kind: 'note', createdBy: 'alice@web.test' });
  });
});

describe('users', () => {
  it('lets the admin create, change and disable users; audited without password hashes', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as('admin'),
      payload: {
        email: 'New@Web.test',
        name: 'Nouveau',
        role: 'collector',
        salesperson: ' ',
        password: 'long-enough-1',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'new@web.test', salesperson: null });
    const session = await signIn(app, 'new@web.test', 'long-enough-1');
    const disabled = await app.inject({
      method: 'PATCH',
      url: '/api/users/new@web.test',
      headers: as('admin'),
      payload: { disabled: true },
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await app.inject({ url: '/api/auth/me', headers: session.headers })).statusCode).toBe(401);
    const audit = (await app.inject({ url: '/api/audit?entity=user', headers: as('admin') })).json();
    expect(audit.items.map((entry: { action: string }) => entry.action)).toEqual([
      'user.update',
      'user.create',
    ]);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('keeps a deactivated colleague in the directory by name, marked inactive', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: as('admin'),
      payload: {
        email: 'former@web.test',
        name: 'Ancienne Collègue',
        role: 'collector',
        password: 'long-enough-1',
      },
    });
    expect(created.statusCode).toBe(201);
    const disabled = await app.inject({
      method: 'PATCH',
      url: '/api/users/former@web.test',
      headers: as('admin'),
      payload: { disabled: true },
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    const directory = (await app.inject({ url: '/api/users/directory', headers: as('salesperson') })).json();
    // Their past actions are still shown under their name; pickers offer the active ones only.
    expect(directory).toContainEqual({ email: 'former@web.test', name: 'Ancienne Collègue', active: false });
    expect(directory).toContainEqual(expect.objectContaining({ email: 'julien@web.test', active: true }));
  });

  it('gives a company without users an administrator', async () => {
    const ctx = { ...database.context('WEB') };
    await database.runtime.handle.pool.query(
      `insert into companies (company_id, name) values ('NEW', 'New SA')`,
    );
    const created = await ensureAdministrators(ctx, {});
    expect(created).toEqual([
      { companyId: 'NEW', email: 'admin@new.local', generatedPassword: expect.stringMatching(/.{16}/) },
    ]);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@new.local', password: created[0]?.generatedPassword },
    });
    expect(login.json()).toMatchObject({ companyId: 'NEW', user: { role: 'admin' } });
    expect(await ensureAdministrators(ctx, {})).toEqual([]);
  });
});
