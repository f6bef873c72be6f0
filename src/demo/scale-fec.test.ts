import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEC_HEADER, writeScaleFec } from './scale-fec.ts';

describe('scale FEC', () => {
  it('writes about N balanced lines, deterministically, with the customer balance it implies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'encours-scale-fec-'));
    try {
      const first = await writeScaleFec(join(dir, 'a.txt'), { lines: 1_000, customers: 20 });
      await writeScaleFec(join(dir, 'b.txt'), { lines: 1_000, customers: 20 });
      const text = await readFile(join(dir, 'a.txt'), 'utf8');
      expect(text).toBe(await readFile(join(dir, 'b.txt'), 'utf8'));
      const rows = text.replace(/\n$/, '').split('\n');
      expect(rows[0]).toBe(FEC_HEADER);
      expect(rows).toHaveLength(first.lines + 1);
      expect(first.lines).toBeGreaterThanOrEqual(1_000);
      expect(first.lines).toBeLessThan(1_005);
      const cents = (text: string) => Number(text.replace(',', ''));
      let total = 0;
      let customers = 0;
      for (const row of rows.slice(1)) {
        const fields = row.split('\t');
        expect(fields).toHaveLength(18);
        const amount = cents(fields[11] ?? '') - cents(fields[12] ?? '');
        total += amount;
        if (fields[4] === '411000') customers += amount;
      }
      expect(total).toBe(0);
      expect(customers).toBe(first.controlBalanceMinor);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
