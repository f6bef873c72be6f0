import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHOD } from './default-scoring-method.ts';
import { DEFAULT_SCORING_METHOD_2026_01 } from './default-scoring-method-2026-01.ts';
import { type BalanceSheet, financialScoringInputs } from './financial-ratios.ts';
import { companyAgeYears, contributionsByGroup, type ScoringInputs, scoreCustomer } from './scoring.ts';
import { classForScore, type ScoringCriterion } from './scoring-method.ts';

/** A wholesaler of the demo portfolio as of 2026-06-30, with the Conan-Holder example's accounts. */
const SHEET: BalanceSheet = {
  currency: 'EUR',
  fiscalYearEnd: '2025-12-31',
  totalAssetsMinor: 100_000,
  equityMinor: 22_500,
  totalDebtsMinor: 67_000,
  turnoverMinor: 200_000,
  valueAddedMinor: 40_000,
  grossOperatingProfitMinor: 12_000,
  permanentCapitalMinor: 60_000,
  cashMinor: 5_000,
  receivablesMinor: 30_000,
  financialChargesMinor: 2_000,
  staffCostsMinor: 25_000,
  netResultMinor: 3_000,
};

const WHOLESALER: ScoringInputs = {
  sector_risk: 'medium', // 7 × w8
  sales_share_bps: 320, // ≤ 500 → 7 × w7
  ...financialScoringInputs(SHEET), // equity 2 250 → 8 × w10; margin 150 → 4 × w8; EBE/debts 1 791 → 7 × w7; Z 15.98 → 6 × w5
  company_age_years: companyAgeYears('2014-02-11', '2026-06-30'), // 12 → 10 × w6
  legal_form: 'sas', // 8 × w3
  legal_incidents: 0, // 10 × w6
  average_days_late: 12, // ≤ 15 → 6 × w10
  late_share_bps: 3_000, // ≤ 5 000 → 4 × w6
  payment_trend: 'worsening', // 2 × w4
  bounced_payments: 1, // 5 × w6
  open_disputes: 0, // 10 × w4
  limit_usage_bps: 9_200, // ≤ 10 000 → 4 × w5
  // external_grade: none on file
};

describe('scoreCustomer on the 2026-01 default method (past payments only)', () => {
  it('scores the wholesaler by hand: 65.5, class B, re-weighted over 95 of 100', () => {
    // Σ weight × points = 56 + 49 + 80 + 32 + 49 + 60 + 24 + 60 + 60 + 24 + 8 + 30 + 40 + 20 + 30 = 622;
    // every scale tops at 10 and the external grade (weight 5) is missing, so
    // score = 100 × (622 / 10) / 95 = 65.47… → 65.5. Scoring the missing grade as 0 would give 62.2 (class C).
    const result = scoreCustomer(DEFAULT_SCORING_METHOD_2026_01, WHOLESALER);
    expect(result.status).toBe('scored');
    expect(result.score).toBe(65.5);
    expect(result.riskClass).toBe('B');
    expect(result.methodVersion).toBe('default-2026-01');
    expect(result.missing).toEqual(['external_grade']);
    expect(result.invalid).toEqual([]);
    expect(result.coverageBps).toBe(9_500);
    expect(result.reweighted).toBe(true);
    // Exact shares w·p × 20/19 tenths; the 6 tenths left after the floors go to the largest remainders
    // (.947 sector, .684 margin, then the four .579).
    expect(
      Object.fromEntries(result.criteria.map((c) => [c.criterion, [c.points, c.contributionScore]])),
    ).toEqual({
      sector_risk: [7, 5.9],
      sales_share_bps: [7, 5.2],
      equity_ratio_bps: [8, 8.4],
      net_margin_bps: [4, 3.4],
      ebe_to_debts_bps: [7, 5.2],
      company_age_years: [10, 6.3],
      legal_form: [8, 2.5],
      legal_incidents: [10, 6.3],
      average_days_late: [6, 6.3],
      late_share_bps: [4, 2.5],
      payment_trend: [2, 0.8],
      bounced_payments: [5, 3.2],
      open_disputes: [10, 4.2],
      limit_usage_bps: [4, 2.1],
      conan_holder_z: [6, 3.2],
    });
    expect(result.criteria.find((c) => c.criterion === 'equity_ratio_bps')).toEqual({
      criterion: 'equity_ratio_bps',
      group: 'capital',
      value: 2_250,
      points: 8,
      maxPoints: 10,
      weight: 10,
      contributionScore: 8.4,
    });
    expect(contributionsByGroup(result)).toEqual({
      environment: 11.1,
      capital: 17,
      directors: 15.1,
      payments: 19.1,
      conan_holder: 3.2,
    });
  });

  it('scores 100 / A with the best value everywhere and reports invalid inputs apart', () => {
    const best: ScoringInputs = { ...WHOLESALER, payment_trend: 'improving', external_grade: '3++' };
    const perfect = Object.fromEntries(
      DEFAULT_SCORING_METHOD.criteria.map((c) => [c.code, bestValue(c)]),
    ) as ScoringInputs;
    expect(scoreCustomer(DEFAULT_SCORING_METHOD, perfect)).toMatchObject({
      score: 100,
      riskClass: 'A',
      missing: [],
    });
    const withTypo = scoreCustomer(DEFAULT_SCORING_METHOD, {
      ...best,
      payment_trend: 'better',
      sales_share_bps: '3%',
    });
    expect(withTypo.invalid).toEqual(['sales_share_bps', 'payment_trend']);
    expect(withTypo.criteria.map((c) => c.criterion)).not.toContain('payment_trend');
  });

  it('refuses to score below the minimum coverage', () => {
    const thin = scoreCustomer(DEFAULT_SCORING_METHOD_2026_01, { average_days_late: 0, bounced_payments: 0 });
    expect(thin).toMatchObject({
      status: 'insufficient_data',
      score: null,
      riskClass: null,
      coverageBps: 1_600,
    });
    expect(thin.missing).toHaveLength(14);
    expect(scoreCustomer(DEFAULT_SCORING_METHOD_2026_01, {})).toMatchObject({
      status: 'insufficient_data',
      coverageBps: 0,
    });
    // The same two inputs are enough for a method that accepts thin files.
    const lenient = { ...DEFAULT_SCORING_METHOD_2026_01, minCoverageBps: 1_000 };
    expect(scoreCustomer(lenient, { average_days_late: 0, bounced_payments: 0 })).toMatchObject({
      score: 100,
    });
  });
});

/** A value that earns the criterion its best (or worst) points, read off its scale. */
function valueAt(criterion: ScoringCriterion, target: 'best' | 'worst'): number | string {
  const { scale } = criterion;
  const pick = (points: number[]) => (target === 'best' ? Math.max(...points) : Math.min(...points));
  if (scale.kind === 'categories') {
    const wanted = pick(Object.values(scale.points));
    return Object.keys(scale.points).find((key) => scale.points[key] === wanted)!;
  }
  const wanted = pick(scale.bands.map((band) => band.points));
  const index = scale.bands.findIndex((band) => band.points === wanted);
  if (scale.kind === 'up_to') {
    const bound = scale.bands[index]!.upTo;
    return bound ?? (scale.bands[index - 1]?.upTo ?? 0) + 1;
  }
  const bound = scale.bands[index]!.from;
  return bound ?? (scale.bands[index - 1]?.from ?? 0) - 1;
}

function bestValue(criterion: ScoringCriterion): number | string {
  return valueAt(criterion, 'best');
}

/** Any input for a criterion: absent, a fitting value, or a value of the wrong kind. */
function inputFor(criterion: ScoringCriterion): fc.Arbitrary<number | string | null> {
  const { scale } = criterion;
  const fitting =
    scale.kind === 'categories'
      ? fc.constantFrom(...Object.keys(scale.points))
      : fc.integer({ min: -20_000, max: 20_000 });
  return fc.oneof({ weight: 5, arbitrary: fitting }, fc.constant(null), fc.constant('?'));
}

const inputsArbitrary = fc.record(
  Object.fromEntries(DEFAULT_SCORING_METHOD.criteria.map((c) => [c.code, inputFor(c)])),
) as fc.Arbitrary<Record<string, number | string | null>>;

/** Criteria whose worst value earns 0 points: scoring one of them at its worst is "scoring it as 0". */
const ZERO_FLOOR_CRITERIA = DEFAULT_SCORING_METHOD.criteria.filter((criterion) => {
  const { scale } = criterion;
  const points = scale.kind === 'categories' ? Object.values(scale.points) : scale.bands.map((b) => b.points);
  return Math.min(...points) === 0;
});

describe('scoring invariants (properties)', () => {
  it('keeps the score in 0–100 with one decimal, its class, and contributions adding up to it', () => {
    fc.assert(
      fc.property(inputsArbitrary, (inputs) => {
        const result = scoreCustomer(DEFAULT_SCORING_METHOD, inputs);
        expect(result.missing.length + result.invalid.length + result.criteria.length).toBe(
          DEFAULT_SCORING_METHOD.criteria.length,
        );
        if (result.score === null) return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(Math.round(result.score * 10))).toBe(true);
        expect(result.riskClass).toBe(classForScore(result.score, DEFAULT_SCORING_METHOD.classThresholds));
        const tenths = result.criteria.reduce((sum, c) => sum + Math.round(c.contributionScore * 10), 0);
        expect(tenths).toBe(Math.round(result.score * 10));
      }),
    );
  });

  it('never scores a missing input as 0: dropping a 0-point criterion cannot lower the score', () => {
    fc.assert(
      fc.property(inputsArbitrary, fc.constantFrom(...ZERO_FLOOR_CRITERIA), (inputs, criterion) => {
        const lenient = { ...DEFAULT_SCORING_METHOD, minCoverageBps: 0 };
        const atZero = scoreCustomer(lenient, { ...inputs, [criterion.code]: valueAt(criterion, 'worst') });
        const missing = scoreCustomer(lenient, { ...inputs, [criterion.code]: null });
        if (atZero.score === null || missing.score === null) return;
        expect(missing.score).toBeGreaterThanOrEqual(atZero.score);
      }),
    );
  });

  it('never lowers the score when one input improves to its best value', () => {
    fc.assert(
      fc.property(
        inputsArbitrary,
        fc.constantFrom(...DEFAULT_SCORING_METHOD.criteria),
        (inputs, criterion) => {
          const before = scoreCustomer(DEFAULT_SCORING_METHOD, inputs);
          const after = scoreCustomer(DEFAULT_SCORING_METHOD, {
            ...inputs,
            [criterion.code]: bestValue(criterion),
          });
          if (before.score === null || after.score === null) return;
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
    );
  });
});

describe('scoring preconditions', () => {
  it('throws on a method the validator rejects instead of scoring 0', () => {
    const broken = {
      ...DEFAULT_SCORING_METHOD,
      criteria: [
        {
          code: 'x',
          group: 'payments' as const,
          weight: 1,
          scale: { kind: 'categories' as const, points: { y: 0 } },
        },
      ],
    };
    expect(() => scoreCustomer(broken, { x: 'y' })).toThrow(RangeError);
  });
});

describe('company age', () => {
  it('counts completed years, with 29 February anniversaries on 1 March', () => {
    expect([
      companyAgeYears('2023-03-15', '2025-03-15'),
      companyAgeYears('2023-03-15', '2025-03-14'),
      companyAgeYears('2024-02-29', '2025-02-28'),
      companyAgeYears('2024-02-29', '2025-03-01'),
      companyAgeYears('2027-01-01', '2026-06-30'),
    ]).toEqual([2, 1, 0, 1, 0]);
  });
});
