/**
 * The limit history of an imported story shows each change's previous limit: stated by its words
 * (« A → B », « ramené de A à B »), or else the limit the change before it set — the demo's
 * Traiteur Durand (C00105) read « Avant — » on its limit brought down from 120 000 € to 0 €.
 */
import { describe, expect, it } from 'vitest';
import type { ImportedLimitEvent } from '#core/credit/limit-history';
import { importedLimitAmounts, limitHistoryView } from './limit-history-view.ts';

const REVIEW = 'Révision annuelle du plafond de crédit : 80\u202f000,00\u00a0€ → 120\u202f000,00\u00a0€';
const LOWERED = 'ouverture d’une procédure collective, livraisons au comptant uniquement';

function imported(eventId: number, eventDate: string, detail: string): ImportedLimitEvent {
  return { eventId, eventDate, detail, currency: 'EUR', createdBy: 'cli' };
}

const rows = (details: string[]) =>
  limitHistoryView(
    'fr',
    [],
    [imported(2087, '2025-08-08', REVIEW), imported(3382, '2026-05-15', details[0]!)],
  ).map((item) => [item.validFrom, item.previousMinor, item.amountMinor, item.reason]);

describe('an imported limit change', () => {
  it('reads « ramené de A à B » as before and after', () => {
    expect(importedLimitAmounts(`Plafond ramené de 120\u202f000,00\u00a0€ à 0 € : ${LOWERED}`)).toEqual({
      previousMinor: 12_000_000,
      amountMinor: 0,
    });
    expect(importedLimitAmounts('Limit lowered from 120 000 € to 0 €')).toEqual({
      previousMinor: 12_000_000,
      amountMinor: 0,
    });
    // « de » before another word than an amount is not a previous limit.
    expect(importedLimitAmounts('Plafond de crédit fixé à 45 000 €')).toEqual({
      previousMinor: null,
      amountMinor: 4_500_000,
    });
  });

  it('takes the limit the change before it set when its words give only the new one', () => {
    expect(rows([`Plafond ramené à 0 € : ${LOWERED}`])).toEqual([
      ['2026-05-15', 12_000_000, 0, `Plafond ramené à 0 € : ${LOWERED}`],
      ['2025-08-08', 8_000_000, 12_000_000, REVIEW],
    ]);
  });

  it('keeps the previous limit its words state (the demo’s line as it is written now)', () => {
    const detail = `Plafond ramené de 120\u202f000,00\u00a0€ à 0 € : ${LOWERED}`;
    expect(rows([detail])[0]).toEqual(['2026-05-15', 12_000_000, 0, detail]);
  });
});
