/** Aged balance from the database: historical as-of, open credits in their own column, drill-down, proof. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = () => database.context('AGE');

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('AGE')
    .addCustomer('A', { customerType: 'wholesaler', salesperson: 'Karim Haddad' })
    .addCustomer('B', {
      customerType: 'sme',
      groupCode: 'A',
      address: { line1: null, line2: null, postalCode: null, city: null, country: 'BE' },
    });
  const a1 = b.invoice('A', '2026-01-10', '2026-02-09', 100_000); // 141 days late on 2026-06-30
  b.invoice('A', '2026-05-01', '2026-05-31', 50_000); // 30 days late
  b.invoice('A', '2026-06-20', '2026-07-20', 20_000); // not due
  b.payment('A', '2026-06-15', [[a1, 40_000]], 5_000); // 5,000 unapplied
  const b1 = b.invoice('B', '2026-03-01', '2026-03-31', 30_000); // 91 days late
  b.creditNote('B', '2026-06-25', 7_000);
  b.payment('B', '2026-07-05', [[b1, 30_000]]); // after the as-of date: must not count
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset('2026-06-30'));
});
afterAll(async () => database?.close());

describe('aged balance', () => {
  it('ages open debits, keeps open credits apart and proves the total against the ledger', async () => {
    const report = await getAgedBalance(ctx(), { asOf: '2026-06-30' });
    expect(report.buckets.map((bucket) => bucket.key)).toEqual([
      'not_due',
      'd1_30',
      'd31_60',
      'd61_90',
      'd90_plus',
    ]);
    const byKey = Object.fromEntries(report.groups.map((g) => [g.key, g]));
    expect(byKey['A']).toMatchObject({
      totalMinor: 125_000,
      bucketsMinor: [20_000, 50_000, 0, 0, 60_000],
      creditsMinor: -5_000,
    });
    expect(byKey['B']).toMatchObject({
      totalMinor: 23_000,
      bucketsMinor: [0, 0, 0, 0, 30_000],
      creditsMinor: -7_000,
    });
    expect(report.totals).toMatchObject({
      totalMinor: 148_000,
      bucketsMinor: [20_000, 50_000, 0, 0, 90_000],
      creditsMinor: -12_000,
    });
    expect(report.proof).toEqual({
      bucketsMatchBalances: true,
      balancesMatchTotal: true,
      bucketsMatchTotal: true,
      ledgerBalanceMinor: 148_000,
      matchesLedger: true,
    });
  });

  it('is historical: as of an earlier date, later documents and allocations do not exist', async () => {
    const report = await getAgedBalance(ctx(), { asOf: '2026-03-31' });
    expect(report.totals).toMatchObject({
      totalMinor: 130_000,
      bucketsMinor: [30_000, 0, 100_000, 0, 0],
      creditsMinor: 0,
    });
    const later = await getAgedBalance(ctx(), { asOf: '2026-07-31' });
    expect(later.groups.find((g) => g.key === 'B')?.totalMinor).toBe(-7_000);
  });

  it('groups by customer type, group, country and salesperson, and by issue date', async () => {
    const byType = await getAgedBalance(ctx(), { asOf: '2026-06-30', groupBy: 'customer_type' });
    expect(byType.groups.map((g) => [g.key, g.totalMinor])).toEqual([
      ['wholesaler', 125_000],
      ['sme', 23_000],
    ]);
    const byGroup = await getAgedBalance(ctx(), { asOf: '2026-06-30', groupBy: 'group' });
    expect(byGroup.groups.map((g) => [g.key, g.totalMinor])).toEqual([['A', 148_000]]);
    const byCountry = await getAgedBalance(ctx(), { asOf: '2026-06-30', groupBy: 'country' });
    expect(byCountry.groups.map((g) => g.key).sort()).toEqual(['BE', 'FR']);
    const byIssue = await getAgedBalance(ctx(), {
      asOf: '2026-06-30',
      basis: 'issue',
      bucketBounds: [30, 90],
    });
    expect(byIssue.buckets.map((bucket) => bucket.key)).toEqual(['d0_30', 'd31_90', 'd90_plus']);
    expect(byIssue.totals.bucketsMinor).toEqual([20_000, 50_000, 90_000]);
  });

  it('drills down to the documents of one line and bucket', async () => {
    const drill = await getAgingDocuments(ctx(), {
      asOf: '2026-06-30',
      groupKey: 'A',
      bucketKey: 'd90_plus',
    });
    expect(drill.documents.map((d) => [d.externalRef, d.openMinor, d.ageDays])).toEqual([
      ['F00001', 60_000, 141],
    ]);
    const credits = await getAgingDocuments(ctx(), {
      asOf: '2026-06-30',
      groupKey: 'A',
      bucketKey: 'credits',
    });
    expect(credits.totalMinor).toBe(-5_000);
  });
});
