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
  byAge: { buckets: [], dated: { openMinor: 0, expectedMinor: 0 }, leftOutOpenMinor: 0 },
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

  it('sets the open items by age against what each bucket brings, so a rise after receipts reads', () => {
    const bucket = (from: number | null, to: number | null, open: number, share: number) => ({
      fromDaysPastDue: from,
      toDaysPastDue: to,
      openMinor: open,
      expectedMinor: Math.round(open * share),
      share,
    });
    const lines = collectionLines(
      answer({
        byAge: {
          buckets: [
            bucket(null, -31, 122_921_045, 0.935),
            bucket(-7, 0, 60_308_938, 0.917),
            bucket(1, 15, 36_465_228, 0.916),
            bucket(181, null, 36_950_162, 0.367),
          ],
          dated: { openMinor: 100_000, expectedMinor: 25_000 },
          leftOutOpenMinor: 3_223_279,
        },
      }),
      'week',
      'fr',
    );
    const age = lines.slice(lines.indexOf('') + 1);
    expect(age[0]).toBe(
      'Par ancienneté au 30/06/2026 : chaque tranche est attendue à la part de son encours payée sur l’horizon après les arrêtés hebdomadaires récents',
    );
    expect(age[1]).toMatch(/^Ancienneté +Ouvert +Attendu sur l’horizon +Part$/);
    expect(age[3]).toMatch(
      /^Non échue : échéance dans plus de 30 j +1 229 210,45 € +1 149 311,77 € +93,5 %$/,
    );
    expect(age[4]).toMatch(/^Échéance aujourd’hui ou dans 7 j au plus +603 089,38 € +553 032,96 € +91,7 %$/);
    expect(age[5]).toMatch(/^En retard de 1 à 15 j +364 652,28 € +334 021,49 € +91,6 %$/);
    expect(age[6]).toMatch(/^En retard de plus de 180 j +369 501,62 € +135 607,09 € +36,7 %$/);
    expect(age[7]).toMatch(/^Autres \(réparties selon leurs dates prévues\) +1 000,00 € +250,00 € +25,0 %$/);
    expect(age[8]).toMatch(/^Exclues : créances antérieures à un jugement +32 232,79 €$/);
    // 1 149 311,77 + 553 032,96 + 334 021,49 + 135 607,09 + 250,00 expected; the claims left out are
    // open but expected nowhere.
    expect(age[10]).toMatch(/^Total des factures ouvertes +2 599 686,52 € +2 172 223,31 €$/);
    expect(age).toHaveLength(11);
  });
});
