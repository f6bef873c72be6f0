/** Report routes of the HTTP API: JSON documents and CSV/XLSX/PDF files from the same use cases. */
import { describe, expect, it } from 'vitest';
import { httpFixtureOfFile } from './http-file.fixture.ts';

const web = httpFixtureOfFile({ admin: 'admin@web.test' });
const get = (url: string) => web.call(web.sessions.admin, 'GET', url);

describe('report routes', () => {
  it('serves the aged balance as JSON with its proof, and drills down', async () => {
    const response = await get('/api/reports/aging?asOf=2026-04-30&by=salesperson');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ asOf: '2026-04-30', basis: 'due', currency: 'EUR' });
    expect(body.groups).toEqual([
      expect.objectContaining({
        key: 'Alice',
        totalMinor: 250_000,
        bucketsMinor: [0, 250_000, 0, 0, 0],
        creditsMinor: 0,
      }),
    ]);
    expect(body.proof.matchesLedger).toBe(true);
    const drill = (await get('/api/reports/aging?asOf=2026-04-30&drill=K03')).json();
    expect(drill.documents.map((d: { externalRef: string }) => d.externalRef)).toEqual(['F1']);
  });

  it('serves the other reports as JSON', async () => {
    for (const url of [
      '/api/reports/kpis?to=2026-04-30',
      '/api/reports/risk-table?asOf=2026-04-30',
      '/api/reports/crosstab?asOf=2026-04-30&rows=salesperson&columns=bucket',
      '/api/reports/anomalies?asOf=2026-04-30',
    ]) {
      const response = await get(url);
      expect([url, response.statusCode]).toEqual([url, 200]);
    }
    const crosstab = (
      await get('/api/reports/crosstab?asOf=2026-04-30&rows=salesperson&columns=bucket')
    ).json();
    expect(crosstab.totalMinor).toBe(250_000);
    expect(crosstab.criteria.population).toBeTypeOf('string');
  });

  it('exports files and rejects bad parameters', async () => {
    const xlsx = await get('/api/reports/risk-table?asOf=2026-04-30&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get('/api/reports/kpis?to=2026-04-30&format=pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await get('/api/reports/aging?asOf=2026-04-30&format=csv');
    expect(csv.payload).toContain('K03');
    expect((await get('/api/reports/aging?buckets=60,30')).statusCode).toBe(400);
    expect((await get('/api/reports/crosstab?rows=bucket&columns=bucket')).statusCode).toBe(400);
  });
});
