/**
 * Scores a customer with a points-of-risk method and explains the result criterion by criterion.
 *
 * Score: 0–100 with one decimal, computed exactly as 100 × Σ(weight × points / maxPoints) / Σ weight
 * over the criteria that have an input, and rounded half away from zero. One decimal is enough to
 * order customers, and small enough that a score does not pretend to more precision than its inputs.
 * Each criterion's contribution (also one decimal) is its share of the score, split with the
 * largest-remainder method so that the contributions add up to the score exactly.
 *
 * Missing inputs are never scored as 0: the criterion is listed in `missing` and the score is taken
 * over the remaining weight (`coverageBps` says how much of the method was used). Below the method's
 * minimum coverage there is no score at all (`status: 'insufficient_data'`). An input of the wrong
 * kind, or a category the scale does not know, is listed in `invalid` and treated the same way.
 * A criterion with a worst share (`ScoringCriterion.worstShare`) is explained in two lines that split
 * its weight: its value's points on the share left, the scale's lowest on the worst share.
 */
import { splitDate } from '../calendar.ts';
import { allocateByWeights } from '../money.ts';
import type { IsoDate } from '../types.ts';
import { roundedCombination } from './rounding.ts';
import {
  type CriterionGroup,
  classForScore,
  maxPoints,
  minPoints,
  pointsFor,
  RISK_CLASSES,
  type RiskClass,
  type ScoringCriterion,
  type ScoringMethod,
} from './scoring-method.ts';

/** Input values by criterion code: numbers for numeric scales, category codes for category scales. */
export type ScoringInputs = Readonly<Record<string, number | string | null | undefined>>;

export interface CriterionScore {
  /** The criterion's code, or its worst share's input code for the part of it scored as the worst. */
  criterion: string;
  group: CriterionGroup;
  value: number | string;
  points: number;
  maxPoints: number;
  /** The criterion's weight, or the part of it a worst share leaves or takes (not always whole). */
  weight: number;
  /** Points on the 0–100 score that this criterion brings (one decimal). */
  contributionScore: number;
}

export interface ScoreResult {
  status: 'scored' | 'insufficient_data';
  /** 0–100, one decimal; null when the inputs cover less than the method's minimum. */
  score: number | null;
  riskClass: RiskClass | null;
  methodVersion: string;
  /** Scored criteria in method order (contributions 0 when there is no score). */
  criteria: CriterionScore[];
  /** Criteria of the method with no input. */
  missing: string[];
  /** Criteria whose input does not fit the scale (wrong kind, unknown category). */
  invalid: string[];
  /** Weight of the scored criteria / weight of the method, in bps (10 000 = nothing missing). */
  coverageBps: number;
  /** True when the score was taken over less than the full weight. */
  reweighted: boolean;
  /** Set when a fact outranks the points: the class is forced, the score stays as computed. */
  override?: ClassOverride;
}

/**
 * Customer statuses that mean collective proceedings (sauvegarde, redressement, liquidation
 * judiciaires): the same set as the order check's refusal and the risk table's « Critique ».
 */
export const PROCEEDINGS_STATUSES: readonly string[] = ['safeguard', 'receivership', 'liquidation'];

/** A class forced by a fact the points cannot weigh, with what forced it. */
export interface ClassOverride {
  reason: 'collective_proceedings';
  riskClass: RiskClass;
  /** The procedure: a customer status code, or 'insolvency' when only the story says so. */
  procedure: string;
}

/**
 * The procedure a customer is under, if any: its status when it names one, else 'insolvency' when
 * its story holds an insolvency line by the scoring date (the risk table's rule).
 */
export function proceedingsOf(status: string, insolvencyEventDate: string | null): string | null {
  if (PROCEEDINGS_STATUSES.includes(status)) return status;
  return insolvencyEventDate === null ? null : 'insolvency';
}

/**
 * A customer in collective proceedings gets the worst class whatever its points: its past habits
 * say nothing of a claim now paid only under the court's plan, and the risk table already calls it
 * critical. The score stays as computed (it explains the habits); the override says why the class
 * differs, and applies even without enough data for a score.
 */
export function withProceedingsOverride(result: ScoreResult, procedure: string | null): ScoreResult {
  if (procedure === null) return result;
  const worst = RISK_CLASSES[RISK_CLASSES.length - 1] as RiskClass;
  return {
    ...result,
    riskClass: worst,
    override: { reason: 'collective_proceedings', riskClass: worst, procedure },
  };
}

/** A worst share is in bps: weights are split in ten-thousandths of a weight. */
const PARTS = 10_000;

interface Scored extends Omit<CriterionScore, 'contributionScore'> {
  /** `weight` × PARTS, exact: a whole weight split by a share in bps. */
  weightParts: number;
}

function scoreTenths(scored: readonly Scored[], scoredWeight: number): number {
  // 1000 × Σ w·p/m / W, exactly: 100 for the 0–100 scale times 10 for the decimal (w = parts / 10 000).
  const tenths = roundedCombination(
    scored.map((s) => ({
      coefficient: s.weightParts,
      numerator: s.points,
      denominator: s.maxPoints * scoredWeight * 10,
    })),
    1,
  );
  // Only a method that `validateScoringMethod` rejects (a scale whose best is 0) gets here.
  if (tenths === null) throw new RangeError('scoring method has a criterion whose best points are 0');
  return tenths;
}

function contributionsTenths(scored: readonly Scored[], totalTenths: number): number[] {
  const shares = scored.map((s) => (s.weightParts * s.points) / s.maxPoints);
  if (totalTenths === 0 || shares.every((share) => share === 0)) return scored.map(() => 0);
  return allocateByWeights(totalTenths, shares);
}

/**
 * A criterion's lines, or why it has none. Without a worst share (or with a share of 0), one line of
 * the whole weight. With one, the value's points on the share left and the scale's lowest on the
 * share, each bearing its part of the weight; a value may be missing only when the share is whole.
 */
function criterionLines(
  criterion: ScoringCriterion,
  inputs: ScoringInputs,
): Scored[] | 'missing' | 'invalid' {
  const { code, group, weight, scale } = criterion;
  const top = maxPoints(scale);
  const shareInput = criterion.worstShare === undefined ? 0 : (inputs[criterion.worstShare] ?? 0);
  if (typeof shareInput !== 'number' || !Number.isInteger(shareInput) || shareInput < 0 || shareInput > PARTS)
    return 'invalid';
  const worst = (parts: number): Scored => ({
    criterion: criterion.worstShare ?? code,
    group,
    value: shareInput,
    points: minPoints(scale),
    maxPoints: top,
    weight: parts / PARTS,
    weightParts: parts,
  });
  const value = inputs[code];
  if (value === null || value === undefined)
    return shareInput === PARTS ? [worst(weight * PARTS)] : 'missing';
  const points = pointsFor(scale, value);
  if (points === null) return 'invalid';
  const ownParts = weight * (PARTS - shareInput);
  const own: Scored = {
    criterion: code,
    group,
    value,
    points,
    maxPoints: top,
    weight: ownParts / PARTS,
    weightParts: ownParts,
  };
  return [own, worst(weight * shareInput)].filter((line) => line.weightParts > 0);
}

/** Scores with a method that passed `validateScoringMethod` (an invalid one throws a RangeError). */
export function scoreCustomer(method: ScoringMethod, inputs: ScoringInputs): ScoreResult {
  const scored: Scored[] = [];
  const missing: string[] = [];
  const invalid: string[] = [];
  let totalWeight = 0;
  let scoredWeight = 0;
  for (const criterion of method.criteria) {
    totalWeight += criterion.weight;
    const lines = criterionLines(criterion, inputs);
    if (lines === 'missing') missing.push(criterion.code);
    else if (lines === 'invalid') invalid.push(criterion.code);
    else {
      scored.push(...lines);
      scoredWeight += criterion.weight;
    }
  }
  const coverageBps = totalWeight === 0 ? 0 : Math.floor((scoredWeight * 10_000) / totalWeight);
  const base = {
    methodVersion: method.version,
    missing,
    invalid,
    coverageBps,
    reweighted: scoredWeight < totalWeight,
  };
  if (scoredWeight === 0 || coverageBps < method.minCoverageBps) {
    const criteria = scored.map(({ weightParts: _parts, ...s }) => ({ ...s, contributionScore: 0 }));
    return { status: 'insufficient_data', score: null, riskClass: null, criteria, ...base };
  }
  const tenths = scoreTenths(scored, scoredWeight);
  const contributions = contributionsTenths(scored, tenths);
  const criteria = scored.map(({ weightParts: _parts, ...s }, index) => ({
    ...s,
    contributionScore: (contributions[index] ?? 0) / 10,
  }));
  const score = tenths / 10;
  return {
    status: 'scored',
    score,
    riskClass: classForScore(score, method.classThresholds),
    criteria,
    ...base,
  };
}

/** Subtotal of the contributions per ENCADRE group, for the explanation panel. */
export function contributionsByGroup(result: ScoreResult): Partial<Record<CriterionGroup, number>> {
  const tenthsByGroup: Partial<Record<CriterionGroup, number>> = {};
  for (const criterion of result.criteria) {
    tenthsByGroup[criterion.group] =
      (tenthsByGroup[criterion.group] ?? 0) + Math.round(criterion.contributionScore * 10);
  }
  const byGroup: Partial<Record<CriterionGroup, number>> = {};
  for (const [group, tenths] of Object.entries(tenthsByGroup)) byGroup[group as CriterionGroup] = tenths / 10;
  return byGroup;
}

/**
 * Completed years from `creationDate` to `asOf` (the `company_age_years` input): a company created
 * on 2023-03-15 is 2 on 2025-03-15 and still 1 the day before. A 29 February anniversary falls
 * on 1 March in other years.
 */
export function companyAgeYears(creationDate: IsoDate, asOf: IsoDate): number {
  const created = splitDate(creationDate);
  const today = splitDate(asOf);
  let years = today.year - created.year;
  if (today.month < created.month || (today.month === created.month && today.day < created.day)) years -= 1;
  return Math.max(years, 0);
}
