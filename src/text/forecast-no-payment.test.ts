/**
 * The reason a forecast gives no payment date for a very old invoice (forecastModel.reason.
 * no_payment_expected): it says that at least half of the invoices as old stay unpaid after a year, so that the
 * share paid (« 32 % ») reads as the evidence, not as a contradiction of « no payment expected »; at 0 %
 * it says under 1 % (the whole percent rounds a few to 0).
 */
import { describe, expect, it } from 'vitest';
import { translator } from './catalogue.ts';
import { formatPercent } from './format.ts';

const reason = (lang: 'fr' | 'en', paidPercent = 32) =>
  translator(lang)('forecastModel.reason.no_payment_expected', {
    paidWithin365WholePercent: paidPercent,
    paidWithin365Percent: formatPercent(lang, paidPercent / 100),
  }).replace(/[\u00a0\u202f]/g, ' ');

describe('no payment date for a very old invoice', () => {
  it('says that at least half of the invoices as old stay unpaid after a year, hence no date', () => {
    expect(reason('fr')).toBe(
      'Pas de date de paiement prévue : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an (seulement 32 % des factures de cet âge ont été payées dans l’année)',
    );
    expect(reason('en')).toBe(
      'No payment date forecast: at least half of the invoices this old are still unpaid a year later (only 32% of the invoices this old were paid within a year)',
    );
  });

  it('says under 1 % at a whole percent of 0, not « seules 0 % », and « seulement 1 % » at 1 %', () => {
    expect(reason('fr', 0)).toContain('(moins de 1 % des factures de cet âge ont été payées dans l’année)');
    expect(reason('en', 0)).toContain('(under 1% of the invoices this old were paid within a year)');
    expect(reason('fr', 1)).toContain('(seulement 1 % des factures de cet âge ont été payées dans l’année)');
    expect(reason('en', 1)).toContain('(only 1% of the invoices this old were paid within a year)');
    for (const lang of ['fr', 'en'] as const) {
      expect(reason(lang, 0)).not.toMatch(/\b0 ?%|seules/);
    }
  });
});
