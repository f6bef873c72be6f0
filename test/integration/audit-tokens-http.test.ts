/**
 * Two admin pages' API after the walk-through: the audit log filtered by the words it shows (« Client »,
 * « Données de démonstration », « Fiche client modifiée »), by part of a person's address and by days;
 * API tokens listed with where they stand against their expiry, and a second live token of one name
 * for one person refused with a worded 409. The clock is the tests' (2026-06-30 12:00 UTC).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { updateCustomer } from '#app/customers/customer-update';
import { httpFixtureOfFile } from './http-file.fixture.ts';
import { emailOf } from './http-fixture.ts';

const web = httpFixtureOfFile({ admin: emailOf('admin'), manager: emailOf('credit_manager') });
const { admin, manager } = web.sessions;
const { call } = web;

interface Page {
  total: number;
  items: { actor: string; action: string; entity: string; entityKey: string; at: string }[];
}
const audit = async (query: string, lang = 'fr'): Promise<Page> => {
  const response = await web.app.inject({
    url: `/api/audit?${query}`,
    headers: { ...admin.headers, 'accept-language': lang },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the audit log filtered by the words it shows', () => {
  it('finds entries by object, author and operation as worded, in French or English', async () => {
    // One change by the demo loader, one by a person.
    await updateCustomer({ ...web.database.context('WEB'), actor: 'demo' }, 'K01', {
      creditLimitMinor: 150_000,
    });
    const patched = await call(manager, 'PATCH', '/api/customers/K02', { creditLimitMinor: 180_000 });
    expect(patched.statusCode).toBe(200);

    const byCode = await audit('entity=customer');
    expect(byCode.total).toBeGreaterThanOrEqual(2);
    expect((await audit('entity=Client')).total).toBe(byCode.total);
    expect((await audit('entity=customer%20', 'en')).total).toBe(byCode.total);
    expect((await audit(`entity=${encodeURIComponent('Customer')}`, 'en')).total).toBe(byCode.total);

    const demo = await audit(`actor=${encodeURIComponent('Données de démonstration')}`);
    expect(demo.items.map((e) => [e.actor, e.entityKey])).toEqual([['demo', 'K01']]);
    // A person by part of their address, whatever the case.
    const claire = await audit('actor=CLAIRE');
    expect(claire.items.map((e) => [e.actor, e.entityKey])).toEqual([[emailOf('credit_manager'), 'K02']]);

    const updates = await audit(`action=${encodeURIComponent('Fiche client modifiée')}`);
    expect(updates.items.map((e) => e.entityKey).sort()).toEqual(['K01', 'K02']);
    expect((await audit('action=customer.update')).total).toBe(updates.total);
    // A word that means nothing finds nothing (rather than everything).
    expect((await audit('entity=Licorne')).total).toBe(0);
  });

  it('keeps the entries of the days asked, in the zone given, and refuses a day that is none', async () => {
    const ctx = web.database.context('WEB');
    // 22:30 UTC on 14 June is 00:30 on 15 June in Paris: the day is the reader's, not UTC's.
    await sql`insert into audit_log (company_id, at, actor, action, entity, entity_key)
      values ('WEB', '2026-06-14T22:30:00Z', 'demo', 'customer.note', 'customer', 'K09')`.execute(ctx.db);
    const paris = await audit('from=2026-06-15&to=2026-06-15&timeZone=Europe%2FParis');
    expect(paris.items.map((e) => e.entityKey)).toEqual(['K09']);
    expect((await audit('from=2026-06-14&to=2026-06-14&timeZone=Europe%2FParis')).total).toBe(0);
    expect((await audit('from=2026-06-14&to=2026-06-14')).items.map((e) => e.entityKey)).toEqual(['K09']);
    const since = await audit('from=2026-06-15');
    expect(since.items.every((e) => e.at >= '2026-06-15')).toBe(true);
    expect(since.items.some((e) => e.entityKey === 'K09')).toBe(false);

    const badDay = await web.app.inject({ url: '/api/audit?from=14/06/2026', headers: admin.headers });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().detail).toBe(
      'Journal d’audit\u00a0: «\u00a014/06/2026\u00a0» n’est pas une date (AAAA-MM-JJ)',
    );
    const badZone = await web.app.inject({
      url: '/api/audit?from=2026-06-14&timeZone=Mars',
      headers: admin.headers,
    });
    expect(badZone.statusCode).toBe(400);
  });
});

describe('API tokens', () => {
  interface Token {
    id: number;
    name: string;
    expiresAt: string;
    expiry: string;
    daysLeft: number;
  }
  const tokens = async (): Promise<Token[]> => (await call(admin, 'GET', '/api/tokens')).json();

  it('says when each expires, and flags those ending within 14 days or ended', async () => {
    expect((await call(admin, 'POST', '/api/tokens', { name: 'ERP' })).statusCode).toBe(201);
    const soon = await call(admin, 'POST', '/api/tokens', { name: 'Script', expiresInDays: 10 });
    expect(soon.statusCode).toBe(201);
    await sql`insert into api_tokens (company_id, email, name, token_hash, expires_at)
      values ('WEB', ${emailOf('admin')}, 'Ancien', 'not-a-real-hash', '2026-06-01T00:00:00Z')`.execute(
      web.database.context('WEB').db,
    );
    const listed = await tokens();
    expect(listed.map((t) => [t.name, t.expiresAt, t.expiry, t.daysLeft])).toEqual([
      ['ERP', '2026-09-28T12:00:00.000Z', 'valid', 90],
      ['Script', '2026-07-10T12:00:00.000Z', 'expiring', 10],
      ['Ancien', '2026-06-01T00:00:00.000Z', 'expired', 0],
    ]);
  });

  it('refuses a second live token of one name for one person, and frees the name once revoked', async () => {
    const again = await call(admin, 'POST', '/api/tokens', { name: ' erp ' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'conflict',
      detail: `${emailOf('admin')} a déjà un jeton d’API actif nommé «\u00a0erp\u00a0»\u00a0: choisissez un autre nom, ou révoquez l’ancien jeton`,
    });
    // Another person may have their own « ERP »; an expired token leaves its name free.
    expect(
      (await call(admin, 'POST', '/api/tokens', { name: 'ERP', email: emailOf('credit_manager') }))
        .statusCode,
    ).toBe(201);
    expect((await call(admin, 'POST', '/api/tokens', { name: 'Ancien' })).statusCode).toBe(201);
    const erp = (await tokens()).find((t) => t.name === 'ERP');
    expect((await call(admin, 'DELETE', `/api/tokens/${erp?.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'POST', '/api/tokens', { name: 'ERP' })).statusCode).toBe(201);
  });
});
