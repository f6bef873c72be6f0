/**
 * The reason a forecast gives no payment date for a very old invoice (forecastModel.reason.
 * no_payment_expected): it says that at least half of the invoices as old stay unpaid after a year, so that the
 * share paid (« 32 % ») reads as the evidence, not as a contradiction of « no payment expected ».
 */
import { describe, expect, it } from 'vitest';
import { translator } from './catalogue.ts';
import { formatPercent } from './format.ts';

const reason = (lang: 'fr' | 'en') =>
  translator(lang)('forecastModel.reason.no_payment_expected', {
    paidWithin365Percent: formatPercent(lang, 0.32),
  }).replace(/[\u00a0\u202f]/g, ' ');

describe('no payment date for a very old invoice', () => {
  it('says that at least half of the invoices as old stay unpaid after a year, hence no date', () => {
    expect(reason('fr')).toBe(
      'Pas de date de paiement prévue : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an (seules 32 % des factures de cet âge ont été payées dans l’année)',
    );
    expect(reason('en')).toBe(
      'No payment date forecast: at least half of the invoices this old are still unpaid a year later (only 32% of the invoices this old were paid within a year)',
    );
  });
});
