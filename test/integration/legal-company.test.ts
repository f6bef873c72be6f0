/**
 * Company-register enrichment on a small company, with hand-made answers of the API Recherche
 * d'entreprises served by an injected fetch (no test touches the network): fields stored, a ceased
 * company alerted once, retries on 503, the cache, an unavailable register, and the offline file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { CompanyDataUnavailable, createCompanyDataClient } from '#app/legal/company-data-client';
import { enrichCustomers } from '#app/legal/enrich-company';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;

const company = (siren: string, name: string, status: 'A' | 'C') => ({
  siren,
  nom_complet: name,
  nom_raison_sociale: name,
  nature_juridique: '5499',
  date_creation: '2010-05-03',
  activite_principale: '46.90Z',
  tranche_effectif_salarie: '12',
  etat_administratif: status,
  date_fermeture: status === 'C' ? '2026-02-01' : null,
  nombre_etablissements: 2,
  nombre_etablissements_ouverts: status === 'C' ? 0 : 2,
  dirigeants: [{ nom: 'DUPONT-SECRET', prenoms: 'Jeanne' }],
  siege: {
    siret: `${siren}00012`,
    numero_voie: '3',
    type_voie: 'AV',
    libelle_voie: 'FOCH',
    code_postal: '13001',
    libelle_commune: 'MARSEILLE',
  },
});
const ANSWERS: Record<string, unknown> = {
  '552100554': { results: [company('552100554', 'ALPHA NEGOCE', 'A')], total_results: 1 },
  '732829320': { results: [company('732829320', 'BETA DISTRIBUTION', 'C')], total_results: 1 },
  '404833048': { results: [], total_results: 0 },
};

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('LEG');
  await loadDataset(
    { ...ctx, actor: 'test' },
    {
      company: { code: 'LEG', name: 'Legal SA', currency: 'EUR', asOf: '2026-06-30' },
      customers: [
        customer('C1', { siren: '552100554' }),
        customer('C2', { siren: '732829320' }),
        customer('C3'),
        customer('C4', { siren: '404833048' }),
      ],
      documents: [],
      allocations: [],
      orders: [],
      events: [],
      users: [],
    },
  );
}, 120_000);
afterAll(async () => {
  await database?.close();
});

function fakeFetch(failFirst: Set<string>) {
  const calls: string[] = [];
  const fetch = (async (url: string | URL) => {
    const query = new URL(String(url)).searchParams.get('q') ?? '';
    calls.push(query);
    if (failFirst.delete(query)) return new Response('busy', { status: 503 });
    return Response.json(ANSWERS[query] ?? { results: [] });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('company enrich', () => {
  it('stores the register fields, alerts a ceased company once, retries and caches', async () => {
    const { fetch, calls } = fakeFetch(new Set(['552100554']));
    const client = createCompanyDataClient({
      baseUrl: 'https://register.test/',
      fetch,
      pause: async () => {},
    });
    const first = await enrichCustomers(ctx, { source: { kind: 'client', client } });
    expect(first.items.map((i) => [i.customerCode, i.outcome, i.ceasedAlert])).toEqual([
      ['C1', 'enriched', false],
      ['C2', 'enriched', true],
      ['C3', 'no_siren', false],
      ['C4', 'not_found', false],
    ]);
    expect(calls).toEqual(['552100554', '552100554', '732829320', '404833048']);
    const stored = await ctx.db
      .selectFrom('legal_company_data')
      .selectAll()
      .where('company_id', '=', 'LEG')
      .orderBy('customer_code')
      .execute();
    expect(
      stored.map((row) => [row.customer_code, row.legal_name, row.legal_form_code, row.naf_code]),
    ).toEqual([
      ['C1', 'ALPHA NEGOCE', '5499', '46.90Z'],
      ['C2', 'BETA DISTRIBUTION', '5499', '46.90Z'],
    ]);
    expect(stored[0]).toMatchObject({
      creation_date: '2010-05-03',
      headcount_band: '12',
      administrative_status: 'A',
      establishments_count: 2,
      head_office: {
        line1: '3 AV FOCH',
        postalCode: '13001',
        city: 'MARSEILLE',
        siret: '55210055400012',
        country: 'FR',
      },
    });
    expect(JSON.stringify(stored)).not.toContain('DUPONT-SECRET');

    const again = await enrichCustomers(ctx, { source: { kind: 'client', client } });
    expect(again.items.some((i) => i.ceasedAlert)).toBe(false);
    expect(calls).toHaveLength(4);
    const alerts = await ctx.db
      .selectFrom('customer_events')
      .select(['customer_code', 'detail'])
      .where('company_id', '=', 'LEG')
      .where('kind', '=', 'risk_alert')
      .execute();
    expect(alerts).toEqual([{ customer_code: 'C2', detail: expect.stringContaining('01/02/2026') }]);
  });

  it('reports an unavailable register after its retries, and reads a file offline', async () => {
    let attempts = 0;
    const down = createCompanyDataClient({
      retries: 2,
      pause: async () => {},
      fetch: (async () => {
        attempts += 1;
        return new Response('down', { status: 502 });
      }) as typeof globalThis.fetch,
    });
    await expect(down.search('552100554')).rejects.toBeInstanceOf(CompanyDataUnavailable);
    expect(attempts).toBe(3);
    const one = await enrichCustomers(ctx, { customerCode: 'C1', source: { kind: 'client', client: down } });
    expect(one.items).toEqual([expect.objectContaining({ customerCode: 'C1', outcome: 'unavailable' })]);

    const body = { searchTerms: '552100554', result: ANSWERS['552100554'] };
    const offline = await enrichCustomers(ctx, { customerCode: 'C1', source: { kind: 'file', body } });
    expect(offline.items[0]?.company?.legalName).toBe('ALPHA NEGOCE');
    await expect(
      enrichCustomers(ctx, { customerCode: 'NOPE', source: { kind: 'file', body } }),
    ).rejects.toThrow(/Unknown customer: NOPE/);
  });

  it('gives up on a request that outlasts its timeout', async () => {
    const slow = createCompanyDataClient({
      retries: 0,
      timeoutMs: 5,
      fetch: ((_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        )) as typeof globalThis.fetch,
    });
    await expect(slow.search('552100554')).rejects.toBeInstanceOf(CompanyDataUnavailable);
  });
});
