/**
 * `POST /api/imports/{entity}` options: a dry run asked by a form field is a dry run; an unknown
 * form field is refused rather than ignored; an ERP file's own columns can be skipped or mapped
 * (the web page's choices); a file of thousands of bad rows answers its first rows with every
 * problem counted and grouped, not megabytes of JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, programHeaders, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;

function upload(
  entity: string,
  text: string,
  query = '',
  fields: Record<string, string> = {},
  headers: Readonly<Record<string, string>> = manager.headers,
) {
  const boundary = 'encoursoptionsboundary';
  const fieldParts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload =
    fieldParts.join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${entity}.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return app.inject({
    method: 'POST',
    url: `/api/imports/${entity}${query}`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function customerCount(code: string): Promise<number> {
  const rows = await database.runtime.handle.db
    .selectFrom('customers')
    .select('code')
    .where('code', '=', code)
    .execute();
  return rows.length;
}

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('form fields', () => {
  const customers = 'Code client;Raison sociale\nK90;Quatre-vingt-dix\n';

  it('honours dryRun sent as a form field, as lang is', async () => {
    const answer = await upload('customers', customers, '', { dryRun: 'true', lang: 'en' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ dryRun: true, inserted: 1 });
    expect(await customerCount('K90')).toBe(0);
  });

  it('refuses a form field it does not know, and a flag that is neither true nor false', async () => {
    const unknown = await upload('customers', customers, '', { dryrun: 'true' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toBe(
      'Champ de formulaire inconnu\u00a0: «\u00a0dryrun\u00a0»\u00a0; un import accepte le fichier (file) et les champs lang, dryRun, dateOrder, ignoreUnknownColumns, les autres options vont dans l’adresse (?ignoreColumns=…&map=…)',
    );
    const flag = await upload('customers', customers, '', { dryRun: 'oui' });
    expect(flag.statusCode).toBe(400);
    expect(await customerCount('K90')).toBe(0);
  });
});

describe('an ERP customers file with columns of its own', () => {
  const erp =
    'Code client;Raison sociale;Remarque;Téléphone standard;Total\nK91;Quatre-vingt-onze;bon client;0102030405;12\n';

  it('is refused with the columns named, then checked once they are skipped or mapped', async () => {
    const refused = await upload('customers', erp, '?dryRun=true');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      problemCount: 3,
      lineCount: 1,
      unmappedColumns: ['Remarque', 'Téléphone standard', 'Total'],
    });
    // « Remarque » resembles no header: no far-fetched suggestion.
    expect(
      refused.json().errors.map((row: { code: string; column: string }) => [row.column, row.code]),
    ).toEqual([
      ['Remarque', 'unknown_column_no_match'],
      ['Téléphone standard', 'unknown_column'],
      ['Total', 'unknown_column_no_match'],
    ]);
    const skipped = await upload('customers', erp, '?dryRun=true&ignoreUnknownColumns=true');
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect(skipped.json()).toMatchObject({ dryRun: true, inserted: 1 });
    const mapped = await upload(
      'customers',
      erp,
      `?dryRun=true&map=${encodeURIComponent('Téléphone standard=contactPhone')}&map=Remarque%3Dignore&map=Total%3Dignore`,
    );
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect((await upload('customers', erp, '?map=Remarque')).statusCode).toBe(400);
    expect(await customerCount('K91')).toBe(0);
  });

  it('names the page’s choices to the web page and the request’s parameters to a program, never a flag', async () => {
    const reasons = async (headers: Readonly<Record<string, string>>, lang: string) => {
      const answer = await upload('customers', erp, '?dryRun=true', { lang }, headers);
      expect(answer.statusCode).toBe(422);
      const body = answer.json();
      const listed = [...body.errors, ...body.groups.map((group: { example: unknown }) => group.example)];
      return listed.map((row: { reason: string }) => row.reason);
    };
    // The web page signs in with its session cookie.
    const page = await reasons(manager.headers, 'fr');
    expect(page[0]).toBe(
      'colonne «\u00a0Remarque\u00a0» inconnue\u00a0; associez-la à un champ ou ignorez-la dans «\u00a0Colonnes non reconnues\u00a0», ou renommez-la dans le fichier',
    );
    // A program sends an API token.
    const admin = await signIn(app, 'admin@web.test');
    const token = await programHeaders(app, admin, { name: 'ERP', email: 'claire@web.test' });
    const program = await reasons(token, 'en');
    expect(program[0]).toBe(
      'unknown column “Remarque”; rename it, map it with the parameter map=Remarque=<field> or skip it with the parameter ignoreColumns=Remarque',
    );
    for (const reason of [...page, ...program]) expect(reason).not.toContain('--');
  });

  it('tells a program how it read dates that read both ways with the dateOrder parameter, not --date-order', async () => {
    const admin = await signIn(app, 'admin@web.test');
    const program = await programHeaders(app, admin, { name: 'ERP dates', email: 'claire@web.test' });
    const ambiguous = 'Invoice number;Customer ID;Invoice date;Invoice amount\nF20;K01;03/04/2026;10\n';
    const answer = await upload('invoices', ambiguous, '?dryRun=true&lang=en', {}, program);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().notices).toEqual([
      {
        code: 'date_order_assumed',
        params: { column: 'Invoice date', count: 1, value: '03/04/2026' },
        message:
          'column “Invoice date”: 1 date such as 03/04/2026 reads both ways; it was read day first (DD/MM/YYYY). If it is month first, import again with the parameter dateOrder=mdy',
      },
    ]);
  });
});

describe('an invoices file with columns of its own', () => {
  const header = 'N° facture;Code client;Date facture;Montant TTC';
  let tokens = 0;
  const program = async () => {
    const admin = await signIn(app, 'admin@web.test');
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: admin.headers,
      payload: { name: `ERP columns ${++tokens}`, email: 'claire@web.test' },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { authorization: `Bearer ${created.json().token}` };
  };

  it('reads past a column far from every header, and says so', async () => {
    const text = `${header};Échéance;Remarque interne\nF30;K01;15/06/2026;1200,00;15/07/2026;urgent\n`;
    const answer = await upload('invoices', text, '?dryRun=true&lang=en', {}, await program());
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().notices).toEqual([
      {
        code: 'column_ignored',
        params: { column: 'Remarque interne' },
        message: 'column “Remarque interne” ignored: no field is read from it',
      },
    ]);
  });

  it('refuses a misspelt header of a field the file lacks, unless told to ignore unknown columns', async () => {
    const text = `${header};Echéances\nF31;K01;15/06/2026;1200,00;15/07/2026\n`;
    const headers = await program();
    const refused = await upload('invoices', text, '?dryRun=true', {}, headers);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'Echéances',
        code: 'unknown_column',
        reason:
          'colonne «\u00a0Echéances\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Échéance\u00a0»)\u00a0; renommez-la, associez-la avec le paramètre map=Echéances=<champ> ou ignorez-la avec le paramètre ignoreColumns=Echéances',
      }),
    ]);
    const ignored = await upload('invoices', text, '?dryRun=true&ignoreUnknownColumns=true', {}, headers);
    expect(ignored.statusCode, ignored.body).toBe(200);
    expect(ignored.json().notices.map((notice: { message: string }) => notice.message)).toEqual([
      'colonne «\u00a0Echéances\u00a0» ignorée (en-tête reconnu le plus proche\u00a0: «\u00a0Échéance\u00a0»)',
    ]);
    const mapped = await upload(
      'invoices',
      text,
      `?dryRun=true&map=${encodeURIComponent('Echéances=dueDate')}`,
    );
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().notices).toEqual([]);
  });
});

describe('a file of many bad rows', () => {
  it('lists the first 200 rows, counts every problem and groups them by kind and column', async () => {
    const rows = Array.from({ length: 450 }, (_, index) => `H${index};NOPE;05/04/2026;10,00\n`);
    const text = `N° facture;Code client;Date facture;Montant TTC\n${rows.join('')}H450;K01;31/02/2026;10,00\n`;
    const answer = await upload('invoices', text, '?dryRun=true');
    expect(answer.statusCode).toBe(422);
    const body = answer.json();
    expect(body.detail).toBe(
      'invoices.csv\u00a0: fichier refusé, 451 problèmes sur 451 lignes\u00a0; rien n’a été importé',
    );
    expect(body.errors).toHaveLength(200);
    expect(body).toMatchObject({ problemCount: 451, lineCount: 451 });
    expect(body.groups).toEqual([
      {
        code: 'unknown_customer',
        column: 'Code client',
        count: 450,
        example: expect.objectContaining({
          line: 2,
          reason: 'client inconnu\u00a0: NOPE (importez d’abord les clients)',
        }),
      },
      {
        code: 'date_not_in_calendar',
        column: 'Date facture',
        count: 1,
        example: expect.objectContaining({ line: 452, value: '31/02/2026' }),
      },
    ]);
  });
});
