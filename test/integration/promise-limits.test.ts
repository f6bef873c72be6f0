/**
 * A promise to pay covers at most what the customer owes (or what the invoices it names still owe):
 * a promise of 1,000,000 € from a customer owing 4,000 € is a typing mistake, refused with both
 * figures; an amount too large to be one is said so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { amountFromText, recordPromise } from '#app/dunning/promises';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = (): AppContext => database.context('PRM', '2025-06-30');

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('PRM').addCustomer('P1', { name: 'Promettant SARL' });
  b.invoice('P1', '2025-04-01', '2025-05-01', eur(3_000), 'P1-1');
  b.invoice('P1', '2025-05-01', '2025-05-31', eur(1_000), 'P1-2');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

describe('the amount of a promise to pay', () => {
  it('refuses more than the customer owes, with both figures', async () => {
    const promise = recordPromise(ctx(), {
      customerCode: 'P1',
      instalments: [{ dueDate: '2025-07-15', amountMinor: eur(1_000_000) }],
    });
    await expect(promise).rejects.toMatchObject({
      code: 'invalid_input',
      details: { promisedMinor: eur(1_000_000), owedMinor: eur(4_000) },
    });
  });

  it('refuses more than the invoices named still owe, and takes what they owe', async () => {
    const named = (amountMinor: number) =>
      recordPromise(ctx(), {
        customerCode: 'P1',
        documentRefs: ['P1-2'],
        instalments: [{ dueDate: '2025-07-15', amountMinor }],
      });
    await expect(named(eur(1_000) + 1)).rejects.toMatchObject({ details: { owedMinor: eur(1_000) } });
    expect((await named(eur(1_000))).promiseId).toBeGreaterThan(0);
  });

  it('says an amount too large to be one is so', () => {
    expect(() => amountFromText('99999999999999999999,00')).toThrow(/too large/);
    expect(() => amountFromText('-5')).toThrow(/not a positive amount/);
  });
});
