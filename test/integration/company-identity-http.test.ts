/**
 * `GET/PUT /api/company/identity`: the administrator reads and replaces who the company is on
 * its documents; other roles are refused, a malformed identity is a 400, and a change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let admin: Session;
let collector: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  admin = await signIn(app, emailOf('admin'));
  collector = await signIn(app, emailOf('collector'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const IDENTITY = {
  name: 'Web SA',
  siren: '552100554',
  addressLine1: '12 rue de la République',
  addressLine2: null,
  postalCode: '69002',
  city: 'Lyon',
  country: 'FR',
  legalForm: null,
  shareCapitalMinor: null,
  rcsCity: null,
};

const put = (session: Session, payload: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: '/api/company/identity', headers: session.headers, payload });

describe('company identity', () => {
  it('lets the administrator replace it, audited with before and after', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/company/identity', headers: admin.headers });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ name: 'Web SA', siren: null, city: null });
    const saved = await put(admin, { ...IDENTITY, name: '  Web SA  ', addressLine2: ' ' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(IDENTITY);
    const read = await app.inject({ method: 'GET', url: '/api/company/identity', headers: admin.headers });
    expect(read.json()).toEqual(IDENTITY);
    const audit = await app.inject({
      method: 'GET',
      url: '/api/audit?entity=company&entityKey=WEB',
      headers: admin.headers,
    });
    expect(audit.json().items[0]).toMatchObject({
      actor: emailOf('admin'),
      action: 'company.identity',
      before: { siren: null, city: null },
      after: { siren: '552100554', city: 'Lyon' },
    });
  });

  it('sets the legal mentions of the letters, and keeps them when a change leaves them out', async () => {
    const mentions = { legalForm: 'SA', shareCapitalMinor: 15_000_000, rcsCity: 'Lyon' };
    const saved = await put(admin, { ...IDENTITY, ...mentions });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ...IDENTITY, ...mentions });
    const { legalForm: _form, shareCapitalMinor: _capital, rcsCity: _city, ...older } = IDENTITY;
    const without = await put(admin, { ...older, city: 'Villeurbanne' });
    expect(without.json()).toEqual({ ...IDENTITY, ...mentions, city: 'Villeurbanne' });
    expect((await put(admin, { ...IDENTITY, shareCapitalMinor: -1 })).statusCode).toBe(400);
    expect((await put(admin, IDENTITY)).json()).toEqual(IDENTITY);
  });

  it('refuses the other roles', async () => {
    const read = await app.inject({
      method: 'GET',
      url: '/api/company/identity',
      headers: collector.headers,
    });
    expect(read.statusCode).toBe(403);
    expect((await put(collector, IDENTITY)).statusCode).toBe(403);
  });

  it('refuses a malformed identity and changes nothing', async () => {
    for (const wrong of [{ siren: '12345' }, { country: 'France' }, { name: '' }, { city: undefined }]) {
      const response = await put(admin, { ...IDENTITY, ...wrong });
      expect(response.statusCode, JSON.stringify(wrong)).toBe(400);
    }
    const blankName = await put(admin, { ...IDENTITY, name: '   ' });
    expect(blankName.statusCode).toBe(400);
    const read = await app.inject({ method: 'GET', url: '/api/company/identity', headers: admin.headers });
    expect(read.json()).toEqual(IDENTITY);
  });
});
