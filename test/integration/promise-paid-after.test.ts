/**
 * A promise counts only what was paid after it was made: a payment dated the day of the call but
 * recorded before the promise was already netted from the overdue the collector saw (the walk-through
 * showed a promise « Réglé 727,90 € » the moment it was made); one of the same day recorded after the
 * promise (the evening's statement) keeps it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { listPromises, recordPromise } from '#app/dunning/promises';
import { importFile } from '#app/imports/import-file';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let dir: string;
const ctx = (): AppContext => database.context('PPA', '2025-06-30');

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'encours-promise-paid-'));
  const b = new LedgerBuilder('PPA').addCustomer('L1', { name: 'Électricité Lambert' });
  b.invoice('L1', '2025-04-01', '2025-05-01', eur(3_000), 'L1-1');
  // Received and recorded the morning of the call: the overdue shown at the call is already net of it.
  b.payment('L1', '2025-06-30', [['L1-1', eur(727.9)]]);
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('what a promise to pay counts as paid', () => {
  it('leaves out a payment of the same day recorded before the promise, counts one recorded after', async () => {
    const made = await recordPromise(ctx(), {
      customerCode: 'L1',
      instalments: [{ dueDate: '2025-07-15', amountMinor: eur(2_000) }],
    });
    expect(made.madeOn).toBe('2025-06-30');
    expect([made.assessment.status, made.assessment.paidMinor]).toEqual(['pending', 0]);

    const file = join(dir, 'reglements.csv');
    await writeFile(
      file,
      'N° règlement;Code client;Date;Montant;Factures\nSOIR-1;L1;30/06/2025;1 500,00;L1-1\n',
    );
    await importFile(ctx(), { entity: 'payments', filePath: file });
    const [after] = await listPromises(ctx(), { customerCode: 'L1' });
    expect(after?.promiseId).toBe(made.promiseId);
    expect([after?.assessment.status, after?.assessment.paidMinor]).toEqual(['pending', eur(1_500)]);
  });
});
