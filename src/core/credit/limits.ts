/**
 * Credit limits: the recommended limit of a customer from its class and sales, and the limit in
 * force at a date with its fallbacks.
 *
 * Recommended limit = annual sales × the class's share, clamped to the class's floor and ceiling,
 * capped by the active insurer cover plus the uninsured amount the company accepts, then rounded
 * DOWN to the step (so rounding never lifts the limit above a cap). Each step is reported with its
 * figures so the recommendation can be explained.
 *
 * Limit in force: the customer's own limit, else its group's, else the company default; at each
 * level a temporary limit that has started and not expired wins over the permanent one, and an
 * expired temporary limit simply falls back to it.
 */
import type { CurrencyCode, IsoDate } from '../types.ts';
import { type InsurerCover, splitInsured } from './insurer-cover.ts';
import type { Problem, Reason } from './reason.ts';
import { roundDiv } from './rounding.ts';
import type { RiskClass } from './scoring-method.ts';

export interface ClassLimitRule {
  /** Share of the annual sales (incl. VAT) granted as credit, in bps. */
  salesShareBps: number;
  floorMinor: number;
  /** null = no ceiling. */
  ceilingMinor: number | null;
}

export interface LimitPolicy {
  currency: CurrencyCode;
  byClass: Record<RiskClass, ClassLimitRule>;
  roundingStepMinor: number;
  /** Exposure the company accepts beyond the insurer's cover. */
  uninsuredToleranceMinor: number;
  /** Without an active cover, cap at the tolerance alone (companies that insure everything). */
  capWithoutCover: boolean;
}

/**
 * 30 days of sales for class A down to 15 days for D (≈ 8.2 % … 4.1 % of annual sales); class E
 * trades on prepayment or cash on delivery only. Rounded to 500 €; 5 000 € beyond the cover.
 */
export const DEFAULT_LIMIT_POLICY: LimitPolicy = {
  currency: 'EUR',
  byClass: {
    A: { salesShareBps: 822, floorMinor: 500_000, ceilingMinor: null },
    B: { salesShareBps: 616, floorMinor: 300_000, ceilingMinor: 50_000_000 },
    C: { salesShareBps: 548, floorMinor: 100_000, ceilingMinor: 20_000_000 },
    D: { salesShareBps: 411, floorMinor: 0, ceilingMinor: 5_000_000 },
    E: { salesShareBps: 0, floorMinor: 0, ceilingMinor: 0 },
  },
  roundingStepMinor: 50_000,
  uninsuredToleranceMinor: 500_000,
  capWithoutCover: false,
};

export interface LimitRecommendation {
  recommendedMinor: number;
  currency: CurrencyCode;
  riskClass: RiskClass;
  /** Steps in order, each with its figures: sales share, floor, ceiling, cover cap, rounding. */
  steps: Reason[];
}

function coverCap(policy: LimitPolicy, cover: InsurerCover | null, asOf: IsoDate): Reason | null {
  const split = splitInsured(0, policy.currency, cover, asOf);
  if (split.coverState === 'active') {
    const capMinor = split.grantedMinor + policy.uninsuredToleranceMinor;
    const figures = {
      grantedMinor: split.grantedMinor,
      toleranceMinor: policy.uninsuredToleranceMinor,
      capMinor,
    };
    return { code: 'capped_by_cover', figures };
  }
  if (!policy.capWithoutCover) return null;
  const figures = { coverState: split.coverState, capMinor: policy.uninsuredToleranceMinor };
  return { code: 'capped_without_cover', figures };
}

export function recommendLimit(
  policy: LimitPolicy,
  facts: { riskClass: RiskClass; annualSalesMinor: number; cover: InsurerCover | null },
  asOf: IsoDate,
): LimitRecommendation {
  const rule = policy.byClass[facts.riskClass];
  const steps: Reason[] = [];
  const salesMinor = Math.max(facts.annualSalesMinor, 0);
  let amountMinor = Number(roundDiv(BigInt(salesMinor) * BigInt(rule.salesShareBps), 10_000n));
  steps.push({
    code: 'sales_share',
    figures: { annualSalesMinor: salesMinor, salesShareBps: rule.salesShareBps, amountMinor },
  });
  if (rule.salesShareBps > 0 && amountMinor < rule.floorMinor) {
    amountMinor = rule.floorMinor;
    steps.push({ code: 'raised_to_floor', figures: { floorMinor: rule.floorMinor } });
  }
  if (rule.ceilingMinor !== null && amountMinor > rule.ceilingMinor) {
    amountMinor = rule.ceilingMinor;
    steps.push({ code: 'lowered_to_ceiling', figures: { ceilingMinor: rule.ceilingMinor } });
  }
  const cap = coverCap(policy, facts.cover, asOf);
  if (cap && amountMinor > Number(cap.figures['capMinor'])) {
    amountMinor = Number(cap.figures['capMinor']);
    steps.push(cap);
  }
  const roundedMinor = amountMinor - (amountMinor % policy.roundingStepMinor);
  if (roundedMinor !== amountMinor) {
    steps.push({
      code: 'rounded_down',
      figures: { stepMinor: policy.roundingStepMinor, fromMinor: amountMinor },
    });
  }
  return { recommendedMinor: roundedMinor, currency: policy.currency, riskClass: facts.riskClass, steps };
}

export function validateLimitPolicy(policy: LimitPolicy): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isSafeInteger(policy.roundingStepMinor) || policy.roundingStepMinor <= 0) {
    problems.push({ code: 'rounding_step_not_positive', params: { stepMinor: policy.roundingStepMinor } });
  }
  if (!Number.isSafeInteger(policy.uninsuredToleranceMinor) || policy.uninsuredToleranceMinor < 0) {
    problems.push({ code: 'tolerance_negative', params: { toleranceMinor: policy.uninsuredToleranceMinor } });
  }
  for (const [riskClass, rule] of Object.entries(policy.byClass)) {
    if (!Number.isInteger(rule.salesShareBps) || rule.salesShareBps < 0) {
      problems.push({
        code: 'sales_share_negative',
        params: { riskClass, salesShareBps: rule.salesShareBps },
      });
    }
    if (!Number.isSafeInteger(rule.floorMinor) || rule.floorMinor < 0) {
      problems.push({ code: 'floor_negative', params: { riskClass, floorMinor: rule.floorMinor } });
    }
    if (rule.ceilingMinor !== null && !(rule.ceilingMinor >= rule.floorMinor)) {
      problems.push({ code: 'ceiling_below_floor', params: { riskClass, ceilingMinor: rule.ceilingMinor } });
    }
  }
  return problems;
}

export interface LimitRecord {
  amountMinor: number;
  currency: CurrencyCode;
  kind: 'permanent' | 'temporary';
  /** First day in force; null = always. */
  validFrom: IsoDate | null;
  /** Last day in force; required for a temporary limit (a temporary limit without end is permanent). */
  expiresOn: IsoDate | null;
}

export type LimitSource =
  | 'customer_temporary'
  | 'customer'
  | 'group_temporary'
  | 'group'
  | 'company_default'
  | 'none';

export interface ResolvedLimit {
  limitMinor: number | null;
  source: LimitSource;
  /** End of the temporary limit in force, when one is. */
  expiresOn: IsoDate | null;
  /** Temporary limits that expired and were skipped, for the explanation. */
  expiredTemporary: { level: 'customer' | 'group'; amountMinor: number; expiresOn: IsoDate }[];
}

function inForce(record: LimitRecord, asOf: IsoDate): boolean {
  return (
    (record.validFrom === null || record.validFrom <= asOf) &&
    (record.expiresOn === null || asOf <= record.expiresOn)
  );
}

/** The latest-starting record of a kind in force at asOf (a later start supersedes an earlier one). */
function pick(records: readonly LimitRecord[], kind: LimitRecord['kind'], asOf: IsoDate): LimitRecord | null {
  let best: LimitRecord | null = null;
  for (const record of records) {
    if (record.kind !== kind || !inForce(record, asOf)) continue;
    if (best === null || (record.validFrom ?? '') >= (best.validFrom ?? '')) best = record;
  }
  return best;
}

export function resolveLimit(
  levels: {
    customer: readonly LimitRecord[];
    group: readonly LimitRecord[];
    companyDefaultMinor: number | null;
  },
  asOf: IsoDate,
): ResolvedLimit {
  const expiredTemporary: ResolvedLimit['expiredTemporary'] = [];
  for (const level of ['customer', 'group'] as const) {
    for (const record of levels[level]) {
      if (record.kind === 'temporary' && record.expiresOn !== null && record.expiresOn < asOf) {
        expiredTemporary.push({ level, amountMinor: record.amountMinor, expiresOn: record.expiresOn });
      }
    }
    const temporary = pick(levels[level], 'temporary', asOf);
    if (temporary) {
      const source = level === 'customer' ? 'customer_temporary' : 'group_temporary';
      return { limitMinor: temporary.amountMinor, source, expiresOn: temporary.expiresOn, expiredTemporary };
    }
    const permanent = pick(levels[level], 'permanent', asOf);
    if (permanent)
      return { limitMinor: permanent.amountMinor, source: level, expiresOn: null, expiredTemporary };
  }
  if (levels.companyDefaultMinor !== null) {
    return {
      limitMinor: levels.companyDefaultMinor,
      source: 'company_default',
      expiresOn: null,
      expiredTemporary,
    };
  }
  return { limitMinor: null, source: 'none', expiresOn: null, expiredTemporary };
}
