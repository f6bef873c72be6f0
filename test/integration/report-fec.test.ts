/**
 * The reports on a company rebuilt from a FEC: the aged balance as of the file's last date ties to
 * the customer control accounts of the file, the open-item state equals the ledger, and every other
 * report runs on it (the use cases behind the CLI and the HTTP API).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import { type FecImportSummary, importFec } from '#app/fec/import-fec';
import { getAgedBalance } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { getKpis } from '#app/reports/kpis';
import { getRiskTable } from '#app/reports/risk';
import { openItemStateDifferences } from '#db/ledger/open-items';
import { writeScaleFec } from '#demo/scale-fec';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let summary: FecImportSummary;
let controlBalanceMinor: number;
const ctx = () => database.context('FECR', '2026-06-30');

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureCompany(ctx(), { companyId: 'FECR', name: 'Reports on a FEC' });
  const file = join(mkdtempSync(join(tmpdir(), 'encours-fec-report-')), 'FEC.txt');
  ({ controlBalanceMinor } = await writeScaleFec(file, { lines: 3000, customers: 40, seed: 7 }));
  summary = await importFec(ctx(), { filePath: file });
});
afterAll(async () => database?.close());

describe('reports on an imported FEC', () => {
  it('ties the aged balance at the last date of the file to its control accounts', async () => {
    expect(summary.reconciliation.customersWithDifference).toEqual([]);
    const asOf = summary.lastDate as string;
    const aging = await getAgedBalance(ctx(), { asOf });
    expect(aging.totals.totalMinor).toBe(controlBalanceMinor);
    expect(aging.proof).toMatchObject({ matchesLedger: true, bucketsMatchBalances: true });
    const byType = await getAgedBalance(ctx(), { asOf, groupBy: 'customer_type', basis: 'issue' });
    expect(byType.totals.totalMinor).toBe(controlBalanceMinor);
    expect(await openItemStateDifferences(database.runtime.handle.db, 'FECR')).toEqual([]);
  });

  it('computes the indicators, the risk table and the anomalies', async () => {
    const asOf = summary.lastDate as string;
    const kpis = await getKpis(ctx(), { to: asOf });
    expect(kpis.dsoSimpleDays).toBeGreaterThan(0);
    expect(kpis.monthly.length).toBeGreaterThan(0);
    const risk = await getRiskTable(ctx(), { asOf });
    expect(risk.rows.reduce((total, row) => total + row.balanceMinor, 0)).toBe(controlBalanceMinor);
    const anomalies = await getAnomalies(ctx(), { asOf, lang: 'en' });
    expect(anomalies.asOf).toBe(asOf);
  });
});
