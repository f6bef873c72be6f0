/**
 * The batch path of automatic cash application (apply-batch.ts: a batch's matches planned in
 * memory and written with a few multi-row statements) against the path it replaced (each receipt
 * applied on its own in a savepoint, test/support/cash-one-by-one.ts): on two copies of the demo
 * company, with its month of receipts, both must leave the same ledger — payment and write-off
 * documents, allocations, decisions, applications, receipt states, suggestions, audit and open
 * items. The batch path reads its copy of the ledger once and keeps it current (ledger-view.ts), the
 * reference reads the database for each batch. Matching again applies nothing new. The rules inside one batch and two runs at once:
 * cash-match-batch-rules.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoBankMonth } from '#app/cash/demo-receipts';
import { matchReceipts } from '#app/cash/match-receipts';
import { DEMO_AS_OF } from '#demo/index';
import { importInto, ledgerOfMatching, matchReceiptsOneByOne } from '../support/cash-one-by-one.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

describe('the demo month, matched by batch and one receipt at a time', () => {
  it('writes the same ledger, and matching again applies nothing new', async () => {
    const [batchDb, referenceDb] = [await openDemoTestDatabase(), await openDemoTestDatabase()];
    opened.push(batchDb, referenceDb);
    const batch = batchDb.context('CB2C', DEMO_AS_OF);
    const reference = referenceDb.context('CB2C', DEMO_AS_OF);
    const { camt } = demoBankMonth();
    await importInto(batch, camt);
    await importInto(reference, camt);

    // Batches of 150: the run reads its copy of the ledger once and keeps it current between them
    // (ledger-view.ts), where the reference reads the database for each batch.
    const summary = await matchReceipts(batch, { auto: true, batchSize: 150 });
    const appliedOneByOne = await matchReceiptsOneByOne(reference, 150);
    expect(summary.applied).toBe(appliedOneByOne);
    expect(summary.applied).toBeGreaterThan(100);
    const written = await ledgerOfMatching(batch);
    expect(written).toEqual(await ledgerOfMatching(reference));

    const again = await matchReceipts(batch, { auto: true });
    expect(again.applied).toBe(0);
    expect(again.receipts).toBe(summary.suggested + summary.unmatched);
    const after = await ledgerOfMatching(batch);
    expect([after.documents, after.allocations, after.decisions]).toEqual([
      written.documents,
      written.allocations,
      written.decisions,
    ]);
  }, 600_000);
});
