/**
 * The 2026-06-30 default method: the predicted delay read over the invoices with a payment expected,
 * and the share of the predicted amount with none scored as the worst case — it takes its share of
 * the criterion's weight at the scale's lowest points (`worstShare`), in a line of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_METHOD,
  DEFAULT_SCORING_METHOD_2026_06_15,
  DEFAULT_SCORING_METHODS,
} from './default-scoring-method.ts';
import { type ScoringInputs, scoreCustomer } from './scoring.ts';
import { methodInForce, type ScoringMethod, validateScoringMethod } from './scoring-method.ts';

/** A wholesaler paying a little late, with a balance sheet (the inputs of every other criterion). */
const WHOLESALER: ScoringInputs = {
  sector_risk: 'medium', // 7 × w5
  sales_share_bps: 320, // 7 × w4
  equity_ratio_bps: 2_250, // 8 × w6
  net_margin_bps: 150, // 4 × w5
  ebe_to_debts_bps: 1_791, // 7 × w5
  conan_holder_z: 15.98, // 6 × w3
  company_age_years: 12, // 10 × w4
  legal_form: 'sas', // 8 × w2
  legal_incidents: 0, // 10 × w4
  average_days_late: 12, // 6 × w5
  late_share_bps: 3_000, // 4 × w3
  payment_trend: 'stable', // 7 × w2
  predicted_days_late: 3, // ≤ 5 → 8 × w4
  overdue_60_share_bps: 0, // 10 × w18
  oldest_overdue_days: 10, // ≤ 15 → 8 × w18
  bounced_payments: 0, // 10 × w4
  open_disputes: 0, // 10 × w2
  limit_usage_bps: 6_000, // 7 × w3
};

/** The in-force method with the predicted delay split by hand into two criteria of whole weights. */
function splitByHand(delayWeight: number, worstWeight: number): ScoringMethod {
  return {
    ...DEFAULT_SCORING_METHOD,
    criteria: DEFAULT_SCORING_METHOD.criteria.flatMap((c) => {
      if (c.code !== 'predicted_days_late') return [c];
      const { worstShare: _share, ...plain } = c;
      const worst = { ...plain, code: 'no_payment_expected_share_bps', weight: worstWeight };
      // The worst line always earns the lowest points: a scale whose every band gives them but one.
      worst.scale = {
        kind: 'up_to',
        bands: [
          { upTo: -1, points: 10 },
          { upTo: null, points: 0 },
        ],
      };
      return [{ ...plain, weight: delayWeight }, worst];
    }),
  };
}

describe('the share with no payment expected in the 2026-06-30 default method', () => {
  it('is a new version in force from 2026-06-30, the 2026-06-15 method with the worst share on the delay', () => {
    expect(validateScoringMethod(DEFAULT_SCORING_METHOD)).toEqual([]);
    expect(DEFAULT_SCORING_METHOD).toMatchObject({
      version: 'default-2026-06-30',
      effectiveFrom: '2026-06-30',
    });
    expect(methodInForce(DEFAULT_SCORING_METHODS, '2026-06-30')?.version).toBe('default-2026-06-30');
    expect(methodInForce(DEFAULT_SCORING_METHODS, '2026-06-29')?.version).toBe('default-2026-06-15');
    // Same criteria, weights and scales: only the predicted delay names its worst share.
    expect(DEFAULT_SCORING_METHOD.criteria).toEqual(
      DEFAULT_SCORING_METHOD_2026_06_15.criteria.map((c) =>
        c.code === 'predicted_days_late' ? { ...c, worstShare: 'no_payment_expected_share_bps' } : c,
      ),
    );
    expect(DEFAULT_SCORING_METHOD.classThresholds).toEqual(DEFAULT_SCORING_METHOD_2026_06_15.classThresholds);
  });

  it('splits the delay’s weight by amount: a quarter with no payment expected scores 0 on 1 of its 4', () => {
    // Σ w·p at no share = 35 + 28 + 48 + 20 + 35 + 18 + 40 + 16 + 40 + 30 + 12 + 14 + 32 + 180 + 144
    // + 40 + 20 + 21 = 773 over 97 (no external grade): 79.69… → 79.7, class B.
    const clean = scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, no_payment_expected_share_bps: 0 });
    expect(clean).toMatchObject({ score: 79.7, riskClass: 'B', coverageBps: 9_700 });
    // A quarter set apart: 8 points on 3 of the 4, 0 on 1 → 773 − 8 = 765 over 97: 78.86… → 78.9.
    const quarter = scoreCustomer(DEFAULT_SCORING_METHOD, {
      ...WHOLESALER,
      no_payment_expected_share_bps: 2_500,
    });
    expect(quarter).toMatchObject({ score: 78.9, riskClass: 'B', coverageBps: 9_700 });
    const lines = quarter.criteria.filter((c) =>
      ['predicted_days_late', 'no_payment_expected_share_bps'].includes(c.criterion),
    );
    expect(lines).toEqual([
      expect.objectContaining({ criterion: 'predicted_days_late', value: 3, points: 8, weight: 3 }),
      expect.objectContaining({
        criterion: 'no_payment_expected_share_bps',
        value: 2_500,
        points: 0,
        weight: 1,
      }),
    ]);
    // The same figure as two criteria of weights 3 and 1, contributions included.
    const byHand = scoreCustomer(splitByHand(3, 1), { ...WHOLESALER, no_payment_expected_share_bps: 2_500 });
    expect(quarter.score).toBe(byHand.score);
    expect(quarter.criteria.map((c) => c.contributionScore)).toEqual(
      byHand.criteria.map((c) => c.contributionScore),
    );
  });

  it('scores a customer with no payment expected on any invoice as the worst delay, never as missing', () => {
    // Traiteur Durand's claims from before its judgment: no delay to read, the whole amount apart.
    const claims = scoreCustomer(DEFAULT_SCORING_METHOD, {
      ...WHOLESALER,
      predicted_days_late: null,
      no_payment_expected_share_bps: 10_000,
    });
    const worstDelay = scoreCustomer(DEFAULT_SCORING_METHOD_2026_06_15, {
      ...WHOLESALER,
      predicted_days_late: 400,
    });
    // 773 − 32 = 741 over 97: 76.39… → 76.4, the 2026-06-15 method's figure for a delay over 60 days.
    expect(claims).toMatchObject({ score: 76.4, coverageBps: 9_700 });
    expect(claims.score).toBe(worstDelay.score);
    expect(claims.missing).toEqual(['external_grade']);
    expect(claims.criteria.find((c) => c.criterion === 'no_payment_expected_share_bps')).toMatchObject({
      value: 10_000,
      points: 0,
      weight: 4,
    });
    // Without predictions at all the delay is missing, as before.
    expect(
      scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, predicted_days_late: null }).missing,
    ).toContain('predicted_days_late');
  });

  it('changes nothing for a customer without such invoices (properties)', () => {
    const days = fc.option(fc.double({ min: 0, max: 2_000, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(days, fc.constantFrom(0, null, undefined), (delay, share) => {
        const inputs = { ...WHOLESALER, predicted_days_late: delay, no_payment_expected_share_bps: share };
        expect(scoreCustomer(DEFAULT_SCORING_METHOD, inputs).score).toBe(
          scoreCustomer(DEFAULT_SCORING_METHOD_2026_06_15, inputs).score,
        );
      }),
    );
  });

  it('never scores above no share, nor below the worst delay, and falls as the share grows (properties)', () => {
    const delay = fc.double({ min: 0, max: 400, noNaN: true });
    const shares = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }));
    fc.assert(
      fc.property(delay, shares, (days, pair) => {
        const [less, more] = [Math.min(...pair), Math.max(...pair)];
        const score = (share: number, d = days) =>
          scoreCustomer(DEFAULT_SCORING_METHOD, {
            ...WHOLESALER,
            predicted_days_late: d,
            no_payment_expected_share_bps: share,
          }).score as number;
        expect(score(more)).toBeLessThanOrEqual(score(less));
        expect(score(less)).toBeLessThanOrEqual(score(0));
        expect(score(more)).toBeGreaterThanOrEqual(score(0, 400));
      }),
    );
  });

  it('refuses a share that is not in bps, and a method whose worst share is a criterion', () => {
    for (const share of [10_001, -1, 12.5, 'half'])
      expect(
        scoreCustomer(DEFAULT_SCORING_METHOD, { ...WHOLESALER, no_payment_expected_share_bps: share })
          .invalid,
      ).toEqual(['predicted_days_late']);
    const twice: ScoringMethod = {
      ...DEFAULT_SCORING_METHOD,
      criteria: DEFAULT_SCORING_METHOD.criteria.map((c) =>
        c.code === 'predicted_days_late' ? { ...c, worstShare: 'late_share_bps' } : c,
      ),
    };
    expect(validateScoringMethod(twice)).toEqual([
      { code: 'worst_share_invalid', params: { criterion: 'predicted_days_late', share: 'late_share_bps' } },
    ]);
  });
});
