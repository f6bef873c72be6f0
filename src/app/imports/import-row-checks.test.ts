/**
 * The checks of a file against the company's data run over every row: on a 100,000-row file they
 * give the event loop a turn every thousand rows, so that the server answers other requests
 * meanwhile (counted, not timed).
 */
import { describe, expect, it } from 'vitest';
import { checkAmounts, ProblemList } from './import-row-checks.ts';

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

describe('the checks of every row', () => {
  it('share the event loop on a large file, and still find every bad amount', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => ({
      line: index + 2,
      currency: 'EUR',
      amountMinor: index === 4321 ? 2 ** 52 : 1000,
    }));
    const problems = new ProblemList('gros.csv', { amount: 'Montant TTC' });
    const turns = await turnsDuring(() => checkAmounts(problems, rows, 'amount', (row) => row.amountMinor));
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(problems.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [4323, 'Montant TTC', 'amount_too_large'],
    ]);
  });
});
