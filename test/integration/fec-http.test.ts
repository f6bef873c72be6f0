/** `POST /api/imports/fec`: the web application's upload runs the same use case as the CLI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, programHeaders, type Session, signIn } from './http-fixture.ts';

const HEADER =
  'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
const GOOD = [
  HEADER,
  'VE|Ventes|1|20260105|411000|Clients|Z1|Client Z|F1|20260105|F1|120,00|0,00|||||',
  'VE|Ventes|1|20260105|706000|Ventes|||F1|20260105|F1|0,00|120,00|||||',
].join('\r\n');

let database: TestDatabase;
let app: ApiServer;
let manager: Session;

function upload(
  text: string,
  query = '',
  headers: Readonly<Record<string, string>> = manager.headers,
  path = '/api/imports/fec',
) {
  const boundary = 'encoursfecboundary';
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="FEC.txt"\r\n` +
    `Content-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return app.inject({
    method: 'POST',
    url: `${path}${query}`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('POST /api/imports/fec', () => {
  it('imports an uploaded FEC and answers the JSON summary with the proof', async () => {
    const response = await upload(GOOD, '?dryRun=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      file: 'FEC.txt',
      dryRun: true,
      lines: 2,
      customers: 1,
      reconciliation: { controlBalanceMinor: 12_000, sumOpenItemsMinor: 12_000, customersWithDifference: [] },
    });
  });

  it('rejects a malformed FEC with every problem listed', async () => {
    const response = await upload(GOOD.replace('0,00|120,00', '0,00|110,00'));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'import_rejected',
      errors: [
        { line: 2, column: 'Debit/Credit' },
        { line: 0, column: 'Debit/Credit' },
      ],
    });
  });

  it('words the problems in French by default and in English with lang=en', async () => {
    const bad = GOOD.replace('0,00|120,00', '0,00|110,00');
    const french = await upload(bad);
    expect(french.json().errors[1]).toMatchObject({
      code: 'fec_file_unbalanced',
      reason: 'le fichier n’est pas équilibré\u00a0: total débit − total crédit = 10,00',
    });
    const english = await upload(bad, '?lang=en');
    expect(english.statusCode).toBe(422);
    expect(english.json().errors[1]).toMatchObject({
      code: 'fec_file_unbalanced',
      params: { difference: '10,00' },
      reason: 'the file does not balance: total debit − total credit = 10,00',
    });
  });

  it('says how to keep a journal’s type in the words of the page or of a program, never --journal', async () => {
    expect((await upload(GOOD)).statusCode).toBe(200);
    // The sales journal read as another type makes F1 an adjustment where it was an invoice.
    const page = await upload(GOOD, '?journals=VE=other&lang=en');
    expect(page.statusCode).toBe(422);
    const pageReason =
      "this line was imported before as a document of kind invoice: a journal's type cannot be chosen on this page; import this file from the command line or through the API, giving the journal's type";
    expect(page.json().errors).toMatchObject([
      { code: 'fec_kind_conflict', params: { kind: 'invoice' }, reason: pageReason },
    ]);
    expect(page.json().detail).toContain(pageReason);
    const admin = await signIn(app, 'admin@web.test');
    const token = await programHeaders(app, admin, { name: 'ERP', email: 'claire@web.test' });
    const program = await upload(GOOD, '?journals=VE=other', token);
    expect(program.statusCode).toBe(422);
    const programReason =
      'cette ligne a déjà été importée comme facture\u00a0: utilisez le paramètre journals=<code journal>=<type> pour garder le type du journal';
    expect(program.json().errors[0].reason).toBe(programReason);
    expect(program.json().detail).toContain(programReason);
    expect(JSON.stringify([page.json(), program.json()])).not.toContain('--');
  });
});

describe('POST /api/cash/reconcile/ledger', () => {
  it('answers a malformed FEC with the import problem document, as the import does', async () => {
    const bad = GOOD.replace('0,00|120,00', '0,00|110,00');
    const response = await upload(bad, '?asOf=2026-06-30', manager.headers, '/api/cash/reconcile/ledger');
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'import_rejected',
      errors: [
        { line: 2, column: 'Debit/Credit', file: 'FEC.txt' },
        { code: 'fec_file_unbalanced', file: 'FEC.txt' },
      ],
    });
    expect(response.json().detail).toContain('FEC.txt');
  });
});
