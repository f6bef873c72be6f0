/**
 * The customer file's pure display rules (web/src/pages/customer/identity-display.ts and
 * web/src/pages/credit/criterion-value.ts): a zero limit with something owed reads as blocked
 * credit in red, not "none" in green; a scoring input shows a label or a unit, never a code or
 * a bare figure; an address names a foreign country in the reader's language and omits France.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHODS } from '#core/credit/default-scoring-method';
import { label, translator } from '#text/catalogue';
import { criterionValueText } from '../../web/src/pages/credit/criterion-value.ts';
import {
  addressText,
  DIAL_MAX,
  GAUGE_COLOURS,
  limitGauge,
} from '../../web/src/pages/customer/identity-display.ts';
import { limitCellText } from '../../web/src/pages/risk/limit-cell.ts';

const RED = '#e03131';

describe('limit gauge', () => {
  it('reads a zero limit with an exposure as blocked, in red, needle at the end (C00105)', () => {
    const gauge = limitGauge(4_000_805, 0);
    expect(gauge).toEqual({ tone: 'blocked', usagePercent: null, dialValue: DIAL_MAX });
    expect(GAUGE_COLOURS[gauge.tone]).toBe(RED);
  });

  it('keeps "no limit" apart from safe: grey, not green', () => {
    const gauge = limitGauge(1_000_000, null);
    expect(gauge.tone).toBe('none');
    expect(GAUGE_COLOURS[gauge.tone]).not.toBe(GAUGE_COLOURS.ok);
  });

  it('grades a positive limit by usage and stops the needle at the end of the dial', () => {
    expect(limitGauge(500_000, 1_000_000)).toEqual({ tone: 'ok', usagePercent: 50, dialValue: 50 });
    expect(limitGauge(850_000, 1_000_000).tone).toBe('warning');
    expect(limitGauge(2_500_000, 1_000_000)).toEqual({
      tone: 'over',
      usagePercent: 250,
      dialValue: DIAL_MAX,
    });
    expect(limitGauge(-10_000, 1_000_000).dialValue).toBe(0);
  });
});

describe('scoring input values', () => {
  const fr = (criterion: string, value: number | string) =>
    criterionValueText('fr', translator('fr'), (d, c) => label('fr', d, c), { criterion, value });
  const en = (criterion: string, value: number | string) =>
    criterionValueText('en', translator('en'), (d, c) => label('en', d, c), { criterion, value });

  it('shows a legal form as its label, never its code', () => {
    expect(fr('legal_form', 'sas')).toBe('SAS');
    expect(fr('legal_form', 'ei')).toBe('Entreprise individuelle');
    expect(en('legal_form', 'sarl')).toBe('SARL (limited liability company)');
    // A form the scale files under « other »: its abbreviation in capitals, not the raw code.
    expect(fr('legal_form', 'sca')).toBe('SCA');
  });

  it('gives days their unit, one decimal', () => {
    expect(fr('average_days_late', 26.9)).toBe('26,9 j');
    expect(fr('predicted_days_late', 361.8)).toBe('361,8 j');
    expect(en('average_days_late', 4)).toBe('4.0 d');
    // An item's days past due are whole days.
    expect(fr('oldest_overdue_days', 1_045).replace(/\s/g, ' ')).toBe('1 045 j');
    expect(en('oldest_overdue_days', 94)).toBe('94 d');
    expect(fr('overdue_60_share_bps', 6_172).replace(/\s/g, ' ')).toBe('61,72 %');
  });

  it('shows the amount with no payment expected before its share, and says the delay leaves it out', () => {
    const share = { criterion: 'no_payment_expected_share_bps', value: 4_200 };
    const amount = { amountMinor: 12_345_678, currency: 'EUR' };
    const text = (lang: 'fr' | 'en') =>
      criterionValueText(lang, translator(lang), (d, c) => label(lang, d, c), share, amount).replace(
        /\s/g,
        ' ',
      );
    expect(text('fr')).toBe('123 456,78 € (42 %)');
    expect(text('en')).toBe('€123,456.78 (42%)');
    // A score kept without the amount: the share alone.
    expect(fr('no_payment_expected_share_bps', 4_200).replace(/\s/g, ' ')).toBe('42 %');
    expect(label('fr', 'scoringCriterion', 'no_payment_expected_share_bps')).toBe(
      'Encours sans paiement attendu',
    );
    expect(label('fr', 'scoringCriterion', 'predicted_days_late')).toBe(
      'Retard prévu sur l’encours (hors factures sans paiement attendu)',
    );
  });

  it('labels every criterion of the built-in methods in both languages', () => {
    const codes = new Set(
      DEFAULT_SCORING_METHODS.flatMap((method) =>
        method.criteria.flatMap((c) => (c.worstShare ? [c.code, c.worstShare] : [c.code])),
      ),
    );
    for (const lang of ['fr', 'en'] as const)
      for (const code of codes) expect(label(lang, 'scoringCriterion', code)).not.toBe(code);
    expect(label('fr', 'scoringCriterion', 'oldest_overdue_days')).toBe(
      'Retard de la plus ancienne échéance impayée',
    );
    expect(label('en', 'scoringCriterion', 'overdue_60_share_bps')).toBe(
      'Share of open invoices over 60 days past due',
    );
  });

  it('gives the company age its years, percentages their sign, labels to categories', () => {
    expect(fr('company_age_years', 29)).toBe('29 ans');
    expect(fr('company_age_years', 1)).toBe('1 an');
    expect(en('company_age_years', 29)).toBe('29 years');
    expect(fr('sales_share_bps', 33).replace(/\s/g, ' ')).toBe('0,33 %');
    expect(fr('sector_risk', 'medium')).toBe('moyen');
    expect(fr('payment_trend', 'worsening')).toBe('en dégradation');
    expect(fr('legal_incidents', 2)).toBe('2');
    expect(fr('conan_holder_z', 15.984)).toBe('15,98');
  });
});

describe('address', () => {
  const c = { addressLine1: '12 rue des Jacobins', postalCode: '80000', city: 'Amiens' };

  it('omits France, the companies’ own country', () => {
    expect(addressText({ ...c, country: 'FR' }, 'fr')).toBe('12 rue des Jacobins, 80000 Amiens');
  });

  it('keeps the second line of the address', () => {
    expect(addressText({ ...c, addressLine2: 'Bâtiment A', country: 'FR' }, 'fr')).toBe(
      '12 rue des Jacobins, Bâtiment A, 80000 Amiens',
    );
  });

  it('names another country in the reader’s language', () => {
    expect(addressText({ ...c, country: 'BE' }, 'fr')).toBe('12 rue des Jacobins, 80000 Amiens, Belgique');
    expect(addressText({ ...c, country: 'DE' }, 'en')).toBe('12 rue des Jacobins, 80000 Amiens, Germany');
  });
});

describe('risk table limit cell', () => {
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  it('writes a zero limit compact like the others, and « aucune » only without a limit (C00105)', () => {
    expect(plain(limitCellText(0, 'EUR', 'fr', 'aucune'))).toBe('0 €');
    expect(plain(limitCellText(10_000_000, 'EUR', 'fr', 'aucune'))).toBe('100 k €');
    expect(limitCellText(null, 'EUR', 'fr', 'aucune')).toBe('aucune');
  });
});

describe('dashboard anomaly count', () => {
  it('names the customers a portfolio finding lists for what they are, not as customers drifting', () => {
    const fr = translator('fr');
    const en = translator('en');
    expect(fr('anomaly.customersNamed', { kind: 'dso_drift', n: 5 })).toBe(
      'les 5 plus fortes hausses d’encours',
    );
    expect(en('anomaly.customersNamed', { kind: 'dso_drift', n: 5 })).toBe('the 5 largest balance increases');
    expect(fr('anomaly.customersNamed', { kind: 'concentration', n: 10 })).toBe('les 10 premiers encours');
    expect(fr('anomaly.customersNamed', { kind: 'disputed_items', n: 18 })).toBe('18 clients');
  });
});
