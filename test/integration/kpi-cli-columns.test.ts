/**
 * `encours report kpis` prints each indicator's value in one column, however long its label: « Part
 * échue des factures ouvertes (avant avoirs) » (47 characters) pushed its value out of the
 * 44-character column the others kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOutput } from '../support/cli-output.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openDemoTestDatabase();
}, 600_000);
afterAll(async () => {
  await database?.close();
});

describe('the indicators on the command line', () => {
  it('start every value in the same column', async () => {
    const { status, stdout } = await cliOutput(database.runtime, 'CB2C', [
      'report',
      'kpis',
      '--as-of',
      '2026-06-30',
    ]);
    expect(status).toBe(0);
    const figures = stdout.split('\n\n')[0]?.split('\n') ?? [];
    const label = 'Part échue des factures ouvertes (avant avoirs)';
    expect(figures.some((line) => line.startsWith(label))).toBe(true);
    // Each line: the label, padded, two spaces, then the value; the value starts where every other does.
    const starts = new Set(figures.map((line) => /^.*?\S {2,}(?=\S)/.exec(line)?.[0].length));
    expect(starts.size).toBe(1);
    expect([...starts][0]).toBeGreaterThan(label.length);
  }, 300_000);
});
