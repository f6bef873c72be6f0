/** The HTTP API over the same use cases: health, paginated customers, customer file, problems. */
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';

const web = httpFixtureOfFile({ admin: 'admin@web.test' });
const get = (url: string) => web.call(web.sessions.admin, 'GET', url);

describe('HTTP API', () => {
  it('answers the health check without signing in (company codes only to signed-in callers)', async () => {
    const response = await web.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: expect.any(String) });
  });

  it('paginates customers with the total', async () => {
    const page = (await get('/api/customers?limit=5&offset=10')).json();
    expect(page.total).toBe(12);
    expect(page.items.map((item: { code: string }) => item.code)).toEqual(['K11', 'K12']);
    const overdue = (await get('/api/customers?sort=overdue&limit=1')).json();
    expect(overdue.items[0]).toMatchObject({
      code: 'K03',
      balanceMinor: 250_000,
      overdueMinor: 250_000,
      currency: 'EUR',
    });
    const byCode = (await get('/api/customers?limit=3&offset=2')).json();
    expect(byCode.items[0]).toMatchObject({ code: 'K03', balanceMinor: 250_000, overdueMinor: 250_000 });
    const byName = (await get('/api/customers?sort=name&search=client%201&limit=2')).json();
    expect(byName.total).toBe(4);
    expect(byName.items.map((item: { name: string }) => item.name)).toEqual(['Client 1', 'Client 10']);
    expect((await get('/api/customers?overdue=true')).json().total).toBe(1);
  });

  it('gives the customer file with open items as of a date', async () => {
    const file = (await get('/api/customers/K03?asOf=2026-04-30')).json();
    expect(file.openItems).toEqual([
      expect.objectContaining({ externalRef: 'F1', openMinor: 250_000, daysPastDue: 30 }),
    ]);
    const before = (await get('/api/customers/K03?asOf=2026-02-28')).json();
    expect(before.openItems).toEqual([]);
    const documents = (await get('/api/customers/K03/documents')).json();
    expect(documents).toMatchObject({ asOf: '2026-04-30', total: 1, items: [{ externalRef: 'F1' }] });
    expect((await get('/api/customers/K03/allocations')).json()).toMatchObject({ total: 0, items: [] });
    expect((await get('/api/customers/K03/orders')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('answers problems as application/problem+json with a stable code', async () => {
    const missing = await get('/api/customers/NOPE');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    const invalid = await get('/api/customers?limit=0');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('invalid_input');
    const anonymous = await web.app.inject('/api/customers');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await web.app.inject('/api/nowhere')).json()).toMatchObject({ status: 404, code: 'not_found' });
    // A domain error is worded in the reader's language: French by default, English when asked.
    const french = await web.app.inject('/api/nowhere/else');
    expect(french.json().detail).toBe('Aucune route GET /api/nowhere/else');
    const english = await web.app.inject({ url: '/api/nowhere', headers: { 'accept-language': 'en-GB' } });
    expect(english.json().detail).toBe('No route GET /api/nowhere');
    expect((await web.app.inject('/api/nowhere?lang=en')).json().detail).toBe('No route GET /api/nowhere');
  });

  it('publishes its OpenAPI 3.1 description and browsable docs', async () => {
    const spec = (await web.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/customers', '/api/customers/{code}', '/api/audit']),
    );
    expect(spec.paths['/api/customers/{code}'].patch.description).toContain('Roles: admin, credit_manager.');
    const docs = await web.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
