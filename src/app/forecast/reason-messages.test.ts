import { describe, expect, it } from 'vitest';
import type { PredictionReason } from '#core/forecast/types';
import { describeReasons } from './reason-messages.ts';

const history = (averageDelayDays: number): PredictionReason => ({
  code: 'customer_history',
  figures: { settledInvoices: 3, averageDelayDays, weightPercent: 95 },
});
const segment = (averageDelayDays: number): PredictionReason => ({
  code: 'segment_behaviour',
  figures: { customerType: 'wholesaler', averageDelayDays, weightPercent: 5 },
});
const words = (lang: 'fr' | 'en', reason: PredictionReason) =>
  (describeReasons(lang, [reason], 'EUR')[0]?.message ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('an average delay in words', () => {
  it('says « before the due date » for a customer who pays early, without a minus sign', () => {
    expect(words('fr', history(-1.2))).toBe(
      'Historique du client : 3 factures réglées, paie en moyenne 1 jour avant l’échéance (moyenne où comptent davantage les règlements récents et les gros montants ; poids 95 %)',
    );
    expect(words('en', history(-1.2))).toBe(
      'Customer history: 3 invoices settled, pays 1 day before the due date on average (a mean in which recent payments and large amounts count more; weight 95%)',
    );
  });

  it('says « on the due date » for a delay that rounds to 0 days, either side', () => {
    for (const delay of [0, -0.4, 0.4]) {
      expect(words('fr', history(delay))).toContain(
        'paie en moyenne à l’échéance (moyenne où comptent davantage les règlements récents et les gros montants ; poids 95 %)',
      );
      expect(words('en', segment(delay))).toContain('segment: pays on the due date on average (weight 5%)');
    }
  });

  it('keeps the delay of a late payer', () => {
    expect(words('fr', segment(12.6))).toContain('retard moyen 13 jours après échéance (poids 5 %)');
    expect(words('en', history(18))).toContain(
      'average delay 18 days after due date (a mean in which recent payments and large amounts count more; weight 95%)',
    );
  });
});

describe('the season in words', () => {
  const season = (month: number, extraDays: number): PredictionReason => ({
    code: 'seasonality',
    figures: { month, extraDays, years: 3 },
  });

  it('names the month in the language and says which way the payments move', () => {
    expect(words('fr', season(8, 9.4))).toBe(
      'Saisonnalité : les paiements attendus en août arrivent en moyenne 9 jours plus tard que d’habitude (constaté sur 3 ans), écart compté dans la date',
    );
    expect(words('en', season(8, 9.4))).toBe(
      'Seasonality: payments expected in August come 9 days later than usual on average (seen over 3 years), counted in the date',
    );
    expect(words('fr', season(12, -4.2))).toContain('en décembre arrivent en moyenne 4 jours plus tôt');
    expect(words('en', season(12, -4.2))).toContain('in December come 4 days sooner');
  });
});

describe('the trend in words', () => {
  it('says the slope the model used and the days it added, without their sign', () => {
    const slower: PredictionReason = { code: 'trend_slower', figures: { monthlyDays: 4.3, extraDays: 12.4 } };
    expect(words('fr', slower)).toBe(
      'Tendance à la dégradation : ses retards s’allongent d’environ 4,3 j par mois, soit 12 jours de plus que sa moyenne pour cette échéance',
    );
    const faster: PredictionReason = { code: 'trend_faster', figures: { monthlyDays: -0.8, extraDays: -3 } };
    expect(words('en', faster)).toBe(
      'Getting faster: its delays shrink by about 0.8 days a month, 3 days less than its average for this due date',
    );
  });

  it('says the days added as more or less whatever the way of the slope', () => {
    // Growing slower, its invoice due before the mean of its past: fewer days than its mean.
    const below: PredictionReason = { code: 'trend_slower', figures: { monthlyDays: 2, extraDays: -3 } };
    expect(words('fr', below)).toBe(
      'Tendance à la dégradation : ses retards s’allongent d’environ 2,0 j par mois, soit 3 jours de moins que sa moyenne pour cette échéance',
    );
    expect(words('en', below)).toBe(
      'Getting slower: its delays grow by about 2.0 days a month, 3 days less than its average for this due date',
    );
    const above: PredictionReason = { code: 'trend_faster', figures: { monthlyDays: -1.5, extraDays: 2.5 } };
    expect(words('fr', above)).toContain('raccourcissent d’environ 1,5 j par mois, soit 3 jours de plus');
    expect(words('en', above)).toContain('shrink by about 1.5 days a month, 3 days more than');
  });
});

describe('percentages in words', () => {
  const noPaymentExpected: PredictionReason = {
    code: 'no_payment_expected',
    figures: { daysOverdue: 400, ageDays: 365, observations: 120, basis: 'company', paidWithin365Percent: 5 },
  };

  it('keeps « 5 % » together in French (a no-break space, as Intl writes it), "5%" in English', () => {
    const [fr] = describeReasons('fr', [noPaymentExpected], 'EUR');
    const [en] = describeReasons('en', [noPaymentExpected], 'EUR');
    expect(fr?.message).toMatch(/\(seulement 5[\u00a0\u202f]% des factures/);
    expect(en?.message).toContain('(only 5% of the invoices');
  });

  it('says under 1 % were paid when the whole percent rounds to 0', () => {
    const none: PredictionReason = {
      ...noPaymentExpected,
      figures: { ...noPaymentExpected.figures, paidWithin365Percent: 0 },
    };
    expect(describeReasons('fr', [none], 'EUR')[0]?.message).toContain(
      '(moins de 1\u00a0% des factures de cet âge ont été payées dans l’année)',
    );
    expect(describeReasons('en', [none], 'EUR')[0]?.message).toContain(
      '(under 1% of the invoices this old were paid within a year)',
    );
  });
});
