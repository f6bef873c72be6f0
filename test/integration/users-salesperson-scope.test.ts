/**
 * A salesperson user's scope is a salesperson name of the customers file (walk B item 7): a typing
 * slip is refused with the closest name, a difference of case takes the file's spelling, and the
 * other roles have no scope.
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

const create = (payload: Record<string, unknown>, lang = 'fr') =>
  app.inject({
    method: 'POST',
    url: `/api/users?lang=${lang}`,
    headers: admin.headers,
    payload: { name: 'Nouveau', password: 'long-enough-1', ...payload },
  });

describe('the sales scope of a user', () => {
  it('lists the salespeople of the customers file for the users page', async () => {
    const listed = await app.inject({ url: '/api/users/salespeople', headers: admin.headers });
    expect(listed.json()).toEqual(['Alice', 'Bob']);
  });

  it('refuses a name no customer carries, with the closest one', async () => {
    const slip = await create({ email: 'slip@web.test', role: 'salesperson', salesperson: 'Alicee' });
    expect(slip.statusCode).toBe(400);
    expect(slip.json().detail).toBe(
      'Aucun client n’a pour commercial «\u00a0Alicee\u00a0» (vouliez-vous dire «\u00a0Alice\u00a0»\u00a0?)\u00a0: ce compte ne verrait aucun client. Commerciaux du fichier clients\u00a0: Alice, Bob',
    );
    const unknown = await create({ email: 'none@web.test', role: 'salesperson', salesperson: 'Zoé' }, 'en');
    expect(unknown.json().detail).toBe(
      'No customer has the salesperson "Zoé": this account would see no customer. Salespeople of the customers file: Alice, Bob',
    );
  });

  it('takes the file’s spelling of a name typed in another case', async () => {
    const created = await create({ email: 'case@web.test', role: 'salesperson', salesperson: '  bob ' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ salesperson: 'Bob' });
  });

  it('gives no scope to the other roles, and takes it from a user who leaves the salesperson role', async () => {
    const collector = await create({ email: 'coll@web.test', role: 'collector', salesperson: 'Alice' });
    expect(collector.statusCode).toBe(400);
    expect(collector.json().detail).toBe(
      'Le périmètre commercial ne concerne que le rôle Commercial\u00a0; il est sans effet pour le rôle Chargé de recouvrement',
    );
    const moved = await app.inject({
      method: 'PATCH',
      url: '/api/users/case@web.test',
      headers: admin.headers,
      payload: { role: 'collector' },
    });
    expect(moved.json()).toMatchObject({ role: 'collector', salesperson: null });
    const back = await app.inject({
      method: 'PATCH',
      url: '/api/users/case@web.test',
      headers: admin.headers,
      payload: { role: 'salesperson', salesperson: 'Alice' },
    });
    expect(back.json()).toMatchObject({ role: 'salesperson', salesperson: 'Alice' });
  });
});
