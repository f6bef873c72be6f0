/**
 * Differential tests of the queries rewritten for speed at scale (issue 10, point 15): each
 * answer must equal the one of the plain path it replaces, on the demo company (partial payments,
 * credit notes, reversals, disputes), today and at past dates where documents are partly settled
 * around the date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getRiskTable } from '#app/reports/risk';
import { listCustomerBalances } from '#db/customers/customer-list';
import { inReportSnapshot } from '#db/reports/report-session';
import { balancesAtTwoDates, overdueAtDates } from '#db/reports/risk';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
});
afterAll(async () => database?.close());

const DATES = ['2025-12-31', '2026-03-15', '2026-05-31', '2026-06-30'];

/** Every customer's balance and overdue amount at a date, by the unpaged path (one aggregate). */
async function plainTotals(asOf: string) {
  const { items } = await listCustomerBalances(ctx.db, ctx.companyId, asOf);
  return new Map(items.map((row) => [row.code, row]));
}

describe('customer list sorted by totals, paged', () => {
  it('gives the page and total of the unpaged list, for every sort, filter and offset', async () => {
    const filters = [{}, { search: 'sa' }, { overdueOnly: true }, { customerType: 'sme' }];
    let compared = 0;
    for (const asOf of ['2026-03-15', '2026-06-30'])
      for (const sort of ['overdue', 'balance'] as const)
        for (const filter of filters) {
          const all = await listCustomerBalances(ctx.db, ctx.companyId, asOf, { sort, filter });
          expect(all.items.length).toBeGreaterThan(0);
          for (const [limit, offset] of [
            [50, 0],
            [7, 40],
            [1000, 0],
          ] as const) {
            const page = await listCustomerBalances(ctx.db, ctx.companyId, asOf, {
              sort,
              filter,
              limit,
              offset,
            });
            expect(page.items).toEqual(all.items.slice(offset, offset + limit));
            expect(page.total).toBe(all.items.length);
            compared += page.items.length;
          }
        }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('anomaly reads', () => {
  it('sums the overdue amount per customer and date like the customer list at each date', async () => {
    const rows = await overdueAtDates(ctx.db, ctx.companyId, DATES, 'salesperson');
    for (const date of DATES) {
      const plain = await plainTotals(date);
      const expected = [...plain.values()]
        .filter((row) => row.overdueMinor !== 0)
        .map((row) => ({
          groupKey: row.salesperson ?? '',
          customerCode: row.code,
          overdueMinor: row.overdueMinor,
        }))
        .sort((a, b) => a.customerCode.localeCompare(b.customerCode));
      const actual = rows
        .filter((row) => row.date === date)
        .map(({ groupKey, customerCode, overdueMinor }) => ({ groupKey, customerCode, overdueMinor }))
        .sort((a, b) => a.customerCode.localeCompare(b.customerCode));
      expect(expected.length).toBeGreaterThan(10);
      expect(actual).toEqual(expected);
    }
  });

  it("gives every customer's ledger balance at two dates, equal to the sum of its open items", async () => {
    const [before, after] = ['2025-06-30', '2026-06-30'];
    const rows = await balancesAtTwoDates(ctx.db, ctx.companyId, before, after);
    const [plainBefore, plainAfter] = [await plainTotals(before), await plainTotals(after)];
    expect(rows.length).toBe(plainAfter.size);
    for (const row of rows) {
      expect(row.beforeMinor).toBe(plainBefore.get(row.code)?.balanceMinor);
      expect(row.afterMinor).toBe(plainAfter.get(row.code)?.balanceMinor);
    }
    expect(rows.filter((row) => row.beforeMinor !== row.afterMinor).length).toBeGreaterThan(10);
  });
});

describe('risk table', () => {
  it('is the same read side by side on several connections as read one query after the other', async () => {
    for (const asOf of ['2026-03-15', '2026-06-30']) {
      const parallel = await getRiskTable(ctx, { asOf, includeSettled: true });
      // Inside an enclosing transaction the reads run in sequence on its connection.
      const serial = await inReportSnapshot(ctx.db, (trx) =>
        getRiskTable({ ...ctx, db: trx }, { asOf, includeSettled: true }),
      );
      expect(parallel).toEqual(serial);
      const disputed = parallel.rows.filter((row) => row.disputedRefs.length > 0);
      expect(disputed.length).toBeGreaterThan(0);
      for (const row of disputed) expect(row.disputedRefs).toEqual([...row.disputedRefs].sort());
    }
  });
});
