/**
 * Imports under hostile or careless input (issue 10, points 1–5): a zip bomb is refused with
 * bounded memory, concurrent payment imports cannot over-allocate, import rights equal field
 * rights, an unknown column is refused and an absent one erases nothing, amounts stay bounded.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { getCustomerFile } from '#app/customers/customers';
import { exitCodeOf } from '#app/errors';
import { importFile } from '#app/imports/import-file';
import { getAgedBalance } from '#app/reports/aging';
import type { ApiServer } from '#http/api-types';
import { removeStaleUploads, UPLOAD_TEMP_ROOT } from '#http/uploads';
import { rejection as rejectionOf } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'encours-security-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The problems listed by a rejected import. */
async function rejection(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error.code).toBe('import_rejected');
  return (
    error.details as { errors: { line: number; column: string | null; code?: string; reason: string }[] }
  ).errors;
}

const write = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

/** `bytes` of `unit` repeated between a prefix and a suffix, produced as it is read (nothing held). */
function repeated(prefix: string, bytes: number, suffix: string, unit = 'A'): Readable {
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length))).subarray(0, 1024 * 1024);
  let left = bytes;
  let started = false;
  return new Readable({
    read() {
      if (!started) {
        started = true;
        this.push(prefix);
      } else if (left <= 0) {
        this.push(suffix);
        this.push(null);
      } else {
        const size = Math.min(left, chunk.length);
        left -= size;
        this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
      }
    },
  });
}

/**
 * A workbook of a few hundred kilobytes whose shared strings inflate to 200 MiB (many strings
 * of 1 KiB, or one huge string), as a zip library writes it (sizes in a data descriptor, after
 * the data).
 */
async function writeZipBomb(
  name: string,
  inflatedBytes = 200 * 1024 * 1024,
  unit = `<si><t>${'A'.repeat(1012)}</t></si>`,
): Promise<string> {
  const zip = new yazl.ZipFile();
  const sheet =
    '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>' +
    '</sheetData></worksheet>';
  zip.addBuffer(
    Buffer.from('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/workbook.xml',
  );
  zip.addReadStream(repeated('<sst>', inflatedBytes, '</sst>', unit), 'xl/sharedStrings.xml');
  zip.addBuffer(Buffer.from(sheet), 'xl/worksheets/sheet1.xml');
  zip.end();
  const path = join(dir, name);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

function multipart(fileName: string, content: Buffer | string, extraParts = '') {
  const boundary = 'encourssecurityboundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n${extraParts}--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}`, boundary };
}

describe('spreadsheet uploads over HTTP', () => {
  let app: ApiServer;
  let database: TestDatabase;
  let manager: Session;
  let collector: Session;

  beforeAll(async () => {
    ({ database, app } = await openHttpFixture());
    manager = await signIn(app, 'claire@web.test');
    collector = await signIn(app, 'julien@web.test');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const upload = async (
    session: Session,
    entity: string,
    fileName: string,
    content: Buffer | string,
    query = '',
  ) => {
    const body = multipart(fileName, content);
    return app.inject({
      method: 'POST',
      url: `/api/imports/${entity}${query}`,
      headers: { ...session.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('refuses a zip bomb with 422 and a problem code, before it is inflated in memory, and removes the upload', async () => {
    const { readFile } = await import('node:fs/promises');
    const bomb = await readFile(await writeZipBomb('bomb.xlsx'));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const response = await upload(manager, 'customers', 'clients.xlsx', bomb);
    // The 200 MiB string was never built: the heap did not grow by anything like it.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'import_rejected',
      errors: [
        {
          file: 'clients.xlsx',
          code: 'file_too_large_uncompressed',
          params: { entry: 'xl/sharedStrings.xml', limitMiB: 128 },
        },
      ],
    });
    const left = await readdir(UPLOAD_TEMP_ROOT).catch(() => []);
    expect(left.filter((name) => name.startsWith(`encours-upload-${process.pid}-`))).toEqual([]);
  });

  it('refuses one huge value (a single shared string of 8 MiB) the same way', async () => {
    const { readFile } = await import('node:fs/promises');
    const bomb = await readFile(await writeZipBomb('one-string.xlsx', 8 * 1024 * 1024, 'A'));
    const response = await upload(manager, 'customers', 'clients.xlsx', bomb);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toMatchObject([
      { code: 'xlsx_value_too_long', params: { entry: 'xl/sharedStrings.xml', limitMiB: 1 } },
    ]);
  });

  it('removes at start-up the upload folders a killed server left behind', async () => {
    await mkdir(UPLOAD_TEMP_ROOT, { recursive: true });
    // A process id that cannot be running (above the kernel's maximum), and an old folder.
    const dead = join(UPLOAD_TEMP_ROOT, 'encours-upload-4194305-abc');
    const mine = join(UPLOAD_TEMP_ROOT, `encours-upload-${process.pid}-live`);
    await mkdir(dead, { recursive: true });
    await writeFile(join(dead, 'upload.xlsx'), 'partial');
    await mkdir(mine, { recursive: true });
    const removed = await removeStaleUploads();
    expect(removed).toContain(dead);
    expect(await stat(dead).catch(() => null)).toBeNull();
    expect(await stat(mine).catch(() => null)).not.toBeNull();
    const old = Date.now() / 1000 - 2 * 24 * 3600;
    await utimes(mine, old, old);
    // Its own folders are left to the request that made them, however old.
    expect(await removeStaleUploads()).not.toContain(mine);
    await rm(mine, { recursive: true, force: true });
  });

  it('gives import rights equal to the rights on the fields: a collector imports payments only', async () => {
    const files: Record<string, string> = {
      customers: 'Code client;Raison sociale;Plafond\nK01;Client 1;999 999,00\n',
      invoices: 'N° facture;Code client;Date facture;Montant TTC\nFX1;K01;05/04/2026;100,00\n',
      'credit-notes': 'N° avoir;Code client;Date avoir;Montant TTC\nAX1;K01;05/04/2026;10,00\n',
      orders: 'N° commande;Code client;Date commande;Montant\nCX1;K01;05/04/2026;10,00\n',
    };
    for (const [entity, text] of Object.entries(files)) {
      const response = await upload(collector, entity, `${entity}.csv`, text);
      expect({ entity, status: response.statusCode, code: response.json().code }).toEqual({
        entity,
        status: 403,
        code: 'forbidden',
      });
      const allowed = await upload(manager, entity, `${entity}.csv`, text, '?dryRun=true');
      expect({ entity, status: allowed.statusCode }).toEqual({ entity, status: 200 });
    }
    const payments = 'N° règlement;Code client;Date règlement;Montant\nRX1;K01;06/04/2026;10,00\n';
    expect((await upload(collector, 'payments', 'p.csv', payments, '?dryRun=true')).statusCode).toBe(200);
    for (const role of ['alice@web.test', 'philippe@web.test']) {
      const session = await signIn(app, role);
      expect((await upload(session, 'payments', 'p.csv', payments)).statusCode).toBe(403);
    }
  });

  it('refuses a misspelled column unless told to ignore it (ignoreColumns)', async () => {
    const text = 'Code client;Raison sociale;Plafondd\nK01;Client 1;5 000,00\n';
    const refused = await upload(manager, 'customers', 'clients.csv', text);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toMatchObject([
      {
        line: 1,
        column: 'Plafondd',
        code: 'unknown_column',
        params: { column: 'Plafondd', suggestion: 'Plafond' },
      },
    ]);
    const ignored = await upload(
      manager,
      'customers',
      'clients.csv',
      text,
      '?ignoreColumns=Plafondd&dryRun=true',
    );
    expect(ignored.statusCode).toBe(200);
  });
});

describe('imports on the database', () => {
  let database: TestDatabase;
  let ctx: AppContext;

  beforeAll(async () => {
    database = await openTestDatabase();
    ctx = database.context('SEC');
    await ensureCompany(ctx, { companyId: 'SEC', name: 'Sécurité SA' });
    await importFile(ctx, {
      entity: 'customers',
      filePath: await write(
        'clients.csv',
        'Code client;Raison sociale;SIREN;SIRET;Adresse;Code postal;Ville;Contact;Téléphone;Type de client;Commercial;Plafond;Devise\n' +
          'C1;Martin SA;732829320;73282932000074;1 rue de la Paix;75002;Paris;Jeanne Martin;0102030405;PME;Alice;10 000,00;EUR\n' +
          'C2;Durand SARL;;;;;;;;Grossiste;Bob;;EUR\n',
      ),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('leaves the fields of absent columns as they were; an empty cell of a present column clears', async () => {
    const before = (await getCustomerFile(ctx, 'C1', '2026-06-30')).customer;
    await importFile(ctx, {
      entity: 'customers',
      filePath: await write('plafonds.csv', 'Code client;Raison sociale;Plafond\nC1;Martin SA;20 000,00\n'),
    });
    const after = (await getCustomerFile(ctx, 'C1', '2026-06-30')).customer;
    expect(after).toEqual({ ...before, creditLimitMinor: 2_000_000 });
    expect(after).toMatchObject({
      siren: '732829320',
      siret: '73282932000074',
      salesperson: 'Alice',
      customerType: 'sme',
    });
    await importFile(ctx, {
      entity: 'customers',
      filePath: await write('vider.csv', 'Code client;Raison sociale;Commercial\nC1;Martin SA;\n'),
    });
    const cleared = (await getCustomerFile(ctx, 'C1', '2026-06-30')).customer;
    expect(cleared).toEqual({ ...after, salesperson: null });
  });

  it('rejects a misspelled column and erases nothing; --ignore-column lets it through', async () => {
    const before = (await getCustomerFile(ctx, 'C1', '2026-06-30')).customer;
    const file = await write('typo.csv', 'Code client;Raison sociale;Plafondd\nC1;Martin SA;1,00\n');
    const problems = await rejection(importFile(ctx, { entity: 'customers', filePath: file }));
    expect(problems).toMatchObject([{ line: 1, column: 'Plafondd', code: 'unknown_column' }]);
    expect(problems[0]?.reason).toContain('«\u00a0Plafond\u00a0»');
    await importFile(ctx, { entity: 'customers', filePath: file, ignoreColumns: ['Plafondd'] });
    expect((await getCustomerFile(ctx, 'C1', '2026-06-30')).customer).toEqual(before);
  });

  it('bounds each amount and the company total, so no report sum can pass 2^53', async () => {
    const huge = await write(
      'enormes.csv',
      'N° facture;Code client;Date facture;Montant TTC\nH1;C2;05/01/2026;90 000 000 000 000,00\n',
    );
    expect(await rejection(importFile(ctx, { entity: 'invoices', filePath: huge }))).toMatchObject([
      { line: 2, column: 'Montant TTC', code: 'amount_too_large', params: { limitMinor: 10 ** 13 } },
    ]);
    // Each within the per-document bound, together past the company's.
    const rows = Array.from({ length: 150 }, (_, i) => `B${i};C2;05/01/2026;99 000 000 000,00`);
    const many = await write(
      'nombreuses.csv',
      `N° facture;Code client;Date facture;Montant TTC\n${rows.join('\n')}\n`,
    );
    expect(await rejection(importFile(ctx, { entity: 'invoices', filePath: many }))).toMatchObject([
      { line: 0, code: 'company_documents_total_too_large' },
    ]);
    // Nothing was written, and the reports still answer.
    const aging = await getAgedBalance(ctx, { asOf: '2026-06-30' });
    expect(aging.proof.matchesLedger).toBe(true);
  });

  it('lets concurrent payment imports naming one invoice allocate it once (PostgreSQL: one connection each)', async () => {
    await importFile(ctx, {
      entity: 'invoices',
      filePath: await write(
        'f100.csv',
        'N° facture;Code client;Date facture;Montant TTC\nP100;C2;05/01/2026;100,00\n',
      ),
    });
    const payment = (ref: string) =>
      write(
        `${ref}.csv`,
        `N° règlement;Code client;Date règlement;Montant;Factures réglées\n${ref};C2;10/02/2026;100,00;P100\n`,
      );
    // Several at once, so that without a lock two of them would read the invoice open together.
    const files = await Promise.all(['RA', 'RB', 'RC', 'RD', 'RE', 'RF'].map(payment));
    // Open the pool's connections first, so that no import waits for one while another commits.
    await Promise.all(files.map(() => sql`select pg_sleep(0.05)`.execute(ctx.db)));
    // Contexts on the pool: on PostgreSQL, one connection and one transaction each at once.
    const results = await Promise.all(
      files.map((filePath) => importFile(database.context('SEC'), { entity: 'payments', filePath })),
    );
    expect(results.map((result) => result.allocations).sort()).toEqual([0, 0, 0, 0, 0, 1]);
    const file = await getCustomerFile(ctx, 'C2', '2026-06-30');
    const invoice = file.openItems.find((item) => item.externalRef === 'P100');
    expect(invoice).toBeUndefined();
    const aging = await getAgedBalance(ctx, { asOf: '2026-06-30' });
    expect(aging.proof.matchesLedger).toBe(true);
  });
});

describe('encours import of a zip bomb', () => {
  it('is rejected by the use case the CLI runs, which exits 3 on it', async () => {
    const database = await openTestDatabase();
    try {
      const ctx = database.context('BOMB');
      const bomb = await writeZipBomb('cli-bomb.xlsx');
      const error = await rejectionOf(importFile(ctx, { entity: 'customers', filePath: bomb, lang: 'en' }));
      expect(exitCodeOf(error)).toBe(3);
      expect((error.details as { errors: { code?: string; reason: string }[] }).errors).toMatchObject([
        { code: 'file_too_large_uncompressed', reason: expect.stringContaining('xl/sharedStrings.xml') },
      ]);
    } finally {
      await database.close();
    }
  });
});
