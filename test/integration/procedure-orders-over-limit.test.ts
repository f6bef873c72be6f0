/**
 * The orders the dysfunctions report counts as accepted beyond the limit include the ERP's: an
 * order it reports invoiced, never checked by Encours, counts when its amount on top of the
 * customer's balance the day before passed the limit of the order date — read back from the limit
 * history, not today's limit — and one whose limit that day the history cannot tell is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { ordersOverLimit } from '#app/procedure/reports-orders-over-limit';
import type { Order } from '#core/types';
import { customer } from '../scenarios/ledger-builder.ts';
import { ledgerDocument as doc } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-04-30';
let database: TestDatabase;
let ctx: AppContext;

const order = (number: string, customerCode: string, orderDate: string, amountMinor: number): Order => ({
  number,
  customerCode,
  orderDate,
  amountMinor,
  currency: 'EUR',
  status: 'invoiced',
});

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = { ...database.context('OL'), actor: 'test' };
  await loadDataset(ctx, {
    company: { code: 'OL', name: 'OL SA', currency: 'EUR', asOf: AS_OF },
    customers: [
      customer('C1', { creditLimitMinor: 10_000_000 }),
      customer('C2', { creditLimitMinor: 5_000_000 }),
      customer('C3'),
    ],
    documents: [
      doc('invoice', 'F1', 'C1', '2026-01-05', '2026-02-04', 6_000_000),
      // O1's own invoice, issued the day of the order: not in the balance the order is added to.
      doc('invoice', 'F2', 'C1', '2026-02-10', '2026-03-12', 2_000_000),
      doc('invoice', 'F3', 'C1', '2026-04-01', '2026-05-01', 1_500_000),
      doc('invoice', 'F4', 'C2', '2026-01-10', '2026-02-09', 4_500_000),
      doc('invoice', 'F5', 'C3', '2026-01-10', '2026-02-09', 9_000_000),
    ],
    allocations: [],
    orders: [
      // 60 000 € + 20 000 € over the 70 000 € C1 had before its limit was raised: counted.
      order('O1', 'C1', '2026-02-10', 2_000_000),
      // 80 000 € + 10 000 € within the 100 000 € of April: not counted.
      order('O2', 'C1', '2026-03-20', 1_000_000),
      // 95 000 € + 10 000 €: over the 100 000 €.
      order('O3', 'C1', '2026-04-20', 1_000_000),
      // Before C2's limit was set, and its story does not say what it replaced: unknown.
      order('O4', 'C2', '2026-02-01', 1_000_000),
      // C3 has no limit: the missing-limit gap, not this one.
      order('O5', 'C3', '2026-03-01', 1_000_000),
    ],
    events: [
      {
        customerCode: 'C1',
        kind: 'limit_change',
        eventDate: '2026-03-01',
        documentRef: null,
        detail: 'Révision annuelle du plafond de crédit : 70 000,00 € → 100 000,00 €',
      },
      {
        customerCode: 'C2',
        kind: 'limit_change',
        eventDate: '2026-03-01',
        documentRef: null,
        detail: 'Plafond de crédit fixé à 50 000,00 € sur la base des volumes 2025',
      },
    ],
    users: [],
  });
});

afterAll(async () => {
  await database?.close();
});

describe('orders accepted beyond the limit', () => {
  it('counts the ERP orders invoiced over the limit of their date, and apart those it cannot judge', async () => {
    const found = await ordersOverLimit(ctx, '2026-01-01', AS_OF);
    expect(found.orders.map((o) => [o.orderRef, o.source])).toEqual([
      ['O1', 'erp_invoiced'],
      ['O3', 'erp_invoiced'],
    ]);
    expect(found.sources).toEqual([
      { code: 'encours_check', count: 0, amountMinor: 0 },
      { code: 'erp_invoiced', count: 2, amountMinor: 3_000_000 },
      { code: 'erp_limit_unknown', count: 1, amountMinor: 1_000_000 },
    ]);
  });
});
