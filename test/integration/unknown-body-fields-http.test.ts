/**
 * A body field the route does not declare is refused (400, named in the reader's language), not
 * dropped in silence with a 200 that changed nothing: `PATCH /api/users/:email` first, where
 * `{"rolle": "collector"}` left the role as it was, then any route (src/http/closed-schemas.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

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

const roleOf = async (email: string): Promise<string | undefined> => {
  const users = (await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers })).json();
  return (users as { email: string; role: string }[]).find((user) => user.email === email)?.role;
};

describe('undeclared body fields', () => {
  it('refuses a misspelt field of a user’s change and changes nothing', async () => {
    const email = emailOf('salesperson');
    const url = `/api/users/${encodeURIComponent(email)}`;
    const misspelt = await app.inject({
      method: 'PATCH',
      url: `${url}?lang=en`,
      headers: admin.headers,
      payload: { rolle: 'collector' },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json()).toMatchObject({ code: 'invalid_input' });
    expect(misspelt.json().detail).toContain('rolle');
    expect(await roleOf(email)).toBe('salesperson');
    // The same change, spelt right, is made.
    const named = await app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { name: 'Alice Martin' },
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ email, name: 'Alice Martin', role: 'salesperson' });
  });

  it('refuses one on a route whose schema did not say so itself, nested objects included', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: emailOf('admin'), password: 'encours-demo', remember: true },
    });
    expect(login.statusCode).toBe(400);
    const contacts = await app.inject({
      method: 'PATCH',
      url: '/api/customers/K01',
      headers: admin.headers,
      payload: { contacts: [{ name: 'Jeanne', emial: 'jeanne@example.test' }] },
    });
    expect(contacts.statusCode).toBe(400);
    expect(contacts.json().detail).toContain('emial');
  });
});
