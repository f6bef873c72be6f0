/**
 * Golden story on the database (PGlite, or PostgreSQL with ENCOURS_TEST_DATABASE_URL):
 * balances, overdue amounts and open items as of several dates, including a bounced payment
 * whose allocation is reversed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import { type LedgerDataset, loadDataset } from '#app/demo/load-dataset';
import type { Customer, LedgerDocument } from '#core/types';
import { customer as baseCustomer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const customer = (code: string, overrides: Partial<Customer> = {}): Customer =>
  baseCustomer(code, { salesperson: 'Alice', creditLimitMinor: 500_000, ...overrides });

const doc = (
  kind: LedgerDocument['kind'],
  ref: string,
  code: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
): LedgerDocument => ({
  kind,
  source: 'test',
  externalRef: ref,
  customerCode: code,
  issueDate,
  dueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

const story: LedgerDataset = {
  company: { code: 'GOLD', name: 'Golden SA', currency: 'EUR', asOf: '2026-03-31' },
  customers: [customer('A'), customer('B', { creditLimitMinor: null, salesperson: 'Bob' })],
  documents: [
    doc('invoice', 'F1', 'A', '2026-01-10', '2026-02-09', 120_000),
    doc('invoice', 'F2', 'A', '2026-02-01', '2026-03-03', 80_000),
    doc('credit_note', 'AV1', 'A', '2026-02-15', '2026-02-15', -20_000),
    doc('payment', 'P1', 'A', '2026-02-20', '2026-02-20', -100_000),
    doc('bounced_payment', 'IMP1', 'A', '2026-02-25', '2026-02-25', 100_000),
    doc('invoice', 'F3', 'B', '2026-03-01', '2026-03-31', 50_000),
    doc('payment', 'P2', 'B', '2026-03-10', '2026-03-10', -70_000),
  ],
  allocations: [
    { debitRef: 'F1', creditRef: 'AV1', amountMinor: 20_000, allocationDate: '2026-02-15' },
    { debitRef: 'F1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-20' },
    { debitRef: 'F3', creditRef: 'P2', amountMinor: 50_000, allocationDate: '2026-03-10' },
  ],
  reversals: [{ debitRef: 'F1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-25' }],
  orders: [],
  events: [],
};
// After the reversal, the bounced payment is matched against the payment it cancels.
story.allocations = [
  ...story.allocations,
  { debitRef: 'IMP1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-25' },
];

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('GOLD'), actor: 'test' }, story);
});
afterAll(async () => database?.close());

const balances = async (asOf: string) => {
  const result = await listCustomers(database.context('GOLD'), { asOf });
  return Object.fromEntries(result.items.map((row) => [row.code, [row.balanceMinor, row.overdueMinor]]));
};

describe('ledger as of any date', () => {
  it('gives balances and overdue amounts at each date of the story', async () => {
    expect(await balances('2026-01-09')).toEqual({ A: [0, 0], B: [0, 0] });
    expect(await balances('2026-02-09')).toEqual({ A: [200_000, 0], B: [0, 0] });
    // F1 past due on 02-10, not yet paid.
    expect(await balances('2026-02-14')).toEqual({ A: [200_000, 120_000], B: [0, 0] });
    // Paid on 02-20 (credit note 200 + payment 1000).
    expect(await balances('2026-02-20')).toEqual({ A: [80_000, 0], B: [0, 0] });
    // The payment bounced on 02-25: F1 reopens (1000 overdue), the bounced item is matched.
    expect(await balances('2026-02-25')).toEqual({ A: [180_000, 100_000], B: [0, 0] });
    // B paid 700 for a 500 invoice: 200 unapplied cash, negative balance.
    expect(await balances('2026-03-31')).toEqual({ A: [180_000, 180_000], B: [-20_000, 0] });
  });

  it('lists open items of a customer with their open amounts and ages', async () => {
    const file = await getCustomerFile(database.context('GOLD'), 'A', '2026-03-31');
    expect(file.openItems.map((item) => [item.externalRef, item.openMinor, item.daysPastDue])).toEqual([
      ['F1', 100_000, 50],
      ['F2', 80_000, 28],
    ]);
    expect(file.balanceMinor).toBe(180_000);
    const fileB = await getCustomerFile(database.context('GOLD'), 'B', '2026-03-31');
    expect(fileB.openItems.map((item) => [item.externalRef, item.openMinor])).toEqual([['P2', -20_000]]);
  });

  it('uses the company reference date when no date is given', async () => {
    const result = await listCustomers(database.context('GOLD'));
    expect(result.asOf).toBe('2026-03-31');
    expect(result.total).toBe(2);
  });
});

describe('append-only matching', () => {
  it('refuses to edit an allocation in place', async () => {
    const update = database.runtime.handle.db
      .updateTable('allocations')
      .set({ amount_minor: 1 })
      .where('company_id', '=', 'GOLD');
    await expect(update.execute()).rejects.toThrow(/append-only/);
  });
});
