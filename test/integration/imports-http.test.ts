/** `POST /api/imports/{entity}`: spreadsheet uploads run the same use case as `encours import`. */
import type * as LightMyRequest from 'light-my-request';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import { serverUrl, type TestDatabase } from '../support/test-db.ts';
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
      detail: 'mauvais.csv\u00a0: fichier refusé, 2 problèmes sur 2 lignes\u00a0; rien n’a été importé',
      errors: [
        {
          file: 'mauvais.csv',
          line: 2,
          column: 'Date facture',
          value: '31/02/2026',
          // Written as expected (JJ/MM/AAAA): the day does not exist, the format is not shown again.
          code: 'date_not_in_calendar',
          params: { value: '31/02/2026' },
          reason: 'le 31/02/2026 n’existe pas',
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
        detail: 'bad.csv: rejected, 2 problems on 2 lines; nothing was imported',
        errors: [
          { code: 'date_not_in_calendar', reason: '31/02/2026 does not exist in the calendar' },
          { code: 'invalid_amount', reason: expect.stringMatching(/^not a valid amount in EUR/) },
        ],
      });
    }
    expect((await upload(importer, 'invoices', 'bad.csv', bad, '?lang=de')).statusCode).toBe(400);
  });

  it('names the missing columns in the reader’s language and quotes the headers it accepts', async () => {
    const none = 'Foo;Bar;Baz\n1;2;3\n';
    const english = (await upload(importer, 'invoices', 'foo.csv', none, '?dryRun=true&lang=en')).json();
    const reasons: string[] = english.errors.map((error: { reason: string }) => error.reason);
    expect(reasons.map((reason) => /^missing required column “([^”]+)”/.exec(reason)?.[1])).toEqual([
      'Invoice number',
      'Customer code',
      'Invoice date',
      'Amount',
    ]);
    expect(reasons[3]).toMatch(/; accepted headers: “Montant TTC”, “Montant”, “Total TTC”, /);
    expect(reasons.filter((reason) => reason.includes('["'))).toEqual([]);
    const french = (await upload(importer, 'invoices', 'foo.csv', none, '?dryRun=true')).json();
    expect(french.errors[3].reason).toMatch(/^colonne obligatoire «\sMontant TTC\s» absente/);
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
          // The web page signs in with its session: its own « Date order » choice, not --date-order.
          message:
            'Column “Invoice date”: the date 03/04/2026 reads both ways; it was read day first (DD/MM/YYYY). If it is month first, choose “Month/day/year” under “Date order” and start again.',
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

/**
 * On a server, holds the import record's table so that two imports started together are both
 * under way before either can commit (one writing, the other behind it), then lets them go.
 * On the embedded engine (one connection) they simply run one after the other.
 */
async function uploadedTogether(send: () => Promise<LightMyRequest.Response>) {
  if (!serverUrl) return Promise.all([send(), send()]);
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('lock table import_runs in exclusive mode');
    const answers = Promise.all([send(), send()]);
    // Both imports wait on a lock: the first on the record's table, the second on the first.
    await expect
      .poll(async () => {
        // The activity view is read once per transaction unless its snapshot is cleared.
        await holder.query('select pg_stat_clear_snapshot()');
        const waiting = await holder.query(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
        );
        return waiting.rows[0].n;
      })
      .toBe(2);
    await holder.query('commit');
    return await answers;
  } finally {
    await holder.end();
  }
}

describe('two uploads of the same file at the same time', () => {
  const customers =
    'Code client;Raison sociale;Encours autorisé\nK40;Quarante;5000\nK41;Quarante et un;6000\n';
  const invoicesCsv =
    'N° facture;Code client;Date facture;Montant TTC;Litige\n' +
    Array.from(
      { length: 40 },
      (_, index) =>
        `G${index};K0${1 + (index % 2)};05/04/2026;${10 + index},00;${index % 5 === 0 ? 'oui' : 'non'}\n`,
    ).join('');

  it('both answer: one writes the file, the other finds it written, nothing twice', async () => {
    const both = await uploadedTogether(() => upload(importer, 'customers', 'clients.csv', customers));
    expect(
      both.map((answer) => answer.statusCode),
      both.map((answer) => answer.body).join(' '),
    ).toEqual([200, 200]);
    expect(both.map((answer) => answer.json().inserted).sort()).toEqual([0, 2]);
    const limits = await database.runtime.handle.db
      .selectFrom('credit_limit_history')
      .select(['customer_code', 'amount_minor'])
      .where('customer_code', 'in', ['K40', 'K41'])
      .orderBy('customer_code')
      .execute();
    expect(limits).toEqual([
      { customer_code: 'K40', amount_minor: 500_000 },
      { customer_code: 'K41', amount_minor: 600_000 },
    ]);
    const invoices = await uploadedTogether(() => upload(importer, 'invoices', 'litiges.csv', invoicesCsv));
    expect(
      invoices.map((answer) => answer.statusCode),
      invoices.map((answer) => answer.body).join(' '),
    ).toEqual([200, 200]);
    expect(invoices.map((answer) => answer.json().inserted).sort()).toEqual([0, 40]);
    expect(invoices.map((answer) => answer.json().disputesOpened).sort()).toEqual([0, 8]);
  });
});
