/**
 * The rows of « Prévision par ancienneté » (issue 14), shared by `forecast collections` and the web
 * forecast page: each bucket in words, and a total whose open amount is the whole open book,
 * the claims left out of the forecast included, while only what is expected is added up beside it.
 */
import { describe, expect, it } from 'vitest';
import type { AgeBreakdown } from '#core/forecast/age-breakdown';
import { ageRows } from './forecast-age-rows.ts';

const bucket = (from: number | null, to: number | null, openMinor: number, share: number) => ({
  fromDaysPastDue: from,
  toDaysPastDue: to,
  openMinor,
  expectedMinor: Math.round(openMinor * share),
  share,
});

const byAge: AgeBreakdown = {
  buckets: [
    bucket(null, -31, 123_157_044, 0.869),
    bucket(-7, 0, 67_956_137, 0.895),
    bucket(181, null, 49_542_024, 0.016),
  ],
  dated: { openMinor: 100_000, expectedMinor: 25_000 },
  leftOutOpenMinor: 3_223_279,
};

describe('the open items by age as rows', () => {
  it('words each bucket and totals the open amount over every row', () => {
    const table = ageRows(byAge, 'en');
    expect(table?.rows.map((row) => row.label)).toEqual([
      'Not due: due in more than 30 d',
      'Due today or within 7 d',
      'Over 180 d overdue',
      'Other (spread by their predicted dates)',
      'Left out: claims from before a judgment',
    ]);
    expect(table?.rows[3]?.share).toBe(0.25);
    expect(table?.rows[4]).toMatchObject({ openMinor: 3_223_279, expectedMinor: null, share: null });
    expect(table?.total).toEqual({
      label: 'All open invoices',
      openMinor: 123_157_044 + 67_956_137 + 49_542_024 + 100_000 + 3_223_279,
      expectedMinor: 107_023_471 + 60_820_743 + 792_672 + 25_000,
      share: null,
    });
  });

  it('gives nothing when nothing is open', () => {
    expect(
      ageRows({ buckets: [], dated: { openMinor: 0, expectedMinor: 0 }, leftOutOpenMinor: 0 }, 'fr'),
    ).toBeNull();
  });
});
