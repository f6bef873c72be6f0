/**
 * A large import leaves the event loop free to serve other requests (counted, not timed): the CSV
 * reader parses the file a small chunk at a time (each chunk is parsed in one go), and the loops
 * over every row give the loop a turn every thousand rows.
 */
import { describe, expect, it } from 'vitest';
import { tempDirOfTestFile } from '../../test/support/import-test-files.ts';
import { shareTheLoop } from './event-loop.ts';
import { openTable } from './tabular.ts';

const dir = tempDirOfTestFile();

/** Counts the turns of the event loop while `work` runs. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

describe('a large file and the event loop', () => {
  it('is read 64 KiB at a time, not a megabyte parsed in one go', async () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `F${index};C1;05/01/2024;10,00\n`);
    const file = await dir.write(
      'gros.csv',
      `N° facture;Code client;Date facture;Montant TTC\n${rows.join('')}`,
    );
    const table = await openTable(file);
    let largestStepBytes = 0;
    let before = table.bytesRead();
    let rowCount = 0;
    for await (const _row of table.rows()) {
      rowCount++;
      largestStepBytes = Math.max(largestStepBytes, table.bytesRead() - before);
      before = table.bytesRead();
    }
    expect(rowCount).toBe(100_000);
    expect(table.totalBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(largestStepBytes).toBeLessThanOrEqual(64 * 1024);
  });

  it('turns on every thousandth row of a loop', async () => {
    const turns = await turnsDuring(async () => {
      for (let index = 0; index < 2500; index++) await shareTheLoop(index);
    });
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(turns).toBeLessThanOrEqual(4);
  });
});
