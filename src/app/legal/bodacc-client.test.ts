/**
 * The BODACC records API client against a fake `fetch` serving the real answer of the shared test
 * data (read at test time, when present): the query names the SIRENs and the date, pages are followed until the
 * hit count, a 503 is retried and a 404 is not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapBodaccResponse } from '#core/legal/bodacc';
import { BodaccUnavailable, bodaccQuery, createBodaccClient, SIRENS_PER_QUERY } from './bodacc-client.ts';

const FIXTURE = resolve(
  import.meta.dirname,
  '../../../../shared/testdata/fr-apis/bodacc/annuaire_e2e_bodacc.json',
);
/** The real answer when the shared test data is there; three records of the same shape otherwise. */
const answer = existsSync(FIXTURE)
  ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { nhits: number; records: unknown[] })
  : {
      nhits: 3,
      records: ['radiation', 'dpc', 'dpc'].map((familleavis, i) => ({
        recordid: `r${i}`,
        fields: { id: `B${i}`, registre: '880878145', dateparution: '2022-11-23', familleavis },
      })),
    };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('BODACC records API client', () => {
  it('asks for the SIRENs published since the date and follows the pages up to the hit count', async () => {
    const urls: URL[] = [];
    const fetch = (async (input: string | URL) => {
      const url = new URL(String(input));
      urls.push(url);
      const start = Number(url.searchParams.get('start'));
      // Two pages: the first two records, then the third.
      return json({
        nhits: answer.nhits,
        records: start === 0 ? answer.records.slice(0, 2) : answer.records.slice(2),
      });
    }) as typeof globalThis.fetch;
    const client = createBodaccClient({ baseUrl: 'http://bodacc.test/', fetch });
    const { records } = await client.fetchRecords(['880878145'], '2022-01-01');
    expect(records).toHaveLength(answer.nhits);
    expect(mapBodaccResponse({ records }).map((a) => a.family)).toContain('deregistration');
    expect(urls.map((u) => u.searchParams.get('start'))).toEqual(['0', '2']);
    expect(urls[0]?.pathname).toBe('/api/records/1.0/search/');
    expect(urls[0]?.searchParams.get('dataset')).toBe('annonces-commerciales');
    expect(urls[0]?.searchParams.get('q')).toBe('registre:(880878145) AND dateparution>=2022-01-01');
  });

  it('splits the SIRENs into queries of twenty', async () => {
    const queries: string[] = [];
    const fetch = (async (input: string | URL) => {
      queries.push(new URL(String(input)).searchParams.get('q') ?? '');
      return json({ nhits: 0, records: [] });
    }) as typeof globalThis.fetch;
    const sirens = Array.from({ length: SIRENS_PER_QUERY + 1 }, (_, i) => String(100_000_000 + i));
    await createBodaccClient({ fetch }).fetchRecords(sirens, null);
    expect(queries).toEqual([bodaccQuery(sirens.slice(0, SIRENS_PER_QUERY), null), 'registre:(100000020)']);
  });

  it('retries a server error, and gives up at once on a refusal', async () => {
    let calls = 0;
    const flaky = (async () => (++calls === 1 ? json({}, 503) : json(answer))) as typeof globalThis.fetch;
    const pauses: number[] = [];
    const client = createBodaccClient({ fetch: flaky, retries: 2, pause: async (n) => void pauses.push(n) });
    expect((await client.fetchRecords(['880878145'], null)).records).toHaveLength(answer.nhits);
    expect(pauses).toEqual([0]);

    let refused = 0;
    const notFound = (async () => {
      refused += 1;
      return json({}, 404);
    }) as typeof globalThis.fetch;
    await expect(
      createBodaccClient({ fetch: notFound, pause: async () => {} }).fetchRecords(['880878145'], null),
    ).rejects.toBeInstanceOf(BodaccUnavailable);
    expect(refused).toBe(1);
  });
});
