/**
 * Imports on the database: all-or-nothing files with a full report, idempotent re-imports,
 * audited updates, payments matched on import or left unapplied.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { listCustomers } from '#app/customers/customers';
import { importFile } from '#app/imports/import-file';
import { auditActionLabel, describeAuditChanges } from '#text/audit';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

// Intl separates thousands and the euro sign with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const values = (json: unknown) => json as Record<string, unknown> | null;

const dir = mkdtempSync(join(tmpdir(), 'encours-import-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const CUSTOMERS = file(
  'clients.csv',
  'Code client;Raison sociale;Type de client;Commercial;Conditions de paiement;Plafond\n' +
    'C1;Quincaillerie Martin;PME;Alice;30 jours nets;10 000,00\n' +
    'C2;Grossiste Durand;Grossiste;Bob;45 jours fin de mois;\n',
);
const INVOICES = file(
  'factures.csv',
  "N° facture;Code client;Date facture;Date d'échéance;Montant TTC\n" +
    'F1;C1;05/01/2026;;1 200,00\n' +
    'F2;C1;20/01/2026;;300,50\n' +
    'F3;C2;10/01/2026;;5 000,00\n',
);
const PAYMENTS = file(
  'reglements.csv',
  'N° règlement;Code client;Date règlement;Montant;Factures réglées\n' +
    'R1;C1;10/02/2026;1 500,50;F1 F2\n' +
    'R2;C2;15/02/2026;1 000,00;\n',
);

let database: TestDatabase;
let ctx: AppContext;

async function snapshot() {
  const counts = await sql<{ table: string; count: number }>`
    select 'customers' as table, count(*)::int8 as count from customers union all
    select 'documents', count(*)::int8 from documents union all
    select 'allocations', count(*)::int8 from allocations union all
    select 'audit_log', count(*)::int8 from audit_log`.execute(ctx.db);
  const documents = await ctx.db
    .selectFrom('documents')
    .select(['external_ref', 'amount_minor', 'due_date'])
    .orderBy('external_ref')
    .execute();
  return { counts: counts.rows, documents };
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('IMP');
  await ensureCompany(ctx, { companyId: 'IMP', name: 'Import test' });
});
afterAll(async () => database?.close());

describe('import', () => {
  it('imports customers, invoices (due dates from terms) and payments matched on import', async () => {
    expect(await importFile(ctx, { entity: 'customers', filePath: CUSTOMERS })).toMatchObject({
      inserted: 2,
      updated: 0,
    });
    expect(await importFile(ctx, { entity: 'invoices', filePath: INVOICES })).toMatchObject({ inserted: 3 });
    const payments = await importFile(ctx, { entity: 'payments', filePath: PAYMENTS });
    expect(payments).toMatchObject({ inserted: 2, allocations: 2, unappliedPayments: 1 });
    const due = await ctx.db
      .selectFrom('documents')
      .select(['external_ref', 'due_date'])
      .where('kind', '=', 'invoice')
      .orderBy('external_ref')
      .execute();
    // C1: 30 days net; C2: 45 days end of month (end of the month of 10 Jan + 45 days = 24 Feb → 28 Feb).
    expect(due).toEqual([
      { external_ref: 'F1', due_date: '2026-02-04' },
      { external_ref: 'F2', due_date: '2026-02-19' },
      { external_ref: 'F3', due_date: '2026-02-28' },
    ]);
    const list = await listCustomers(ctx, { asOf: '2026-03-31' });
    expect(list.items.map((c) => [c.code, c.balanceMinor, c.overdueMinor, c.creditLimitMinor])).toEqual([
      ['C1', 0, 0, 1_000_000],
      ['C2', 400_000, 500_000, null],
    ]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot();
    for (const [entity, filePath] of [
      ['customers', CUSTOMERS],
      ['invoices', INVOICES],
      ['payments', PAYMENTS],
    ] as const) {
      const summary = await importFile(ctx, { entity, filePath });
      expect(summary).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a file with bad rows, reports every one of them and writes nothing', async () => {
    const before = await snapshot();
    const bad = file(
      'bad.csv',
      "N° facture;Code client;Date facture;Date d'échéance;Montant TTC\n" +
        'F10;C1;05/01/2026;;100,00\n' +
        'F11;C1;31/02/2026;;100,00\n' +
        'F12;C1;05/01/2026;;douze\n' +
        'F13;C9;05/01/2026;;100,00\n' +
        'F14;C2;05/01/2026;;;\n',
    );
    const error = await rejection(importFile(ctx, { entity: 'invoices', filePath: bad }));
    expect(error.code).toBe('import_rejected');
    const problems = (error.details as { errors: { line: number; column: string | null; code: string }[] })
      .errors;
    // The unknown customer of line 5 is in the same report as the cells that did not read.
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'Date facture', 'date_not_in_calendar'],
      [4, 'Montant TTC', 'invalid_amount'],
      [5, 'Code client', 'unknown_customer'],
      [6, null, 'trailing_separators'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects unknown customers found only against the database, and writes nothing', async () => {
    const before = await snapshot();
    const bad = file(
      'unknown.csv',
      'N° facture;Code client;Date facture;Montant TTC\nF20;C1;05/01/2026;10,00\nF21;C9;05/01/2026;10,00\nF22;C8;05/01/2026;10,00\n',
    );
    const error = await rejection(importFile(ctx, { entity: 'invoices', filePath: bad }));
    const problems = (
      error.details as { errors: { line: number; column: string | null; value: string | null }[] }
    ).errors;
    expect(problems.map((p) => [p.line, p.value])).toEqual([
      [3, 'C9'],
      [4, 'C8'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('updates a changed row and records it in the audit log', async () => {
    const changed = file(
      'factures-v2.csv',
      "N° facture;Code client;Date facture;Date d'échéance;Montant TTC\n" +
        'F1;C1;05/01/2026;;1 200,00\n' +
        'F2;C1;20/01/2026;;300,50\n' +
        'F3;C2;10/01/2026;15/03/2026;5 000,00\n',
    );
    expect(await importFile(ctx, { entity: 'invoices', filePath: changed })).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 2,
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_key', 'before', 'after'])
      .where('action', '=', 'import.update')
      .execute();
    expect(audit).toHaveLength(1);
    // The invoice by its kind and number, its fields under the names the audit page labels.
    expect(audit[0]).toEqual({
      action: 'import.update',
      entity: 'invoice',
      entity_key: 'F3',
      before: expect.objectContaining({ dueDate: '2026-02-28', amountMinor: 500_000, currency: 'EUR' }),
      after: expect.objectContaining({ dueDate: '2026-03-15', amountMinor: 500_000, currency: 'EUR' }),
    });
    const [entry] = audit;
    if (!entry) throw new Error('no entry');
    expect(
      spaced(describeAuditChanges('fr', values(entry.before), values(entry.after), { entity: entry.entity })),
    ).toBe('Échéance : 28/02/2026 → 15/03/2026');
  });

  it('words a customer changed by an import: its limit as money, its terms in words', async () => {
    const changed = file(
      'clients-v2.csv',
      'Code client;Raison sociale;Type de client;Commercial;Conditions de paiement;Plafond\n' +
        'C1;Quincaillerie Martin;PME;Alice;60 jours nets;18 000,00\n' +
        'C2;Grossiste Durand;Grossiste;Bob;45 jours fin de mois;\n',
    );
    expect(await importFile(ctx, { entity: 'customers', filePath: changed })).toMatchObject({ updated: 1 });
    const entry = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_key', 'before', 'after'])
      .where('action', '=', 'import.update')
      .where('entity', '=', 'customer')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      entity_key: 'C1',
      after: { creditLimitMinor: 1_800_000, paymentTerms: 'net:60' },
    });
    expect(auditActionLabel('fr', entry.action)).toBe('Import\u00a0: mise à jour');
    expect(
      spaced(describeAuditChanges('fr', values(entry.before), values(entry.after), { entity: entry.entity })),
    ).toBe(
      'Conditions de paiement : 30 jours nets → 60 jours nets ; Limite de crédit : 10 000,00 € → 18 000,00 €',
    );
  });

  it('dry run reports what would change and writes nothing', async () => {
    const before = await snapshot();
    const more = file(
      'more.csv',
      'N° facture;Code client;Date facture;Montant TTC\nF30;C1;05/03/2026;10,00\n',
    );
    expect(await importFile(ctx, { entity: 'invoices', filePath: more, dryRun: true })).toMatchObject({
      dryRun: true,
      inserted: 1,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to shrink an invoice below what is already matched', async () => {
    const shrink = file(
      'shrink.csv',
      'N° facture;Code client;Date facture;Montant TTC\nF1;C1;05/01/2026;100,00\n',
    );
    const error = await rejection(importFile(ctx, { entity: 'invoices', filePath: shrink }));
    expect((error.details as { errors: { line: number }[] }).errors.map((p) => p.line)).toEqual([2]);
  });

  it('imports orders from an XLSX workbook, idempotently', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Commandes');
    sheet.addRow(['N° commande', 'Code client', 'Date de commande', 'Montant commande', 'Statut commande']);
    sheet.addRow(['CMD1', 'C1', new Date(Date.UTC(2026, 2, 2)), 1234.56, 'en attente']);
    sheet.addRow(['CMD2', 'C2', new Date(Date.UTC(2026, 2, 3)), 99, 'facturée']);
    const path = join(dir, 'commandes.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await importFile(ctx, { entity: 'orders', filePath: path })).toMatchObject({ inserted: 2 });
    expect(await importFile(ctx, { entity: 'orders', filePath: path })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const orders = await ctx.db
      .selectFrom('orders')
      .select(['order_number', 'order_date', 'amount_minor', 'status'])
      .orderBy('order_number')
      .execute();
    expect(orders).toEqual([
      { order_number: 'CMD1', order_date: '2026-03-02', amount_minor: 123_456, status: 'pending' },
      { order_number: 'CMD2', order_date: '2026-03-03', amount_minor: 9_900, status: 'invoiced' },
    ]);
  });
});
