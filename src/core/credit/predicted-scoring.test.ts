/**
 * The predicted payer profile in the 2026-06 default method (the one that brought it): its scale,
 * its weight and the re-weighting when it is missing. The method in force since 2026-06-15 keeps
 * the criterion and its scale beside the current arrears (arrears-scoring.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHOD_2026_06 as DEFAULT_SCORING_METHOD } from './default-scoring-method.ts';
import { DEFAULT_SCORING_METHOD_2026_01 } from './default-scoring-method-2026-01.ts';
import { type ScoringInputs, scoreCustomer } from './scoring.ts';
import { pointsFor, validateScoringMethod } from './scoring-method.ts';

const criterion = (code: string) => DEFAULT_SCORING_METHOD.criteria.find((c) => c.code === code)!;

/** The wholesaler of scoring.test.ts with its ratios as inputs, and a predicted delay of 22 days. */
const WHOLESALER: ScoringInputs = {
  sector_risk: 'medium', // 7 × w8
  sales_share_bps: 320, // 7 × w7
  equity_ratio_bps: 2_250, // 8 × w10
  net_margin_bps: 150, // 4 × w8
  ebe_to_debts_bps: 1_791, // 7 × w7
  conan_holder_z: 15.98, // 6 × w5
  company_age_years: 12, // 10 × w6
  legal_form: 'sas', // 8 × w3
  legal_incidents: 0, // 10 × w6
  average_days_late: 12, // 6 × w7
  late_share_bps: 3_000, // 4 × w4
  payment_trend: 'worsening', // 2 × w4
  predicted_days_late: 22, // ≤ 30 → 3 × w5
  bounced_payments: 1, // 5 × w6
  open_disputes: 0, // 10 × w4
  limit_usage_bps: 9_200, // 4 × w5
};

describe('the predicted days late in the 2026-06 default method', () => {
  it('is a new version, valid, with the payment group still at 35 of 100', () => {
    expect(DEFAULT_SCORING_METHOD.version).not.toBe(DEFAULT_SCORING_METHOD_2026_01.version);
    expect(validateScoringMethod(DEFAULT_SCORING_METHOD)).toEqual([]);
    const weightOf = (group: string) =>
      DEFAULT_SCORING_METHOD.criteria.filter((c) => c.group === group).reduce((sum, c) => sum + c.weight, 0);
    expect(weightOf('payments')).toBe(35);
    expect(DEFAULT_SCORING_METHOD.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    expect(criterion('predicted_days_late')).toMatchObject({ group: 'payments', weight: 5 });
    expect([criterion('average_days_late').weight, criterion('late_share_bps').weight]).toEqual([7, 4]);
    // Every other criterion is the 2026-01 one unchanged.
    const moved = new Set(['average_days_late', 'late_share_bps', 'predicted_days_late']);
    expect(DEFAULT_SCORING_METHOD.criteria.filter((c) => !moved.has(c.code))).toEqual(
      DEFAULT_SCORING_METHOD_2026_01.criteria.filter((c) => !moved.has(c.code)),
    );
  });

  it('gives points of risk on the days-late bands of the past average', () => {
    const scale = criterion('predicted_days_late').scale;
    expect(scale).toEqual(criterion('average_days_late').scale);
    const points = [0, 0.1, 5, 5.1, 15, 15.1, 30, 30.1, 60, 60.1, 400].map((days) => pointsFor(scale, days));
    expect(points).toEqual([10, 8, 8, 6, 6, 3, 3, 1, 1, 0, 0]);
  });

  it('scores the wholesaler by hand: 64.3, class C, with a predicted delay of 22 days', () => {
    // Σ w·p = 56 + 49 + 80 + 32 + 49 + 30 + 60 + 24 + 60 + 42 + 16 + 8 + 15 + 30 + 40 + 20 = 611
    // over 95 (no external grade): 100 × 61.1 / 95 = 64.31… → 64.3, class C (50 ≤ 64.3 < 65).
    const result = scoreCustomer(DEFAULT_SCORING_METHOD, WHOLESALER);
    expect(result).toMatchObject({ status: 'scored', score: 64.3, riskClass: 'C', coverageBps: 9_500 });
    expect(result.methodVersion).toBe(DEFAULT_SCORING_METHOD.version);
    expect(result.criteria.find((c) => c.criterion === 'predicted_days_late')).toMatchObject({
      value: 22,
      points: 3,
      maxPoints: 10,
      weight: 5,
    });
    // On time as predicted: 10 points instead of 3, + 35 → 646 / 95 = 68.0, class B.
    expect(scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, predicted_days_late: 0 })).toMatchObject({
      score: 68,
      riskClass: 'B',
    });
  });

  it('re-weights over the other criteria when there are no predictions, never scoring it 0', () => {
    // 611 − 15 = 596 over 90: 66.22… → 66.2. Scored as 0 days it would be 68.0, as the worst 62.7.
    for (const absent of [null, undefined]) {
      const result = scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, predicted_days_late: absent });
      expect(result).toMatchObject({ status: 'scored', score: 66.2, riskClass: 'B', coverageBps: 9_000 });
      expect(result.missing).toEqual(['predicted_days_late', 'external_grade']);
      expect(result.reweighted).toBe(true);
      expect(result.criteria.map((c) => c.criterion)).not.toContain('predicted_days_late');
    }
    expect(scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, predicted_days_late: 90 }).score).toBe(
      62.7,
    );
  });

  it('never raises the score when the predicted delay grows', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const days of [0, 3, 10, 20, 45, 90, 365]) {
      const score = scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, predicted_days_late: days })
        .score!;
      expect(score).toBeLessThanOrEqual(previous);
      previous = score;
    }
  });
});
