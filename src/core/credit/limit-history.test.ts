import { describe, expect, it } from 'vitest';
import { type ImportedLimitEvent, type LimitChangeEntry, mergeLimitHistory } from './limit-history.ts';

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
