/**
 * A password refused for containing its account's e-mail name is worded for whoever sets it: an
 * administrator setting a colleague's (a new account's first password, or a reset) is told about
 * that colleague, not about « votre adresse e-mail »; a person changing their own is told « votre ».
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let admin: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  admin = await signIn(app, 'admin@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const setPassword = (email: string, password: string, lang = 'fr') =>
  app.inject({
    method: 'PATCH',
    url: `/api/users/${encodeURIComponent(email)}?lang=${lang}`,
    headers: admin.headers,
    payload: { password },
  });

describe('a password holding its account’s e-mail name', () => {
  it('names the colleague an administrator creates', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users?lang=fr',
      headers: admin.headers,
      payload: {
        email: 'jean.dupont@web.test',
        name: 'Jean Dupont',
        role: 'collector',
        password: 'jean.dupont-2026',
      },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().detail).toBe(
      'Le mot de passe de Jean Dupont ne peut pas contenir le nom de son adresse e-mail (jean.dupont@web.test)',
    );
  });

  it('names the colleague whose password an administrator resets, in the reader’s language', async () => {
    const reset = await setPassword('claire@web.test', 'Claire-encours-2026');
    expect(reset.statusCode).toBe(400);
    expect(reset.json().detail).toBe(
      'Le mot de passe de claire ne peut pas contenir le nom de son adresse e-mail (claire@web.test)',
    );
    expect(reset.json().detail).not.toContain('votre');
    const english = await setPassword('claire@web.test', 'Claire-encours-2026', 'en');
    expect(english.json().detail).toBe(
      'The password of claire may not contain their e-mail name (claire@web.test)',
    );
  });

  it('says « votre » to the administrator setting their own', async () => {
    const own = await setPassword('admin@web.test', 'admin-encours-2026');
    expect(own.statusCode).toBe(400);
    expect(own.json().detail).toBe('Un mot de passe ne peut pas contenir le nom de votre adresse e-mail');
  });
});
