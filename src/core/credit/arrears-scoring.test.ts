/**
 * The current arrears in the default method that brought them (2026-06-15): its inputs, its
 * weights, the trend that no longer reads « improving » over old unpaid debts, and the guarantee —
 * kept by the method in force since — that a customer with large debts more than 90 days past due
 * cannot be class A or B whatever else it scores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARREARS_DAYS, arrearsInputs, trendWithArrears } from './arrears-scoring.ts';
import {
  DEFAULT_SCORING_METHOD_2026_06_15 as DEFAULT_SCORING_METHOD,
  DEFAULT_SCORING_METHOD_2026_06,
  DEFAULT_SCORING_METHODS,
  DEFAULT_SCORING_METHOD as METHOD_IN_FORCE,
} from './default-scoring-method.ts';
import { type ScoringInputs, scoreCustomer } from './scoring.ts';
import { methodInForce, pointsFor, type ScoringMethod, validateScoringMethod } from './scoring-method.ts';

const criterion = (code: string) => DEFAULT_SCORING_METHOD.criteria.find((c) => c.code === code)!;
const weightOf = (codes: (c: { group: string; code: string }) => boolean) =>
  DEFAULT_SCORING_METHOD.criteria.filter(codes).reduce((sum, c) => sum + c.weight, 0);

/**
 * The demo's François Distribution (C00289) on 2026-06-30: 43.2 k€ more than 90 days past due,
 * oldest item 1 045 days late, paying its recent invoices faster than before.
 */
const FRANCOIS: ScoringInputs = {
  sector_risk: 'medium', // 7 × w5
  sales_share_bps: 81, // 10 × w4
  company_age_years: 39, // 10 × w4
  legal_form: 'sa', // 10 × w2
  legal_incidents: 0, // 10 × w4
  average_days_late: 47.3, // 1 × w5
  late_share_bps: 8_580, // 0 × w3
  payment_trend: trendWithArrears('improving', 1_045), // stable: 7 × w2
  predicted_days_late: 577.2, // 0 × w4
  overdue_60_share_bps: 6_172, // 0 × w18
  oldest_overdue_days: 1_045, // 0 × w18
  bounced_payments: 0, // 10 × w4
  open_disputes: 0, // 10 × w2
  limit_usage_bps: 7_537, // 7 × w3
};

describe('the current arrears in the default method', () => {
  it('is a new version after 2026-06, valid, arrears 36 of 100 and the payment group 59', () => {
    expect(validateScoringMethod(DEFAULT_SCORING_METHOD)).toEqual([]);
    expect(DEFAULT_SCORING_METHOD).toMatchObject({
      version: 'default-2026-06-15',
      effectiveFrom: '2026-06-15',
    });
    expect(DEFAULT_SCORING_METHODS.map((m) => m.version)).toEqual([
      'default-2026-01',
      'default-2026-06',
      'default-2026-06-15',
      'default-2026-06-30',
    ]);
    // Until the share with no payment expected (2026-06-30); a score re-made for 14 June keeps 2026-06.
    expect(methodInForce(DEFAULT_SCORING_METHODS, '2026-06-29')?.version).toBe('default-2026-06-15');
    expect(methodInForce(DEFAULT_SCORING_METHODS, '2026-06-14')?.version).toBe('default-2026-06');
    expect(weightOf(() => true)).toBe(100);
    expect(weightOf((c) => c.group === 'payments')).toBe(59);
    expect(weightOf((c) => c.code === 'overdue_60_share_bps' || c.code === 'oldest_overdue_days')).toBe(36);
    // Same criteria as 2026-06 plus the two, in the same order, the same scales.
    expect(DEFAULT_SCORING_METHOD.criteria.map((c) => c.code)).toEqual(
      DEFAULT_SCORING_METHOD_2026_06.criteria.flatMap((c) =>
        c.code === 'predicted_days_late' ? [c.code, 'overdue_60_share_bps', 'oldest_overdue_days'] : [c.code],
      ),
    );
    for (const old of DEFAULT_SCORING_METHOD_2026_06.criteria)
      expect(criterion(old.code).scale).toEqual(old.scale);
  });

  it('gives points on the share over 60 days and on the oldest item’s days past due', () => {
    const share = [0, 1, 200, 201, 500, 1_000, 1_500, 1_501, 10_000].map((bps) =>
      pointsFor(criterion('overdue_60_share_bps').scale, bps),
    );
    expect(share).toEqual([10, 8, 8, 6, 6, 4, 2, 0, 0]);
    const oldest = [0, 1, 15, 16, 30, 31, 60, 61, 90, 91, 1_045].map((days) =>
      pointsFor(criterion('oldest_overdue_days').scale, days),
    );
    expect(oldest).toEqual([10, 8, 8, 6, 6, 3, 3, 1, 1, 0, 0]);
  });

  it('scores François Distribution by hand: 35.3, class D (was 70.5, B)', () => {
    // Σ w·p = 35 + 40 + 40 + 20 + 40 + 5 + 0 + 14 + 0 + 0 + 0 + 40 + 20 + 21 = 275 over 78
    // (no balance sheet, no Conan-Holder, no external grade): 100 × 27.5 / 78 = 35.25… → 35.3.
    const result = scoreCustomer(DEFAULT_SCORING_METHOD, FRANCOIS);
    expect(result).toMatchObject({ status: 'scored', score: 35.3, riskClass: 'D', coverageBps: 7_800 });
    expect(result.criteria.find((c) => c.criterion === 'oldest_overdue_days')).toMatchObject({
      value: 1_045,
      points: 0,
      weight: 18,
      contributionScore: 0,
    });
    expect(result.criteria.find((c) => c.criterion === 'payment_trend')?.value).toBe('stable');
    // Its arrears cleared, the same habits score 81.4 (class A): the arrears are what sink it.
    const cleared = { ...FRANCOIS, overdue_60_share_bps: 0, oldest_overdue_days: 0 };
    expect(scoreCustomer(DEFAULT_SCORING_METHOD, cleared)).toMatchObject({ score: 81.4, riskClass: 'A' });
  });
});

describe('arrears inputs', () => {
  it('reads the share in bps and the oldest item’s days from the open debits', () => {
    expect(
      arrearsInputs({
        openDebitsMinor: 8_290_767,
        arrearsMinor: 5_117_000,
        oldestOverdueDays: 1_045,
        invoicedRecently: true,
      }),
    ).toEqual({ overdue_60_share_bps: 6_172, oldest_overdue_days: 1_045 });
    expect(
      arrearsInputs({
        openDebitsMinor: 100_000,
        arrearsMinor: 0,
        oldestOverdueDays: 0,
        invoicedRecently: false,
      }),
    ).toEqual({ overdue_60_share_bps: 0, oldest_overdue_days: 0 });
  });

  it('calls a current customer that owes nothing clean, and leaves a dormant one unjudged', () => {
    const nothingOwed = { openDebitsMinor: 0, arrearsMinor: 0, oldestOverdueDays: 0 };
    expect(arrearsInputs({ ...nothingOwed, invoicedRecently: true })).toEqual({
      overdue_60_share_bps: 0,
      oldest_overdue_days: 0,
    });
    expect(arrearsInputs({ ...nothingOwed, invoicedRecently: false })).toEqual({
      overdue_60_share_bps: null,
      oldest_overdue_days: null,
    });
  });

  it('keeps « improving » only while no debit is more than 60 days past due', () => {
    expect(ARREARS_DAYS).toBe(60);
    expect([
      trendWithArrears('improving', 0),
      trendWithArrears('improving', 60),
      trendWithArrears('improving', 61),
      trendWithArrears('worsening', 400),
      trendWithArrears('stable', 400),
      trendWithArrears(null, 400),
    ]).toEqual(['improving', 'improving', 'stable', 'worsening', 'stable', null]);
  });
});

/** Any input for a criterion other than the arrears: absent, or any value its scale knows. */
function otherInput(method: ScoringMethod, code: string): fc.Arbitrary<number | string | null> {
  const { scale } = method.criteria.find((c) => c.code === code)!;
  const fitting =
    scale.kind === 'categories'
      ? fc.constantFrom(...Object.keys(scale.points))
      : fc.double({ min: -20_000, max: 20_000, noNaN: true });
  return fc.oneof(fitting, fc.constant(null));
}

describe.each([DEFAULT_SCORING_METHOD, METHOD_IN_FORCE])(
  'large arrears outrank everything else in $version (properties)',
  (DEFAULT_SCORING_METHOD) => {
    const others = DEFAULT_SCORING_METHOD.criteria
      .map((c) => c.code)
      .filter((code) => code !== 'overdue_60_share_bps' && code !== 'oldest_overdue_days');
    const othersArbitrary = fc.record(
      Object.fromEntries(others.map((code) => [code, otherInput(DEFAULT_SCORING_METHOD, code)])),
    );

    it('never gives class A or B with over 15 % more than 60 days past due and an item over 90 days', () => {
      fc.assert(
        fc.property(
          othersArbitrary,
          fc.integer({ min: 1_501, max: 10_000 }),
          fc.integer({ min: 91, max: 3_000 }),
          (inputs, shareBps, oldestDays) => {
            const result = scoreCustomer(DEFAULT_SCORING_METHOD, {
              ...inputs,
              overdue_60_share_bps: shareBps,
              oldest_overdue_days: oldestDays,
            });
            if (result.score === null) return;
            expect(result.score).toBeLessThan(DEFAULT_SCORING_METHOD.classThresholds.B);
            expect(['C', 'D', 'E']).toContain(result.riskClass);
          },
        ),
      );
    });

    it('never raises the score when the arrears grow', () => {
      fc.assert(
        fc.property(
          othersArbitrary,
          fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })),
          fc.tuple(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 3_000 })),
          (inputs, shares, days) => {
            const [lessShare, moreShare] = [Math.min(...shares), Math.max(...shares)];
            const [fewerDays, moreDays] = [Math.min(...days), Math.max(...days)];
            const less = scoreCustomer(DEFAULT_SCORING_METHOD, {
              ...inputs,
              overdue_60_share_bps: lessShare,
              oldest_overdue_days: fewerDays,
            });
            const more = scoreCustomer(DEFAULT_SCORING_METHOD, {
              ...inputs,
              overdue_60_share_bps: moreShare,
              oldest_overdue_days: moreDays,
            });
            if (less.score === null || more.score === null) return;
            expect(more.score).toBeLessThanOrEqual(less.score);
          },
        ),
      );
    });
  },
);
