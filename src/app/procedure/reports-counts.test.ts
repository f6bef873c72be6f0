/**
 * The procedure reports say what each count counts: the measures' table « 40 factures de 13 clients »
 * or « 17 clients » (not a « Clients » column beside a « Cas » one that counted invoices for some
 * measures and the same customers again for others), and the note under a cut table « clients »,
 * with the catalogue's plurals, in French and English.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureEffect, MeasuresModel } from '#core/procedure/reports-model';
import type { Lang } from '#text/catalogue';
import { cutNote } from './reports-blocks.ts';
import { measuresSections } from './reports-document-measures.ts';

const effect = (code: string, customers: number, items: number): MeasureEffect => ({
  code,
  parameters: { minDaysLate: 30, classes: 'D, E', reductionBps: 2500 },
  customers,
  items,
  amountMinor: 100_000,
  dsoEffectDays: 1.5,
  annualCashCostMinor: 5_000,
});

const model: MeasuresModel = {
  asOf: '2026-06-30',
  currency: 'EUR',
  configured: [],
  replay: null,
  proposals: [
    effect('remind_overdue', 13, 40),
    effect('tighten_limits', 17, 17),
    effect('set_missing_limits', 1, 1),
    effect('hand_over_old', 1, 1),
  ],
  basis: { dailySalesMinor: 5_911_019, rateBps: 500, dsoDays: 40 },
};

/** The proposals' table: its headers and each row's measure count. */
function proposals(lang: Lang) {
  const blocks = measuresSections(model, lang, {}).flatMap((section) => section.blocks);
  const table = blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])).at(-1);
  return {
    headers: table?.columns.map((c) => c.header),
    counts: table?.rows.map((row) => String(row[1]).replace(/[\u00a0\u202f]/g, ' ')),
  };
}

const noteOf = (lang: Lang, shown: number, count: number) => {
  const [note] = cutNote(lang, shown, count);
  return note?.type === 'paragraph' ? note.text.replace(/[\u00a0\u202f]/g, ' ') : null;
};

describe('the counts of the procedure reports', () => {
  it('word what each proposal acts on, invoices of customers or customers', () => {
    expect(proposals('fr')).toEqual({
      headers: ['Mesure', 'Périmètre', 'Montant', 'Effet sur le DSO (j)', 'Coût de financement annuel'],
      counts: ['40 factures de 13 clients', '17 clients', '1 client', '1 facture de 1 client'],
    });
    expect(proposals('en')).toEqual({
      headers: ['Measure', 'Scope', 'Amount', 'Effect on DSO (d)', 'Annual financing cost'],
      counts: ['40 invoices of 13 customers', '17 customers', '1 customer', '1 invoice of 1 customer'],
    });
  });

  it('say under a cut table how many of how many customers it lists', () => {
    expect(noteOf('fr', 8, 22)).toBe('Les 8 clients les plus importants sur 22 sont listés.');
    expect(noteOf('fr', 1, 1_234)).toBe('Le client le plus important sur 1 234 est listé.');
    expect(noteOf('en', 10, 74)).toBe('The 10 largest of 74 customers are listed.');
    expect(noteOf('en', 1, 2)).toBe('The largest of 2 customers is listed.');
    expect(cutNote('fr', 10, 10)).toEqual([]);
  });
});
