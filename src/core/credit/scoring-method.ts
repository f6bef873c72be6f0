/**
 * A scoring method ("méthode points de risque") as versioned configuration: criteria grouped like
 * the ENCADRE method (ENvironnement, CApitaux, DiRigeants, REglements, plus the optional
 * Conan-Holder and external-grade criteria), each with a weight and a point scale, and the score
 * thresholds of the risk classes. Every score names the version that produced it, so a method is
 * never edited in place: a change is a new version with its own effective date, and
 * `methodInForce` picks the one that applies at a date.
 *
 * Conventions: points are quality points (more = safer); a criterion's best points are the
 * highest of its scale; the score is 0–100 with 100 the safest; class A is the lowest risk.
 */
import { isValidIsoDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { Problem } from './reason.ts';

export const CRITERION_GROUPS = [
  'environment',
  'capital',
  'directors',
  'payments',
  'conan_holder',
  'external_grade',
] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

/** From the lowest risk to the highest. */
export const RISK_CLASSES = ['A', 'B', 'C', 'D', 'E'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/**
 * Numeric scale read from the bottom: a value gets the points of the first band whose `upTo`
 * (inclusive) it does not exceed; the last band has `upTo: null` and takes everything above.
 */
export interface UpToScale {
  kind: 'up_to';
  bands: { upTo: number | null; points: number }[];
}

/**
 * Numeric scale read from the top: a value gets the points of the first band whose `from`
 * (inclusive) it reaches; the last band has `from: null` and takes everything below.
 */
export interface FromScale {
  kind: 'from';
  bands: { from: number | null; points: number }[];
}

/** Category → points; a category not listed takes `otherPoints`, or is invalid without it. */
export interface CategoryScale {
  kind: 'categories';
  points: Record<string, number>;
  otherPoints?: number;
}

export type PointScale = UpToScale | FromScale | CategoryScale;

export interface ScoringCriterion {
  /** Stable code, also the key of the input value (e.g. 'average_days_late'). */
  code: string;
  group: CriterionGroup;
  /** Positive integer; the criterion's share of the score is weight / Σ weights. */
  weight: number;
  scale: PointScale;
  /**
   * Code of an input in bps (0–10 000): that share of what the criterion measures is scored as the
   * worst case — it takes the same share of the weight and earns the scale's lowest points, the rest
   * earning the value's (the predicted delay, read over the invoices with a payment expected, with
   * the share of the amount with none). With the whole of it the value may be missing.
   */
  worstShare?: string;
}

/** Minimum score of each class; a score below `D` is class E. */
export type ClassThresholds = Record<Exclude<RiskClass, 'E'>, number>;

export interface ScoringMethod {
  version: string;
  effectiveFrom: IsoDate;
  criteria: ScoringCriterion[];
  classThresholds: ClassThresholds;
  /**
   * Share of the total weight (bps) that must have an input for a score to be given; below it the
   * customer is "not scorable" instead of being judged on a handful of criteria.
   */
  minCoverageBps: number;
}

/** A configuration problem: a stable code and the figures that locate it. */
export type MethodProblem = Problem;

/** Highest points of a scale: what a criterion scores at best. */
export function maxPoints(scale: PointScale): number {
  const all =
    scale.kind === 'categories'
      ? [...Object.values(scale.points), ...(scale.otherPoints === undefined ? [] : [scale.otherPoints])]
      : scale.bands.map((band) => band.points);
  return all.length === 0 ? 0 : Math.max(...all);
}

/** Lowest points of a scale: what a criterion scores at worst. */
export function minPoints(scale: PointScale): number {
  const all =
    scale.kind === 'categories'
      ? [...Object.values(scale.points), ...(scale.otherPoints === undefined ? [] : [scale.otherPoints])]
      : scale.bands.map((band) => band.points);
  return all.length === 0 ? 0 : Math.min(...all);
}

/** Points of a value on a scale, or null when the value does not fit the scale. */
export function pointsFor(scale: PointScale, value: number | string): number | null {
  if (scale.kind === 'categories') {
    if (typeof value !== 'string') return null;
    return Object.hasOwn(scale.points, value) ? (scale.points[value] ?? null) : (scale.otherPoints ?? null);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (scale.kind === 'up_to') {
    const band = scale.bands.find((b) => b.upTo === null || value <= b.upTo);
    return band ? band.points : null;
  }
  const band = scale.bands.find((b) => b.from === null || value >= b.from);
  return band ? band.points : null;
}

function bandProblems(code: string, scale: UpToScale | FromScale): MethodProblem[] {
  const problems: MethodProblem[] = [];
  const bounds = scale.kind === 'up_to' ? scale.bands.map((b) => b.upTo) : scale.bands.map((b) => b.from);
  bounds.forEach((bound, index) => {
    const isLast = index === bounds.length - 1;
    if (bound === null && !isLast)
      problems.push({ code: 'open_band_not_last', params: { criterion: code, index } });
    if (bound !== null && isLast)
      problems.push({ code: 'last_band_not_open', params: { criterion: code, index } });
    if (bound !== null && !Number.isFinite(bound))
      problems.push({ code: 'band_bound_not_finite', params: { criterion: code, index } });
    const previous = index > 0 ? bounds[index - 1] : null;
    if (bound === null || previous === null || previous === undefined) return;
    // `up_to` bands go up and `from` bands go down; an equal or reversed bound overlaps its neighbour.
    const ordered = scale.kind === 'up_to' ? bound > previous : bound < previous;
    if (!ordered) problems.push({ code: 'bands_overlap', params: { criterion: code, index } });
  });
  return problems;
}

function scaleProblems(criterion: ScoringCriterion): MethodProblem[] {
  const { code, scale } = criterion;
  const points =
    scale.kind === 'categories'
      ? [...Object.values(scale.points), ...(scale.otherPoints === undefined ? [] : [scale.otherPoints])]
      : scale.bands.map((band) => band.points);
  const problems: MethodProblem[] = [];
  if (points.length === 0) return [{ code: 'scale_empty', params: { criterion: code } }];
  if (points.some((p) => !Number.isSafeInteger(p) || p < 0)) {
    problems.push({ code: 'points_not_natural', params: { criterion: code } });
  }
  // A scale whose best is 0 cannot tell customers apart and would divide by zero.
  if (maxPoints(scale) <= 0) problems.push({ code: 'max_points_zero', params: { criterion: code } });
  if (scale.kind !== 'categories') problems.push(...bandProblems(code, scale));
  return problems;
}

function thresholdProblems(thresholds: ClassThresholds): MethodProblem[] {
  const problems: MethodProblem[] = [];
  const ordered = (['A', 'B', 'C', 'D'] as const).map((riskClass) => ({
    riskClass,
    min: thresholds[riskClass],
  }));
  for (const [index, { riskClass, min }] of ordered.entries()) {
    if (!Number.isFinite(min) || min <= 0 || min > 100) {
      problems.push({ code: 'threshold_out_of_range', params: { riskClass, minScore: min } });
    }
    const previous = ordered[index - 1];
    if (previous && !(min < previous.min)) {
      problems.push({ code: 'thresholds_not_decreasing', params: { riskClass, minScore: min } });
    }
  }
  return problems;
}

/** A worst share names an input of its own: not its criterion's, nor another criterion's (counted twice). */
function worstShareProblems(criteria: readonly ScoringCriterion[]): MethodProblem[] {
  const codes = new Set(criteria.map((c) => c.code));
  return criteria
    .filter((c) => c.worstShare !== undefined)
    .filter((c) => typeof c.worstShare !== 'string' || c.worstShare.trim() === '' || codes.has(c.worstShare))
    .map((c) => ({
      code: 'worst_share_invalid',
      params: { criterion: c.code, share: String(c.worstShare) },
    }));
}

/** Every problem of a method; an empty list means it can be used. */
export function validateScoringMethod(method: ScoringMethod): MethodProblem[] {
  const problems: MethodProblem[] = [];
  if (method.version.trim() === '') problems.push({ code: 'version_missing', params: {} });
  if (!isValidIsoDate(method.effectiveFrom)) {
    problems.push({ code: 'effective_date_invalid', params: { effectiveFrom: method.effectiveFrom } });
  }
  if (method.criteria.length === 0) problems.push({ code: 'no_criteria', params: {} });
  const seen = new Set<string>();
  for (const criterion of method.criteria) {
    if (seen.has(criterion.code))
      problems.push({ code: 'duplicate_criterion', params: { criterion: criterion.code } });
    seen.add(criterion.code);
    if (!(CRITERION_GROUPS as readonly string[]).includes(criterion.group)) {
      problems.push({ code: 'group_unknown', params: { criterion: criterion.code, group: criterion.group } });
    }
    if (!Number.isSafeInteger(criterion.weight) || criterion.weight <= 0) {
      problems.push({
        code: 'weight_not_positive',
        params: { criterion: criterion.code, weight: criterion.weight },
      });
    }
    problems.push(...scaleProblems(criterion));
  }
  problems.push(...worstShareProblems(method.criteria));
  problems.push(...thresholdProblems(method.classThresholds));
  if (
    !Number.isInteger(method.minCoverageBps) ||
    method.minCoverageBps < 0 ||
    method.minCoverageBps > 10_000
  ) {
    problems.push({ code: 'min_coverage_out_of_range', params: { minCoverageBps: method.minCoverageBps } });
  }
  return problems;
}

/** Risk class of a score under the method's thresholds. */
export function classForScore(score: number, thresholds: ClassThresholds): RiskClass {
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  if (score >= thresholds.D) return 'D';
  return 'E';
}

/**
 * Number of classes a customer lost from `previous` to `next` (positive = downgrade, which raises
 * an alert; negative = upgrade; 0 = unchanged).
 */
export function classChange(previous: RiskClass, next: RiskClass): number {
  return RISK_CLASSES.indexOf(next) - RISK_CLASSES.indexOf(previous);
}

/** The method in force at a date: the latest effective on or before it, or null. */
export function methodInForce<T extends { version: string; effectiveFrom: IsoDate }>(
  methods: readonly T[],
  asOf: IsoDate,
): T | null {
  let best: T | null = null;
  for (const method of methods) {
    if (method.effectiveFrom > asOf) continue;
    if (best === null || method.effectiveFrom >= best.effectiveFrom) best = method;
  }
  return best;
}
