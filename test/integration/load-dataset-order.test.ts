/**
 * A data set whose invoice is settled, freed by a bounced payment and settled again must load
 * into the same open-item state as the ledger says, whatever the order of its lists and wherever
 * the insert batches (5,000 allocations) are cut.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LedgerDataset, loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import { openItemStateDifferences } from '#db/ledger/open-items';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const doc = (
  kind: LedgerDocument['kind'],
  ref: string,
  issueDate: string,
  amountMinor: number,
): LedgerDocument => ({
  kind,
  source: 'test',
  externalRef: ref,
  customerCode: 'A',
  issueDate,
  dueDate: issueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

/** Settled invoices before the story, so that its first allocation ends the first insert batch. */
const FILLER = 4_999;

function dataset(): LedgerDataset {
  const filler = Array.from({ length: FILLER }, (_, index) => index);
  return {
    company: { code: 'ORDR', name: 'Ordre SA', currency: 'EUR', asOf: '2026-03-31' },
    customers: [customer('A')],
    documents: [
      ...filler.flatMap((index) => [
        doc('invoice', `FF${index}`, '2026-01-02', 1_000),
        doc('payment', `PF${index}`, '2026-01-05', -1_000),
      ]),
      doc('invoice', 'X', '2026-01-10', 50_000),
      doc('payment', 'P1', '2026-02-01', -50_000),
      doc('bounced_payment', 'IMP1', '2026-02-10', 50_000),
      doc('payment', 'P2', '2026-02-15', -50_000),
    ],
    // The lists' own order: every allocation first, the reversal last (as a generator writes them).
    allocations: [
      ...filler.map((index) => ({
        debitRef: `FF${index}`,
        creditRef: `PF${index}`,
        amountMinor: 1_000,
        allocationDate: '2026-01-05',
      })),
      { debitRef: 'X', creditRef: 'P1', amountMinor: 50_000, allocationDate: '2026-02-01' },
      { debitRef: 'X', creditRef: 'P2', amountMinor: 50_000, allocationDate: '2026-02-15' },
      { debitRef: 'IMP1', creditRef: 'P1', amountMinor: 50_000, allocationDate: '2026-02-10' },
    ],
    reversals: [{ debitRef: 'X', creditRef: 'P1', amountMinor: 50_000, allocationDate: '2026-02-10' }],
    orders: [],
    events: [],
  };
}

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('ORDR'), actor: 'test' }, dataset());
});
afterAll(async () => database?.close());

describe('loading allocations and reversals', () => {
  it('keeps the open-item state of a document settled, freed and settled again', async () => {
    const { db } = database.runtime.handle;
    expect(await openItemStateDifferences(db, 'ORDR')).toEqual([]);
    const open = await sql<{ ref: string }>`
      select d.external_ref as ref from open_items o join documents d using (document_id)
      where o.company_id = 'ORDR'`.execute(db);
    // X settled by P2, IMP1 by P1: nothing is open.
    expect(open.rows).toEqual([]);
  });
});
