/**
 * Imports of an English receivables export: month-first dates found from the values, camel-case
 * headers, and a Disputed column that opens disputes once, dated so that a forecast as of an
 * earlier date does not know of them yet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { listDisputes, resolveDispute } from '#app/dunning/disputes';
import { predictPayments } from '#app/forecast/predictions';
import { importFile } from '#app/imports/import-file';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-import-disputes-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CUSTOMERS = file('customers.csv', 'customerID,Name\nA-1,Alpha Inc\nB-2,Beta LLC\n');
/** Month first: only the last dates say so (3/25/2026, 4/24/2026). */
const INVOICES = file(
  'invoices.csv',
  'customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,DisputeDate\n' +
    'A-1,1001,1/2/2026,2/1/2026,1200.00,No,\n' +
    'A-1,1002,2/3/2026,3/5/2026,300.50,Yes,\n' +
    'B-2,1003,3/4/2026,4/3/2026,80.00,Y,\n' +
    'B-2,1004,3/25/2026,4/24/2026,45.00,Yes,4/10/2026\n',
);

let database: TestDatabase;
let ctx: AppContext;

async function counts() {
  const result = await sql<{ table: string; count: number }>`
    select 'disputes' as table, count(*)::int8 as count from dunning_disputes union all
    select 'events', count(*)::int8 from customer_events where kind = 'dispute' union all
    select 'audit', count(*)::int8 from audit_log where action = 'dunning.dispute_open' union all
    select 'documents', count(*)::int8 from documents`.execute(ctx.db);
  return Object.fromEntries(result.rows.map((row) => [row.table, row.count]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('EXP');
  await ensureCompany(ctx, { companyId: 'EXP', name: 'Export test' });
  await importFile(ctx, { entity: 'customers', filePath: CUSTOMERS });
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import of an English receivables export', () => {
  it('reads month-first dates and opens the disputes the file states, dated as it says', async () => {
    const summary = await importFile(ctx, { entity: 'invoices', filePath: INVOICES, lang: 'en' });
    expect(summary).toMatchObject({ inserted: 4, disputesOpened: 3 });
    expect(summary.notices.map((notice) => notice.message)).toEqual([
      'column “InvoiceDate”: dates read month first (MM/DD/YYYY), as the file has dates that can only be read that way (line 5: 3/25/2026)',
      'column “DueDate”: dates read month first (MM/DD/YYYY), as the file has dates that can only be read that way (line 5: 4/24/2026)',
      // Its one date reads both ways: it follows the file's other date columns, and the value
      // quoted is named as another column's.
      'column “DisputeDate”: dates read month first (MM/DD/YYYY), like those of column “InvoiceDate”, which has dates that can only be read that way (line 5: 3/25/2026)',
    ]);
    const documents = await ctx.db
      .selectFrom('documents')
      .select(['external_ref', 'issue_date', 'due_date', 'amount_minor'])
      .orderBy('external_ref')
      .execute();
    expect(documents.map((d) => [d.external_ref, d.issue_date, d.due_date, d.amount_minor])).toEqual([
      ['1001', '2026-01-02', '2026-02-01', 120_000],
      ['1002', '2026-02-03', '2026-03-05', 30_050],
      ['1003', '2026-03-04', '2026-04-03', 8_000],
      ['1004', '2026-03-25', '2026-04-24', 4_500],
    ]);
    const disputes = await listDisputes(ctx, { status: 'open' });
    expect(
      disputes
        .map((d) => [d.documentRef, d.openedOn, d.amountMinor, d.reason, d.department])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['1002', '2026-02-03', 30_050, 'other', 'customer_service'],
      ['1003', '2026-03-04', 8_000, 'other', 'customer_service'],
      ['1004', '2026-04-10', 4_500, 'other', 'customer_service'],
    ]);
    expect(await counts()).toEqual({ disputes: 3, events: 3, audit: 3, documents: 4 });
  });

  it('opens no second dispute when the file comes again, even after one was resolved', async () => {
    const [first] = await listDisputes(ctx, { status: 'open' });
    await resolveDispute(ctx, { disputeId: Number(first?.disputeId), resolution: 'rejected' });
    const before = await counts();
    const again = await importFile(ctx, { entity: 'invoices', filePath: INVOICES });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, disputesOpened: 0 });
    expect(await counts()).toEqual(before);
  });

  it('lets the forecast see an imported dispute only from its date', async () => {
    const reasonsOf = async (asOf: string, ref: string) => {
      const { items } = await predictPayments(ctx, { asOf, lang: 'en' });
      return items.find((item) => item.documentRef === ref)?.reasons.map((reason) => reason.code) ?? [];
    };
    expect(await reasonsOf('2026-04-15', '1004')).toContain('dispute');
    expect(await reasonsOf('2026-04-05', '1004')).not.toContain('dispute');
    expect(await reasonsOf('2026-03-10', '1003')).toContain('dispute');
  });

  it('refuses a file whose date column mixes both orders, and writes nothing', async () => {
    const before = await counts();
    const mixed = file(
      'mixed.csv',
      'customerID,invoiceNumber,InvoiceDate,InvoiceAmount\nA-1,2001,3/25/2026,10\nA-1,2002,25/3/2026,10\n',
    );
    const error = await rejection(importFile(ctx, { entity: 'invoices', filePath: mixed, lang: 'en' }));
    const problems = (error.details as { errors: { line: number; code: string; reason: string }[] }).errors;
    // On the row where the second order shows (one of each), not on the header line.
    expect(problems.map((p) => [p.line, p.code])).toEqual([[3, 'mixed_date_orders']]);
    expect(problems[0]?.reason).toContain('line 3: 25/3/2026');
    expect(await counts()).toEqual(before);
  });

  it('reads the dates in the order given, and a dry run opens no dispute', async () => {
    const before = await counts();
    const ambiguous = file(
      'ambiguous.csv',
      'customerID,invoiceNumber,InvoiceDate,InvoiceAmount,Disputed\nA-1,3001,3/4/2026,10,Yes\n',
    );
    const summary = await importFile(ctx, {
      entity: 'invoices',
      filePath: ambiguous,
      dateOrder: 'mdy',
      dryRun: true,
    });
    expect(summary).toMatchObject({ dryRun: true, inserted: 1, disputesOpened: 1, notices: [] });
    expect(await counts()).toEqual(before);
  });

  it('opens no dispute on an invoice already settled, and says how many were left alone', async () => {
    const payments = file(
      'payments.csv',
      'Payment reference,customerID,Payment date,Amount,Invoices\nP-1,A-1,2026-02-10,1200.00,1001\n',
    );
    await importFile(ctx, { entity: 'payments', filePath: payments });
    const disputed = file(
      'disputed-again.csv',
      'customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed\n' +
        'A-1,1001,2026-01-02,2026-02-01,1200.00,Yes\n' +
        'A-1,1005,2026-04-01,2026-05-01,10.00,Yes\n',
    );
    const summary = await importFile(ctx, { entity: 'invoices', filePath: disputed, lang: 'en' });
    expect(summary).toMatchObject({ inserted: 1, unchanged: 1, disputesOpened: 1 });
    expect(summary.notices.map((notice) => [notice.code, notice.params, notice.message])).toEqual([
      [
        'disputes_skipped_settled',
        { count: 1 },
        '1 invoice said to be disputed is already settled: no dispute was opened on it',
      ],
    ]);
    const refs = await ctx.db.selectFrom('dunning_disputes').select('document_ref').execute();
    expect(refs.map((row) => row.document_ref).sort()).toEqual(['1002', '1003', '1004', '1005']);
  });
});
