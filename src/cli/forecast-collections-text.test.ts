import { describe, expect, it } from 'vitest';
import type { CollectionForecast } from '#app/forecast/collections';
import { collectionLines } from './forecast-collections-text.ts';

const week = (weekStart: string, fromOpen: number, fromSales: number, partial = false) => ({
  weekStart,
  from: weekStart,
  to: weekStart,
  partial,
  fromOpenItemsMinor: fromOpen,
  fromFutureSalesMinor: fromSales,
  lowMinor: Math.round((fromOpen + fromSales) * 0.8),
  highMinor: Math.round((fromOpen + fromSales) * 1.2),
});

const answer = (extra: Partial<CollectionForecast> = {}): CollectionForecast => ({
  asOf: '2026-06-30',
  currency: 'EUR',
  modelVersion: 'm-1',
  portfolioTrendDaysPerMonth: 0,
  weeks: [week('2026-06-29', 123_456_789, 0), week('2026-07-06', 98_765_43, 1_000_000)],
  ...extra,
});

describe('forecast collections as text', () => {
  it('ends the table with the total expected from open items, from future sales and both (French)', () => {
    const lines = collectionLines(answer(), 'week', 'fr');
    expect(lines[1]).toMatch(/^Semaine du +Factures ouvertes +Ventes futures +Total +Bas +Haut$/);
    expect(lines[3]).toMatch(/^29\/06\/2026 +1 234 567,89 € +0,00 € +1 234 567,89 € /);
    expect(lines[4]).toMatch(/^06\/07\/2026 +98 765,43 € +10 000,00 € +108 765,43 € /);
    expect(lines[5]).toBe(lines[2]);
    // 1 234 567,89 + 98 765,43 = 1 333 333,32 from open items; with 10 000,00 of sales 1 343 333,32.
    expect(lines[6]).toMatch(/^Total attendu +1 333 333,32 € +10 000,00 € +1 343 333,32 €$/);
    expect(lines).toHaveLength(7);
  });

  it('aligns the totals under their columns and words them in English', () => {
    const lines = collectionLines(answer(), 'week', 'en');
    const header = lines[1] ?? '';
    const total = lines[6] ?? '';
    expect(total).toMatch(/^Total expected +€1,333,333\.32 +€10,000\.00 +€1,343,333\.32$/);
    // Right-aligned columns: each total ends where its header ends.
    for (const [heading, amount] of [
      ['Open invoices', '€1,333,333.32'],
      ['Future sales', '€10,000.00'],
      ['Total', '€1,343,333.32'],
    ] as const)
      expect(total.indexOf(amount) + amount.length).toBe(header.indexOf(heading, 10) + heading.length);
  });

  it('totals the months cut, not the weeks, when asked by month, and keeps the drift sentence last', () => {
    const lines = collectionLines(
      answer({
        portfolioTrendDaysPerMonth: 1.5,
        months: [
          { ...week('2026-07-01', 50_000, 20_000), month: '2026-07', periodStart: '2026-07-01' },
          { ...week('2026-08-01', 30_000, 5_000, true), month: '2026-08', periodStart: '2026-08-01' },
        ],
      }),
      'month',
      'fr',
    );
    expect(lines[3]).toMatch(/^juillet 2026 +500,00 €/);
    expect(lines[4]).toMatch(/^août 2026 \(partiel : du 01\/08\/2026 au 01\/08\/2026\) +300,00 €/);
    expect(lines[6]).toMatch(/^Total attendu +800,00 € +250,00 € +1 050,00 €$/);
    expect(lines).toHaveLength(8);
  });
});
