import { describe, expect, it } from 'vitest';
import {
  type ImportedLimitEvent,
  type LimitChangeEntry,
  limitOnDate,
  mergeLimitHistory,
  withPreviousLimits,
} from './limit-history.ts';

function entry(entryId: number, validFrom: string, amountMinor: number): LimitChangeEntry {
  return {
    entryId,
    kind: 'permanent',
    amountMinor,
    previousMinor: null,
    currency: 'EUR',
    validFrom,
    expiresOn: null,
    reason: 'Modification de la fiche client',
    createdBy: 'claire.moreau@cb2c.example',
  };
}

function imported(eventId: number, eventDate: string, detail: string): ImportedLimitEvent {
  return { eventId, eventDate, detail, currency: 'EUR', createdBy: 'cli' };
}

describe('limit history with the imported story', () => {
  it('lists an imported limit change when Encours recorded none (C00162 of the demo)', () => {
    const items = mergeLimitHistory(
      [],
      [imported(7, '2025-08-25', 'Révision annuelle du plafond de crédit : 70 000 € → 100 000 €')],
    );
    expect(items).toEqual([
      {
        entryId: 7,
        source: 'imported',
        kind: 'imported',
        amountMinor: null,
        previousMinor: null,
        currency: 'EUR',
        validFrom: '2025-08-25',
        expiresOn: null,
        reason: 'Révision annuelle du plafond de crédit : 70 000 € → 100 000 €',
        createdBy: 'cli',
        // Which import wrote it, when the store could tell (db/imports/import-origin.ts).
        importOrigin: null,
      },
    ]);
  });

  it('puts the latest date first, Encours entries first on a tie, in their own order', () => {
    const items = mergeLimitHistory(
      [entry(12, '2026-06-30', 200_000), entry(11, '2026-06-30', 150_000), entry(3, '2025-01-10', 90_000)],
      [imported(40, '2025-08-25', 'plafond relevé'), imported(41, '2024-03-01', 'plafond fixé')],
    );
    expect(items.map((i) => `${i.source}:${i.entryId}`)).toEqual([
      'encours:12',
      'encours:11',
      'imported:40',
      'encours:3',
      'imported:41',
    ]);
  });

  it('leaves out an imported line that tells an Encours entry again (same date)', () => {
    const items = mergeLimitHistory(
      [entry(5, '2026-05-15', 0)],
      [imported(9, '2026-05-15', 'Plafond ramené à 0 €')],
    );
    expect(items.map((i) => i.source)).toEqual(['encours']);
  });
});

describe('the previous limit of an imported change', () => {
  const temporary = (entryId: number, validFrom: string, amountMinor: number): LimitChangeEntry => ({
    ...entry(entryId, validFrom, amountMinor),
    kind: 'temporary',
    expiresOn: '2026-03-31',
  });

  it('is the limit the change before it set when its words give none (C00105 of the demo)', () => {
    const items = mergeLimitHistory(
      [],
      [
        imported(2087, '2025-08-08', 'Révision annuelle du plafond de crédit'),
        imported(3382, '2026-05-15', 'Plafond ramené à 0 €'),
      ],
    ).map((item, index) => ({ ...item, amountMinor: index === 0 ? 0 : 12_000_000 }));
    expect(withPreviousLimits(items).map((i) => [i.validFrom, i.previousMinor, i.amountMinor])).toEqual([
      ['2026-05-15', 12_000_000, 0],
      ['2025-08-08', null, 12_000_000],
    ]);
  });

  it('passes over a temporary limit, keeps Encours’s own entries and what the line states', () => {
    const items = mergeLimitHistory(
      [temporary(4, '2026-03-01', 900_000), entry(3, '2026-01-10', 500_000)],
      [imported(8, '2026-04-01', 'Plafond revu'), imported(7, '2025-06-01', 'Plafond fixé')],
    ).map((item) => (item.entryId === 7 ? { ...item, amountMinor: 300_000, previousMinor: 100_000 } : item));
    expect(withPreviousLimits(items).map((i) => [i.entryId, i.previousMinor])).toEqual([
      [8, 500_000],
      [4, null],
      [3, null],
      [7, 100_000],
    ]);
  });

  it('stays unknown when the change before it gives no amount', () => {
    const items = mergeLimitHistory(
      [],
      [imported(2, '2026-02-01', 'Plafond ramené'), imported(1, '2025-02-01', 'Plafond revu')],
    );
    expect(withPreviousLimits(items).map((i) => i.previousMinor)).toEqual([null, null]);
  });
});

describe('the limit on a date', () => {
  const item = (
    source: 'encours' | 'imported',
    validFrom: string,
    amountMinor: number | null,
    previousMinor: number | null,
    kind = source === 'imported' ? 'imported' : 'permanent',
    expiresOn: string | null = null,
  ) => ({
    ...entry(0, validFrom, 0),
    source,
    kind,
    amountMinor,
    previousMinor,
    expiresOn,
  });

  it('reads back the change in force that day, the limit the first change replaced before it', () => {
    // C00162 of the demo: 70 000 € → 100 000 € on 25/08/2025, in its imported story only.
    const history = [item('imported', '2025-08-25', 10_000_000, 7_000_000)];
    expect(limitOnDate(history, 10_000_000, '2026-06-26')).toBe(10_000_000);
    expect(limitOnDate(history, 10_000_000, '2025-08-25')).toBe(10_000_000);
    expect(limitOnDate(history, 10_000_000, '2025-08-24')).toBe(7_000_000);
    expect(limitOnDate([], 10_000_000, '2024-01-01')).toBe(10_000_000);
  });

  it('lets a temporary limit in force win, and says when the history cannot tell', () => {
    const history = [
      item('encours', '2026-05-01', 3_000_000, 2_000_000, 'temporary', '2026-05-31'),
      item('encours', '2026-03-01', 2_000_000, null),
      item('imported', '2025-10-01', 1_000_000, null),
      item('imported', '2025-09-01', null, null),
    ];
    expect(limitOnDate(history, 2_000_000, '2026-05-15')).toBe(3_000_000);
    expect(limitOnDate(history, 2_000_000, '2026-06-15')).toBe(2_000_000);
    expect(limitOnDate(history, 2_000_000, '2026-01-15')).toBe(1_000_000);
    // Before an imported « fixé à 10 000 € » that states nothing before it: unknown, not today's.
    expect(limitOnDate(history, 2_000_000, '2025-09-15')).toBeUndefined();
    // Encours's own first change from no limit: there was none.
    expect(limitOnDate([item('encours', '2026-03-01', 2_000_000, null)], 2_000_000, '2026-01-01')).toBeNull();
  });
});
