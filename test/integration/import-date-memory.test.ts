/**
 * The day/month order a file's own dates showed is remembered for the company's next file of the
 * same kind (same entity, same date columns), whose dates may all read both ways (every day ≤ 12):
 * such a file follows the last one instead of the day-first default, and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { importFile } from '#app/imports/import-file';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-import-date-memory-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HEADERS = 'customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount\n';

let database: TestDatabase;
let ctx: AppContext;
let other: AppContext;

async function issueDates(company: string, refs: readonly string[]) {
  const result = await sql<{ ref: string; issueDate: string; dueDate: string }>`
    select external_ref as ref, issue_date::text as "issueDate", due_date::text as "dueDate" from documents
    where company_id = ${company} and external_ref = any(${[...refs]}::text[]) order by external_ref`.execute(
    ctx.db,
  );
  return result.rows;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('MEM');
  other = database.context('MEM2');
  for (const context of [ctx, other]) {
    await ensureCompany(context, { companyId: context.companyId, name: context.companyId });
    await importFile(context, {
      entity: 'customers',
      filePath: file('customers.csv', 'customerID,Name\nA-1,Alpha Inc\n'),
    });
  }
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the date order of a kind of file, remembered', () => {
  const march = file(
    'march.csv',
    `${HEADERS}A-1,1001,3/2/2026,4/1/2026,10.00\nA-1,1002,3/25/2026,4/24/2026,20.00\n`,
  );
  // Every day ≤ 12: alone, this file reads both ways.
  const april = file(
    'april.csv',
    `${HEADERS}A-1,1003,4/5/2026,5/6/2026,30.00\nA-1,1004,4/10/2026,5/11/2026,40.00\n`,
  );

  it('reads a later file whose dates all read both ways month first, after a month-first file', async () => {
    const first = await importFile(ctx, { entity: 'invoices', filePath: march });
    expect(first.notices.map((notice) => notice.code)).toEqual([
      'date_order_month_first',
      'date_order_month_first',
    ]);
    // A dry run of the next file already follows the memory, and teaches nothing itself.
    const dry = await importFile(ctx, { entity: 'invoices', filePath: april, dryRun: true, lang: 'en' });
    expect(dry.notices).toEqual([
      {
        code: 'date_order_remembered',
        params: { column: 'InvoiceDate', order: 'mdy', file: 'march.csv' },
        message: expect.stringMatching(
          /^column “InvoiceDate”: its dates read both ways; they were read month first/,
        ),
      },
      {
        code: 'date_order_remembered',
        params: { column: 'DueDate', order: 'mdy', file: 'march.csv' },
        message: expect.stringContaining('(march.csv)'),
      },
    ]);
    await importFile(ctx, { entity: 'invoices', filePath: april });
    expect(await issueDates('MEM', ['1003', '1004'])).toEqual([
      { ref: '1003', issueDate: '2026-04-05', dueDate: '2026-05-06' },
      { ref: '1004', issueDate: '2026-04-10', dueDate: '2026-05-11' },
    ]);
  });

  it('keeps it to the company and to files with the same date columns', async () => {
    await importFile(other, { entity: 'invoices', filePath: april });
    expect(await issueDates('MEM2', ['1003'])).toEqual([
      { ref: '1003', issueDate: '2026-05-04', dueDate: '2026-06-05' },
    ]);
    const renamed = file(
      'renamed.csv',
      'customerID,invoiceNumber,Invoice date,Due date,InvoiceAmount\nA-1,1005,4/5/2026,5/6/2026,5.00\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: renamed });
    expect(summary.notices.map((notice) => notice.code)).toEqual([
      'date_order_assumed',
      'date_order_assumed',
    ]);
    expect(await issueDates('MEM', ['1005'])).toEqual([
      { ref: '1005', issueDate: '2026-05-04', dueDate: '2026-06-05' },
    ]);
  });

  it("lets a file's own day-first dates win, and remembers them instead; a chosen order teaches nothing", async () => {
    const dayFirst = file(
      'may.csv',
      `${HEADERS}A-1,1006,25/5/2026,24/6/2026,6.00\nA-1,1007,6/5/2026,5/6/2026,7.00\n`,
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: dayFirst });
    expect(summary.notices).toEqual([]);
    expect(await issueDates('MEM', ['1007'])).toEqual([
      { ref: '1007', issueDate: '2026-05-06', dueDate: '2026-06-05' },
    ]);
    const chosen = file('june.csv', `${HEADERS}A-1,1008,6/25/2026,7/24/2026,8.00\n`);
    await importFile(ctx, { entity: 'invoices', filePath: chosen, dateOrder: 'mdy' });
    const later = file('july.csv', `${HEADERS}A-1,1009,7/8/2026,8/9/2026,9.00\n`);
    const next = await importFile(ctx, { entity: 'invoices', filePath: later, lang: 'en' });
    expect(next.notices[0]).toMatchObject({
      code: 'date_order_remembered',
      params: { order: 'dmy', file: 'may.csv' },
    });
    expect(await issueDates('MEM', ['1009'])).toEqual([
      { ref: '1009', issueDate: '2026-08-07', dueDate: '2026-09-08' },
    ]);
  });
});
