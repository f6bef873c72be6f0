/**
 * Conformance with the real FEC exports of ../shared/testdata/fec (when present): every file
 * parses, and after the import every customer's open items as of the file's last date equal its
 * account balance in the FEC, to the cent — checked through the customer list the CLI prints.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import { listCustomers } from '#app/customers/customers';
import { importFec } from '#app/fec/import-fec';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const FEC_DIR = resolve(import.meta.dirname, '../../../shared/testdata/fec');
const present = existsSync(FEC_DIR);
// Vitest still collects a skipped block, so the folder is listed only when it exists.
const files = present
  ? readdirSync(FEC_DIR)
      .filter((name) => !name.endsWith('-expected.csv'))
      .sort()
  : [];

/** Figures stated in SOURCES.md or read off the files by hand. */
const EXPECTED: Record<string, { lines: number; customers: number; encoding: string }> = {
  'neolegal_000000000FEC20231231.txt': { lines: 2102, customers: 4, encoding: 'utf-8' },
  'neolegal_111111111FEC20221231.TXT': { lines: 934, customers: 34, encoding: 'cp850' },
  'neolegal_123456789FEC20500930.txt': { lines: 10756, customers: 1, encoding: 'utf-8' },
  'odoo_l10n_fr_fec_test_wizard_expected.txt': { lines: 5, customers: 1, encoding: 'utf-8' },
};

describe.skipIf(!present)('conformance with the shared FEC files', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s imports and reconciles to the cent', async (name) => {
    const companyId = `F${files.indexOf(name)}`;
    const ctx = database.context(companyId);
    await ensureCompany(ctx, { companyId, name });
    const summary = await importFec(ctx, { filePath: resolve(FEC_DIR, name) });
    const expected = EXPECTED[name];
    if (expected) expect(summary).toMatchObject(expected);
    expect(summary.reconciliation.customersWithDifference).toEqual([]);
    expect(summary.reconciliation.sumOpenItemsMinor).toBe(summary.reconciliation.controlBalanceMinor);
    const list = await listCustomers(ctx, { asOf: summary.lastDate ?? undefined });
    const total = list.items.reduce((sum, item) => sum + item.balanceMinor, 0);
    expect(total).toBe(summary.reconciliation.controlBalanceMinor);
    const again = await importFec(ctx, { filePath: resolve(FEC_DIR, name) });
    expect(again.changes).toEqual({
      customersInserted: 0,
      documentsInserted: 0,
      documentsUpdated: 0,
      documentsUnchanged: summary.changes.documentsInserted,
      allocationsInserted: 0,
      allocationsReversed: 0,
    });
  });
});
