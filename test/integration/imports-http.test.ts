/** `POST /api/imports/{entity}`: spreadsheet uploads run the same use case as `encours import`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let importer: Session;

function upload(
  session: Session,
  entity: string,
  fileName: string,
  text: string,
  query = '',
  fields: Record<string, string> = {},
) {
  const boundary = 'encoursuploadboundary';
  const fieldParts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload =
    fieldParts.join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return app.inject({
    method: 'POST',
    url: `/api/imports/${entity}${query}`,
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  // Invoices are imported by the credit department (a collector imports payments only).
  importer = await signIn(app, 'claire@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('POST /api/imports/{entity}', () => {
  const invoices =
    'N° facture;Code client;Date facture;Montant TTC\nF9;K01;05/04/2026;100,00\nF10;K02;06/04/2026;50,00\n';

  it('checks a file in dry run, then imports it, then finds nothing new', async () => {
    const dryRun = await upload(importer, 'invoices', 'factures.csv', invoices, '?dryRun=true');
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({ file: 'factures.csv', dryRun: true, rows: 2, inserted: 2 });
    expect((await upload(importer, 'invoices', 'factures.csv', invoices)).json()).toMatchObject({
      dryRun: false,
      inserted: 2,
    });
    expect((await upload(importer, 'invoices', 'factures.csv', invoices)).json()).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
  });

  it('rejects a file with bad rows and lists every one of them', async () => {
    const bad =
      'N° facture;Code client;Date facture;Montant TTC\nF11;K01;31/02/2026;10,00\nF12;K01;05/04/2026;dix\n';
    const response = await upload(importer, 'invoices', 'mauvais.csv', bad);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'import_rejected',
      detail: 'mauvais.csv : fichier refusé, 2 problème(s) sur 2 ligne(s) ; rien n’a été importé',
      errors: [
        {
          file: 'mauvais.csv',
          line: 2,
          column: 'Date facture',
          value: '31/02/2026',
          code: 'invalid_date',
          params: {},
          reason: 'date invalide (attendu JJ/MM/AAAA, jour en premier, ou AAAA-MM-JJ)',
        },
        {
          file: 'mauvais.csv',
          line: 3,
          column: 'Montant TTC',
          code: 'invalid_amount',
          params: { currency: 'EUR' },
        },
      ],
    });
    // English on request, as a query parameter or as a form field sent before the file.
    for (const english of [
      await upload(importer, 'invoices', 'bad.csv', bad, '?dryRun=true&lang=en'),
      await upload(importer, 'invoices', 'bad.csv', bad, '', { lang: 'en' }),
    ]) {
      expect(english.statusCode).toBe(422);
      expect(english.json()).toMatchObject({
        detail: 'bad.csv: rejected, 2 problem(s) on 2 line(s); nothing was imported',
        errors: [
          { code: 'invalid_date', reason: 'not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD' },
          { code: 'invalid_amount', reason: expect.stringMatching(/^not a valid amount in EUR/) },
        ],
      });
    }
    expect((await upload(importer, 'invoices', 'bad.csv', bad, '?lang=de')).statusCode).toBe(400);
  });

  it('reads the dates in the order asked (dateOrder), and says how it read them otherwise', async () => {
    const ambiguous = 'Invoice number;Customer ID;Invoice date;Invoice amount\nF20;K01;03/04/2026;10\n';
    const asked = await upload(importer, 'invoices', 'us.csv', ambiguous, '?dryRun=true&dateOrder=mdy');
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ inserted: 1, disputesOpened: 0, notices: [] });
    const guessed = await upload(importer, 'invoices', 'us.csv', ambiguous, '?dryRun=true&lang=en');
    expect(guessed.json()).toMatchObject({
      notices: [
        {
          code: 'date_order_assumed',
          params: { column: 'Invoice date', count: 1, value: '03/04/2026' },
          message: expect.stringMatching(
            /^column "Invoice date": 1 date such as 03\/04\/2026 reads both ways/,
          ),
        },
      ],
    });
    expect((await upload(importer, 'invoices', 'us.csv', ambiguous, '?dateOrder=myd')).statusCode).toBe(400);
  });

  it('refuses unknown entities and salespeople', async () => {
    expect((await upload(importer, 'unicorns', 'x.csv', invoices)).statusCode).toBe(400);
    const salesperson = await signIn(app, 'alice@web.test');
    expect((await upload(salesperson, 'invoices', 'x.csv', invoices)).statusCode).toBe(403);
  });
});
