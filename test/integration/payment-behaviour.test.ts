/** GET /api/customers/:code/payment-behaviour: monthly amount-weighted delays, reversals left out, scoping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { customer } from '../scenarios/ledger-builder.ts';
import { c1Document as doc } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let bob: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset(
    { ...database.context('PB'), actor: 'test' },
    {
      company: { code: 'PB', name: 'PB SA', currency: 'EUR', asOf: '2026-04-30' },
      customers: [
        customer('C1', { name: 'Alpha', salesperson: 'Alice' }),
        customer('C2', { name: 'Beta', salesperson: 'Bob' }),
      ],
      documents: [
        doc('invoice', 'I1', '2026-01-01', '2026-01-31', 100_000),
        doc('invoice', 'I2', '2026-02-01', '2026-02-28', 300_000),
        doc('invoice', 'I3', '2026-03-01', '2026-03-31', 200_000),
        doc('payment', 'P1', '2026-02-10', '2026-02-10', -100_000),
        doc('payment', 'P2', '2026-03-20', '2026-03-20', -300_000),
        doc('payment', 'P3', '2026-03-05', '2026-03-05', -50_000),
        doc('payment', 'P4', '2026-04-15', '2026-04-15', -100_000),
        doc('credit_note', 'CN1', '2026-04-05', '2026-04-05', -100_000),
      ],
      allocations: [
        { debitRef: 'I1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-10' },
        { debitRef: 'I2', creditRef: 'P3', amountMinor: 50_000, allocationDate: '2026-03-05' },
        { debitRef: 'I2', creditRef: 'P2', amountMinor: 300_000, allocationDate: '2026-03-20' },
        { debitRef: 'I3', creditRef: 'CN1', amountMinor: 100_000, allocationDate: '2026-04-05' },
        { debitRef: 'I3', creditRef: 'P4', amountMinor: 100_000, allocationDate: '2026-04-15' },
      ],
      // P3 was matched to I2 by mistake and unmatched the next day: it must not count.
      reversals: [{ debitRef: 'I2', creditRef: 'P3', amountMinor: 50_000, allocationDate: '2026-03-06' }],
      orders: [],
      events: [],
      users: [
        { email: 'claire@pb.test', name: 'Claire', role: 'credit_manager', salesperson: null },
        { email: 'bob@pb.test', name: 'Bob', role: 'salesperson', salesperson: 'Bob' },
      ],
    },
  );
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire@pb.test', PASSWORD);
  bob = await signIn(app, 'bob@pb.test', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, session: Session) => app.inject({ url, headers: session.headers });

describe('payment behaviour of a customer', () => {
  it('gives one entry per month with amount-weighted delays after due date and after issue', async () => {
    const response = await get('/api/customers/C1/payment-behaviour?months=4', manager);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      asOf: '2026-04-30',
      from: '2026-01-01',
      currency: 'EUR',
      months: [
        { month: '2026-01', paidMinor: 0, invoices: 0, averageDelayDays: null, averageDaysToPay: null },
        { month: '2026-02', paidMinor: 100_000, invoices: 1, averageDelayDays: 10, averageDaysToPay: 40 },
        { month: '2026-03', paidMinor: 300_000, invoices: 1, averageDelayDays: 20, averageDaysToPay: 47 },
        // P4: 15 days late (45 from issue). CN1 settles part of I3 too, but a credit note is not a
        // payment: counting it would show the customer paying faster than they did.
        { month: '2026-04', paidMinor: 100_000, invoices: 1, averageDelayDays: 15, averageDaysToPay: 45 },
      ],
      unpaidOverdue: { invoices: 0, openMinor: 0, oldestDaysPastDue: 0, averageDaysPastDue: null },
    });
  });

  it('shows the invoices past due and still unpaid, which the monthly payments cannot', async () => {
    // 15/03: I2 (due 28/02) is unpaid, P3 having been unmatched; 15 days past due.
    const march = (await get('/api/customers/C1/payment-behaviour?asOf=2026-03-15', manager)).json();
    expect(march.unpaidOverdue).toEqual({
      invoices: 1,
      openMinor: 300_000,
      oldestDaysPastDue: 15,
      averageDaysPastDue: 15,
    });
    // 10/04: I2 paid, I3 (due 31/03) half settled by CN1: 1,000.00 left, 10 days past due.
    const april = (await get('/api/customers/C1/payment-behaviour?asOf=2026-04-10', manager)).json();
    expect(april.unpaidOverdue).toEqual({
      invoices: 1,
      openMinor: 100_000,
      oldestDaysPastDue: 10,
      averageDaysPastDue: 10,
    });
  });

  it('reads as of a date and defaults to 24 months', async () => {
    const body = (await get('/api/customers/C1/payment-behaviour?asOf=2026-03-31', manager)).json();
    expect(body.months).toHaveLength(24);
    expect(body.months.at(-1)).toEqual({
      month: '2026-03',
      paidMinor: 300_000,
      invoices: 1,
      averageDelayDays: 20,
      averageDaysToPay: 47,
    });
  });

  it('keeps a salesperson to their own customers', async () => {
    expect((await get('/api/customers/C1/payment-behaviour', bob)).statusCode).toBe(404);
    expect((await get('/api/customers/C2/payment-behaviour', bob)).statusCode).toBe(200);
  });
});
