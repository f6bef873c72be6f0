/**
 * The API under attack (issue 10, points 7–10): sign-in throttling under concurrency and the
 * password policy, the scope of a salesperson without a name, API token expiry and revocation,
 * malformed bodies answered 400 with a problem document, 5xx logged with a request id, security
 * headers, and a health check that names no company to strangers.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#app/context';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  admin = await signIn(app, 'admin@web.test');
  manager = await signIn(app, 'claire@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const login = (email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('sign-in throttling and password policy', () => {
  it('answers 429 to 40 wrong passwords sent in parallel', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('philippe@web.test', 'wrong-password', '10.1.0.1')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    // Five tries are checked; the others are refused before their password is (the throttle, or
    // past 30 sign-in requests a minute from one address, the rate limit).
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
  });

  it('does not sign in with the right password sent among 20 wrong ones once locked', async () => {
    const attempts = [
      ...Array.from({ length: 20 }, () => login('bob@web.test', 'wrong-password', '10.1.0.2')),
      login('bob@web.test', PASSWORD, '10.1.0.2'),
    ];
    const answers = await Promise.all(attempts);
    const right = answers.at(-1);
    expect(right?.statusCode).toBe(429);
    expect(right?.cookies.find((cookie) => cookie.name === 'encours_session')).toBeUndefined();
  });

  it('gives a new address no fresh tries on the same account', async () => {
    for (let i = 0; i < 10; i++) await login('alice@web.test', 'wrong-password', `10.2.0.${i}`);
    expect((await login('alice@web.test', PASSWORD, '10.2.1.1')).statusCode).toBe(429);
  });

  it('refuses common passwords, and a too short one', async () => {
    for (const password of ['1234567890', 'Password123!', 'azertyuiop', 'short']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { email: 'weak@web.test', name: 'Weak', role: 'collector', password },
      });
      expect({ password, status: response.statusCode, code: response.json().code }).toEqual({
        password,
        status: 400,
        code: 'invalid_input',
      });
    }
  });

  it('limits the rate of requests per address (the registered rate-limit plugin)', async () => {
    const response = await app.inject({ url: '/api/auth/me', headers: manager.headers });
    expect(Number(response.headers['x-ratelimit-limit'])).toBeGreaterThan(0);
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push((await login('nobody@web.test', 'x', '10.3.0.1')).statusCode);
    expect(answers.at(-1)).toBe(429);
  });
});

describe('a salesperson without a salesperson name', () => {
  it('is refused by PATCH, and sees nothing when the name is gone anyway', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/users/alice@web.test',
      headers: admin.headers,
      payload: { salesperson: null },
    });
    expect(patch.statusCode).toBe(400);
    // K12 has no salesperson: before, a nameless salesperson matched it (null = null).
    const unassign = await app.inject({
      method: 'PATCH',
      url: '/api/customers/K12',
      headers: manager.headers,
      payload: { salesperson: null },
    });
    expect(unassign.statusCode).toBe(200);
    // A user left without a name (an account from before the rule, or changed in the database).
    await database.runtime.handle.pool.query(
      `update users set salesperson = null where company_id = 'WEB' and email = 'bob@web.test'`,
    );
    const bob = await signInFresh('bob@web.test');
    const list = await app.inject({ url: '/api/customers', headers: bob.headers });
    expect(list.json()).toMatchObject({ items: [], total: 0 });
    for (const url of ['/api/customers/K12', '/api/customers/K12/documents', '/api/customers/K12/events']) {
      const response = await app.inject({ url, headers: bob.headers });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
    }
    const note = await app.inject({
      method: 'POST',
      url: '/api/customers/K12/notes',
      headers: bob.headers,
      payload: { text: 'je ne devrais pas pouvoir écrire ici' },
    });
    expect(note.statusCode).toBe(404);
  });
});

/** Signs in from an address of its own, so the throttling tests above do not interfere. */
async function signInFresh(email: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: '10.9.9.9',
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: { cookie, 'x-csrf-token': response.json().csrfToken } };
}

describe('API tokens', () => {
  const createToken = async (payload: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; token: string; expiresAt: string };
  };
  const withToken = (token: string) =>
    app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('stops working when its owner’s password is changed', async () => {
    const created = await createToken({ name: 'ERP', email: 'julien@web.test' });
    expect((await withToken(created.token)).statusCode).toBe(200);
    const reset = await app.inject({
      method: 'PATCH',
      url: '/api/users/julien@web.test',
      headers: admin.headers,
      payload: { password: 'un-nouveau-secret-2026' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await withToken(created.token)).statusCode).toBe(401);
    const listed = (await app.inject({ url: '/api/tokens', headers: admin.headers })).json();
    expect(listed.find((token: { id: number }) => token.id === created.id)).toMatchObject({
      revokedAt: expect.any(String),
      lastUsedAt: expect.any(String),
    });
  });

  it('expires: 90 days by default, or as chosen at creation', async () => {
    const standard = await createToken({ name: 'BI' });
    const short = await createToken({ name: 'Essai', expiresInDays: 1 });
    expect(standard.expiresAt).toBe('2026-09-28T12:00:00.000Z');
    expect(short.expiresAt).toBe('2026-07-01T12:00:00.000Z');
    expect((await withToken(short.token)).statusCode).toBe(200);
    const clock = database.runtime.clock;
    database.runtime.clock = fixedClock('2026-07-02');
    try {
      expect((await withToken(short.token)).statusCode).toBe(401);
      expect((await withToken(standard.token)).statusCode).toBe(200);
    } finally {
      database.runtime.clock = clock;
    }
    const listed = (await app.inject({ url: '/api/tokens', headers: admin.headers })).json();
    expect(listed.find((token: { id: number }) => token.id === standard.id)).toMatchObject({
      expiresAt: '2026-09-28T12:00:00.000Z',
      lastUsedAt: expect.any(String),
    });
  });
});

describe('malformed requests', () => {
  const expectProblem = (response: Awaited<ReturnType<ApiServer['inject']>>, status = 400) => {
    expect({ status: response.statusCode, type: response.headers['content-type'] }).toEqual({
      status,
      type: expect.stringContaining('application/problem+json'),
    });
    expect(response.json()).toMatchObject({ status, code: expect.any(String), detail: expect.any(String) });
  };

  it('answers 400 to NUL characters in a JSON body or a query', async () => {
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/customers/K01/notes',
        headers: manager.headers,
        payload: { text: 'note\u0000cachée' },
      }),
    );
    expectProblem(await app.inject({ url: '/api/customers?search=a%00b', headers: manager.headers }));
    expectProblem(await login('nul\u0000@web.test', 'x', '10.4.0.1'));
  });

  it('answers 400 to a body that is not JSON', async () => {
    expectProblem(
      await app.inject({
        method: 'POST',
        url: '/api/customers/K01/notes',
        headers: { ...manager.headers, 'content-type': 'application/json' },
        payload: '{"text": "pas fini',
      }),
    );
  });

  const upload = (contentType: string, payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/imports/payments?dryRun=true',
      headers: { ...manager.headers, 'content-type': contentType },
      payload,
    });
  const part = (name: string, fileName: string, text: string) =>
    `--b\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\n` +
    `Content-Type: text/csv\r\n\r\n${text}\r\n`;
  const csv = 'N° règlement;Code client;Date règlement;Montant\nR1;K01;06/04/2026;10,00\n';

  it('answers 400 to a multipart body without a boundary, a 1,000-character file name and a second file', async () => {
    expectProblem(await upload('multipart/form-data', part('file', 'a.csv', csv)));
    expectProblem(
      await upload(
        'multipart/form-data; boundary=b',
        `${part('file', `${'x'.repeat(1000)}.csv`, csv)}--b--\r\n`,
      ),
    );
    const twoFiles = `${part('file', 'a.csv', csv)}${part('file', 'b.csv', csv)}--b--\r\n`;
    const second = await upload('multipart/form-data; boundary=b', twoFiles);
    expectProblem(second);
    // In French by default, in the words of the catalogue.
    expect(second.json().detail).toBe('Envoyez un seul fichier, dans le champ multipart «\u00a0file\u00a0»');
    // The same upload with one file is fine.
    expect(
      (await upload('multipart/form-data; boundary=b', `${part('file', 'a.csv', csv)}--b--\r\n`)).statusCode,
    ).toBe(200);
  });

  it('logs every 5xx with its request id, and tells the caller the id only', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildServer(database.runtime, { webRoot: null, logger: { level: 'error', stream } });
    logged.get('/api/test-failure', { config: { access: 'public' } }, async () => {
      throw new Error('a bug with a secret inside');
    });
    try {
      const response = await logged.inject({ url: '/api/test-failure' });
      expect(response.statusCode).toBe(500);
      const requestId = response.headers['x-request-id'];
      expect(requestId).toEqual(expect.any(String));
      expect(response.json()).toMatchObject({
        code: 'internal',
        title: 'Erreur interne',
        detail: `Erreur interne (requête ${requestId})`,
      });
      expect(response.body).not.toContain('secret');
      const entries = lines.map((line) => JSON.parse(line));
      expect(entries).toEqual([
        expect.objectContaining({
          level: 50,
          requestId,
          err: expect.objectContaining({ message: 'a bug with a secret inside' }),
        }),
      ]);
    } finally {
      await logged.close();
    }
  });
});

describe('headers and health', () => {
  it('sends a Content-Security-Policy and a Permissions-Policy', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['permissions-policy']).toContain('camera=()');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('names the companies to signed-in callers only', async () => {
    const anonymous = (await app.inject({ url: '/api/health' })).json();
    expect(anonymous).toEqual({ status: 'ok', database: expect.any(String) });
    const signedIn = (await app.inject({ url: '/api/health', headers: manager.headers })).json();
    expect(signedIn.companies).toContain('WEB');
  });
});
