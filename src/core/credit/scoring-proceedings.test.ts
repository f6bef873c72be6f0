/**
 * A customer in collective proceedings gets the worst class whatever its points (the risk table
 * calls it « Critique »), with the reason kept beside the score.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHOD } from './default-scoring-method.ts';
import { proceedingsOf, type ScoringInputs, scoreCustomer, withProceedingsOverride } from './scoring.ts';

/**
 * A customer of middling habits (the demo's Traiteur Durand) with moderate arrears: class D on its
 * points. Its own arrears (55 % over 60 days past due) would make it class E on its points alone.
 * Every open invoice of it is a claim from before the judgment: no payment expected, so no predicted
 * delay (the horizon is no payment date) and the whole predicted amount with none.
 */
const MIDDLING: ScoringInputs = {
  sector_risk: 'medium',
  sales_share_bps: 33,
  company_age_years: 29,
  legal_form: 'sa',
  legal_incidents: 2,
  average_days_late: 39.2,
  late_share_bps: 10_000,
  predicted_days_late: null,
  no_payment_expected_share_bps: 10_000,
  bounced_payments: 0,
  open_disputes: 0,
  overdue_60_share_bps: 800,
  oldest_overdue_days: 45,
};

describe('collective proceedings', () => {
  it('names the procedure from the status, else from an insolvency line of the story', () => {
    expect([
      proceedingsOf('receivership', null),
      proceedingsOf('safeguard', null),
      proceedingsOf('liquidation', '2026-05-14'),
      proceedingsOf('active', '2026-05-14'),
      proceedingsOf('active', null),
      proceedingsOf('blocked', null),
    ]).toEqual(['receivership', 'safeguard', 'liquidation', 'insolvency', null, null]);
  });

  it('forces class E over a middling score, keeps the score and says why', () => {
    const plain = scoreCustomer(DEFAULT_SCORING_METHOD, MIDDLING);
    // Σ w·p = 35 + 40 + 40 + 20 + 0 + 5 + 0 + 0 + 40 + 20 + 72 + 54 = 326 over 73: 44.65… → 44.7,
    // the predicted delay's weight (4) wholly on the amount with no payment expected, at 0 points.
    expect(plain).toMatchObject({ score: 44.7, riskClass: 'D' });
    expect(plain.missing).not.toContain('predicted_days_late');
    const forced = withProceedingsOverride(plain, 'receivership');
    expect(forced).toMatchObject({
      status: 'scored',
      score: plain.score,
      riskClass: 'E',
      override: { reason: 'collective_proceedings', riskClass: 'E', procedure: 'receivership' },
    });
    expect(forced.criteria).toEqual(plain.criteria);
  });

  it('forces class E even without enough data for a score', () => {
    const unscored = scoreCustomer(DEFAULT_SCORING_METHOD, { legal_form: 'sas' });
    expect(unscored.status).toBe('insufficient_data');
    expect(withProceedingsOverride(unscored, 'liquidation')).toMatchObject({
      score: null,
      riskClass: 'E',
      override: { procedure: 'liquidation' },
    });
  });

  it('leaves a customer outside proceedings as scored', () => {
    const plain = scoreCustomer(DEFAULT_SCORING_METHOD, MIDDLING);
    expect(withProceedingsOverride(plain, null)).toBe(plain);
    expect(plain.override).toBeUndefined();
  });
});
