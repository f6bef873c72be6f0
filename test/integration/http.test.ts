/** The HTTP API over the same use cases: health, paginated customers, customer file, problems. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/load-dataset';
import { buildServer } from '#http/server';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let app: FastifyInstance;

const customer = (code: string, name: string) => ({
  code,
  name,
  siren: null,
  siret: null,
  vatNumber: null,
  customerType: 'sme' as const,
  groupCode: null,
  salesperson: 'Alice',
  paymentTerms: 'net:30',
  currency: 'EUR',
  creditLimitMinor: 100_000,
  billingEmail: null,
  contacts: [],
  address: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
  language: 'fr',
  status: 'active' as const,
});

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset(
    { ...database.context('WEB'), actor: 'test' },
    {
      company: { code: 'WEB', name: 'Web SA', currency: 'EUR', asOf: '2026-04-30' },
      customers: Array.from({ length: 12 }, (_, index) =>
        customer(`K${String(index + 1).padStart(2, '0')}`, `Client ${index + 1}`),
      ),
      documents: [
        {
          kind: 'invoice',
          source: 't',
          externalRef: 'F1',
          customerCode: 'K03',
          issueDate: '2026-03-01',
          dueDate: '2026-03-31',
          valueDate: null,
          amountMinor: 250_000,
          currency: 'EUR',
          label: null,
        },
      ],
      allocations: [],
      orders: [],
      events: [],
    },
  );
  app = await buildServer(database.runtime);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('HTTP API', () => {
  it('answers the health check', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', companies: ['WEB'] });
  });

  it('paginates customers with the total', async () => {
    const page = (await app.inject('/api/customers?limit=5&offset=10')).json();
    expect(page.total).toBe(12);
    expect(page.items.map((item: { code: string }) => item.code)).toEqual(['K11', 'K12']);
    const overdue = (await app.inject('/api/customers?sort=overdue&limit=1')).json();
    expect(overdue.items[0]).toMatchObject({
      code: 'K03',
      balanceMinor: 250_000,
      overdueMinor: 250_000,
      currency: 'EUR',
    });
  });

  it('gives the customer file with open items as of a date', async () => {
    const file = (await app.inject('/api/customers/K03?asOf=2026-04-30')).json();
    expect(file.openItems).toEqual([
      expect.objectContaining({ externalRef: 'F1', openMinor: 250_000, daysPastDue: 30 }),
    ]);
    const before = (await app.inject('/api/customers/K03?asOf=2026-02-28')).json();
    expect(before.openItems).toEqual([]);
  });

  it('answers problems as application/problem+json with a stable code', async () => {
    const missing = await app.inject('/api/customers/NOPE');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    const invalid = await app.inject('/api/customers?limit=0');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('invalid_input');
  });

  it('publishes its OpenAPI 3.1 description', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/customers', '/api/customers/{code}']),
    );
  });
});
