import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_METHOD } from './default-scoring-method.ts';
import {
  type CategoryScale,
  classChange,
  classForScore,
  type FromScale,
  maxPoints,
  methodInForce,
  pointsFor,
  type ScoringMethod,
  type UpToScale,
  validateScoringMethod,
} from './scoring-method.ts';

const daysLate: UpToScale = {
  kind: 'up_to',
  bands: [
    { upTo: 0, points: 10 },
    { upTo: 15, points: 6 },
    { upTo: null, points: 0 },
  ],
};
const equity: FromScale = {
  kind: 'from',
  bands: [
    { from: 3_000, points: 10 },
    { from: 0, points: 3 },
    { from: null, points: 0 },
  ],
};
const trend: CategoryScale = { kind: 'categories', points: { improving: 10, worsening: 2 } };

function withCriteria(criteria: ScoringMethod['criteria']): ScoringMethod {
  return { ...DEFAULT_SCORING_METHOD, criteria };
}

describe('point scales', () => {
  it('reads up-to bands from the bottom, bounds inclusive', () => {
    expect([-3, 0, 0.5, 15, 15.01, 400].map((v) => pointsFor(daysLate, v))).toEqual([10, 10, 6, 6, 0, 0]);
  });

  it('reads from bands from the top, bounds inclusive', () => {
    expect([5_000, 3_000, 2_999, 0, -1].map((v) => pointsFor(equity, v))).toEqual([10, 10, 3, 3, 0]);
  });

  it('maps categories, with a fallback only when one is configured', () => {
    expect([pointsFor(trend, 'improving'), pointsFor(trend, 'stable'), pointsFor(trend, 3)]).toEqual([
      10,
      null,
      null,
    ]);
    expect(pointsFor({ ...trend, otherPoints: 5 }, 'stable')).toBe(5);
    // An inherited property name is not a category.
    expect(pointsFor(trend, 'constructor')).toBeNull();
  });

  it('rejects values of the wrong kind on numeric scales', () => {
    expect([
      pointsFor(daysLate, 'ten'),
      pointsFor(daysLate, Number.NaN),
      pointsFor(equity, Infinity),
    ]).toEqual([null, null, null]);
  });

  it('takes the best points of a scale as its maximum', () => {
    expect([maxPoints(daysLate), maxPoints(trend), maxPoints({ ...trend, otherPoints: 12 })]).toEqual([
      10, 10, 12,
    ]);
  });
});

describe('scoring method validation', () => {
  it('accepts the default method, whose weights add up to 100', () => {
    expect(validateScoringMethod(DEFAULT_SCORING_METHOD)).toEqual([]);
    expect(DEFAULT_SCORING_METHOD.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
    const groups = new Set(DEFAULT_SCORING_METHOD.criteria.map((c) => c.group));
    expect([...groups].sort()).toEqual([
      'capital',
      'conan_holder',
      'directors',
      'environment',
      'external_grade',
      'payments',
    ]);
  });

  it('reports non-positive weights, duplicates and empty scales', () => {
    const problems = validateScoringMethod(
      withCriteria([
        { code: 'a', group: 'payments', weight: 0, scale: daysLate },
        { code: 'a', group: 'payments', weight: 1.5, scale: daysLate },
        { code: 'b', group: 'capital', weight: 3, scale: { kind: 'categories', points: {} } },
      ]),
    );
    expect(problems.map((p) => [p.code, p.params['criterion']])).toEqual([
      ['weight_not_positive', 'a'],
      ['duplicate_criterion', 'a'],
      ['weight_not_positive', 'a'],
      ['scale_empty', 'b'],
    ]);
  });

  it('reports overlapping bands and bands that leave values uncovered', () => {
    const overlapping: UpToScale = {
      kind: 'up_to',
      bands: [
        { upTo: 30, points: 5 },
        { upTo: 30, points: 3 },
        { upTo: null, points: 0 },
      ],
    };
    const reversed: FromScale = {
      kind: 'from',
      bands: [
        { from: 0, points: 3 },
        { from: 3_000, points: 10 },
        { from: null, points: 0 },
      ],
    };
    const notClosed: UpToScale = {
      kind: 'up_to',
      bands: [
        { upTo: null, points: 1 },
        { upTo: 5, points: 4 },
      ],
    };
    const problems = validateScoringMethod(
      withCriteria([
        { code: 'o', group: 'payments', weight: 1, scale: overlapping },
        { code: 'r', group: 'capital', weight: 1, scale: reversed },
        { code: 'n', group: 'payments', weight: 1, scale: notClosed },
      ]),
    );
    expect(problems.map((p) => [p.code, p.params['criterion'], p.params['index']])).toEqual([
      ['bands_overlap', 'o', 1],
      ['bands_overlap', 'r', 1],
      ['open_band_not_last', 'n', 0],
      ['last_band_not_open', 'n', 1],
    ]);
  });

  it('reports negative or fractional points and a scale that is always 0', () => {
    const problems = validateScoringMethod(
      withCriteria([
        {
          code: 'neg',
          group: 'payments',
          weight: 1,
          scale: { kind: 'categories', points: { x: -1, y: 2.5 } },
        },
        { code: 'zero', group: 'payments', weight: 1, scale: { kind: 'categories', points: { x: 0 } } },
      ]),
    );
    expect(problems.map((p) => [p.code, p.params['criterion']])).toEqual([
      ['points_not_natural', 'neg'],
      ['max_points_zero', 'zero'],
    ]);
  });

  it('reports class thresholds that are not strictly decreasing or out of range', () => {
    const problems = validateScoringMethod({
      ...DEFAULT_SCORING_METHOD,
      classThresholds: { A: 120, B: 65, C: 70, D: 0 },
    });
    expect(problems.map((p) => [p.code, p.params['riskClass']])).toEqual([
      ['threshold_out_of_range', 'A'],
      ['thresholds_not_decreasing', 'C'],
      ['threshold_out_of_range', 'D'],
    ]);
  });

  it('reports a missing version, a bad date, no criteria and a bad coverage', () => {
    const problems = validateScoringMethod({
      ...DEFAULT_SCORING_METHOD,
      version: ' ',
      effectiveFrom: '2026-02-30',
      criteria: [],
      minCoverageBps: 10_001,
    });
    expect(problems.map((p) => p.code)).toEqual([
      'version_missing',
      'effective_date_invalid',
      'no_criteria',
      'min_coverage_out_of_range',
    ]);
  });
});

describe('classes and versions', () => {
  it('assigns classes at the default thresholds (80 / 65 / 50 / 35)', () => {
    const thresholds = DEFAULT_SCORING_METHOD.classThresholds;
    expect([100, 80, 79.9, 65, 50, 49.9, 35, 34.9, 0].map((s) => classForScore(s, thresholds))).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'D',
      'D',
      'E',
      'E',
    ]);
  });

  it('counts a downgrade as positive steps', () => {
    expect([classChange('B', 'D'), classChange('C', 'A'), classChange('E', 'E')]).toEqual([2, -2, 0]);
  });

  it('picks the latest version effective on the date', () => {
    const v1 = { ...DEFAULT_SCORING_METHOD, version: 'v1', effectiveFrom: '2025-01-01' };
    const v2 = { ...DEFAULT_SCORING_METHOD, version: 'v2', effectiveFrom: '2026-03-01' };
    expect(methodInForce([v2, v1], '2026-02-28')?.version).toBe('v1');
    expect(methodInForce([v2, v1], '2026-03-01')?.version).toBe('v2');
    expect(methodInForce([v2, v1], '2024-12-31')).toBeNull();
  });
});
