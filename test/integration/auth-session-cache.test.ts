/**
 * The server's memory of session lookups (src/db/auth/session-cache.ts) must never let a
 * revoked session keep working: a change made by this process counts from the next request, a
 * change made anywhere else from its commit's notification (migration 0032). On the embedded
 * engine nothing is remembered, and the same requests must answer the same.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSessionUser } from '#db/auth/auth-queries';
import { cachedSession, forgetCachedSessions, openSessionCache } from '#db/auth/session-cache';
import type { ApiServer } from '#http/api-types';
import { serverUrl, type TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let admin: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  admin = await signIn(app, emailOf('admin'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const me = (session: Session) => app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });

async function changeUser(email: string, changes: Record<string, unknown>) {
  const response = await app.inject({
    method: 'PATCH',
    url: `/api/users/${encodeURIComponent(email)}`,
    headers: admin.headers,
    payload: changes,
  });
  expect(response.statusCode).toBe(200);
}

describe('sessions remembered by the server, changed by this process', () => {
  it('ends a session on sign-out from the very next request', async () => {
    const session = await signIn(app, emailOf('collector'));
    expect((await me(session)).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('applies a new role, a disabled account and a new password from the very next request', async () => {
    const email = emailOf('director');
    const session = await signIn(app, email);
    expect((await me(session)).json().user.role).toBe('director');
    await changeUser(email, { role: 'collector' });
    expect((await me(session)).json().user).toMatchObject({ role: 'collector' });
    await changeUser(email, { name: 'Renamed' });
    expect((await me(session)).json().user).toMatchObject({ name: 'Renamed', role: 'collector' });
    await changeUser(email, { disabled: true });
    expect((await me(session)).statusCode).toBe(401);
    await changeUser(email, { disabled: false, role: 'director' });
    // Disabling ended the session for good; a new one works again, until a new password.
    const again = await signIn(app, email);
    expect((await me(again)).json().user.role).toBe('director');
    await changeUser(email, { password: `${PASSWORD}-new` });
    expect((await me(again)).statusCode).toBe(401);
  });
});

describe.skipIf(!serverUrl)('sessions remembered by the server, changed elsewhere (PostgreSQL)', () => {
  it('serves a remembered session until a notification of any change to users arrives', async () => {
    const db = database.runtime.handle.db;
    // A memory that only notifications may end (the server's own is bounded to 2 s as well).
    const cache = await openSessionCache(db, database.runtime.handle.pool, { lifetimeMs: 600_000 });
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      const email = emailOf('auditor');
      const session = await signIn(app, email);
      expect((await me(session)).json().user.role).toBe('auditor');
      // A change the listener cannot hear (its trigger off): the remembered role still answers,
      // which shows that the lookup is remembered at all.
      await other.query('alter table users disable trigger users_auth_changed');
      await other.query(`update users set role = 'collector' where email = $1`, [email]);
      await other.query('alter table users enable trigger users_auth_changed');
      expect((await me(session)).json().user.role).toBe('auditor');
      // Another process disables the user: heard on commit, the next lookups read the database.
      await other.query('update users set disabled_at = now() where email = $1', [email]);
      let status = 200;
      for (let attempt = 0; attempt < 500 && status === 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await me(session)).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await other.end();
      await cache.close();
    }
  });

  it('checks the expiry on every hit, forgets on a change of this process, stops without a listener', async () => {
    const db = database.runtime.handle.db;
    const cache = await openSessionCache(db, database.runtime.handle.pool, { lifetimeMs: 600_000 });
    let loads = 0;
    const expiresAt = new Date('2026-07-01T12:00:00Z');
    const load = async () => {
      loads++;
      return { row: { email: 'x' }, expiresAt };
    };
    const before = new Date('2026-07-01T11:00:00Z');
    await cachedSession(db, 'h1', before, load);
    await cachedSession(db, 'h1', before, load);
    expect(loads).toBe(1);
    // Past its expiry by the caller's clock, the session is read again (and the query refuses it).
    await cachedSession(db, 'h1', expiresAt, load);
    expect(loads).toBe(2);
    // A change of this process: read again, and not remembered until its notification arrives.
    forgetCachedSessions();
    await cachedSession(db, 'h1', before, load);
    await cachedSession(db, 'h1', before, load);
    expect(loads).toBe(4);
    await cache.close();
    // A lookup overtaken by a change is not remembered.
    const fresh = await openSessionCache(db, database.runtime.handle.pool, { lifetimeMs: 600_000 });
    await cachedSession(db, 'h2', before, load);
    await cachedSession(db, 'h2', before, load);
    expect(loads).toBe(5);
    await cachedSession(db, 'h3', before, async () => {
      loads++;
      forgetCachedSessions();
      return { row: { email: 'y' }, expiresAt };
    });
    await cachedSession(db, 'h3', before, load);
    expect(loads).toBe(7);
    await fresh.close();
    // Closed: no memory at all.
    await cachedSession(db, 'h1', before, load);
    await cachedSession(db, 'h1', before, load);
    expect(loads).toBe(9);
    expect(await findSessionUser(db, 'no such hash'.padEnd(64, '0'), before)).toBeNull();
  });
});
