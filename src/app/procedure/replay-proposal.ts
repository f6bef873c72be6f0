/**
 * The proposed policy of a replay: a JSON file of the same shape as the versioned configurations
 * (each credit kind's body under its kind, partial bodies completed from the version in force,
 * dunning policies as saved by `dunning policy`), or the name of a stored version.
 *
 * ```json
 * { "version": "strict-2026",
 *   "order_rules": { "overdueMaxDays": 15, "classDecisions": { "D": "hold", "E": "refuse" } },
 *   "limit_policy": { "companyDefaultMinor": 0 },
 *   "scoring_method": { "classThresholds": { "C": 55, "D": 45 } },
 *   "exposure_config": { … }, "delegation_matrix": { … },
 *   "limitScaleBps": 8000,
 *   "dunning_policies": [ { "code": "strict", "effectiveFrom": "2025-01-01", "scope": { "kind": "default" },
 *       "currency": "EUR", "steps": [ … ], "formalNoticeLeadDays": 8, "minimumDaysBetweenSteps": 0,
 *       "promiseGraceDays": 2 } ] }
 * ```
 */
import type { ScoringMethod } from '#core/credit/scoring-method';
import { type DunningPolicy, policiesInForce } from '#core/dunning/policy';
import { validatePolicySet } from '#core/dunning/policy-validation';
import type { ReplayCreditConfig } from '#core/procedure/replay';
import type { IsoDate } from '#core/types';
import { label } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import {
  type ConfigKind,
  type CreditConfig,
  checkConfig,
  listConfigVersions,
} from '../credit/configuration.ts';
import { DEFAULT_POLICY, loadPolicies } from '../dunning/plan-data.ts';
import { DomainError } from '../errors.ts';
import { configProblemsWords } from './config-problem-words.ts';

export interface PolicyProposal {
  version?: string;
  order_rules?: Partial<CreditConfig['order_rules']>;
  limit_policy?: Partial<CreditConfig['limit_policy']>;
  exposure_config?: Partial<CreditConfig['exposure_config']>;
  delegation_matrix?: CreditConfig['delegation_matrix'];
  /** Class thresholds may name only the classes they move. */
  scoring_method?: Partial<Omit<ScoringMethod, 'classThresholds'>> & {
    classThresholds?: Partial<ScoringMethod['classThresholds']>;
  };
  limitScaleBps?: number;
  dunning_policies?: Omit<DunningPolicy, 'version'>[];
}

const REPLAYED_KINDS = [
  'order_rules',
  'limit_policy',
  'exposure_config',
  'delegation_matrix',
  'scoring_method',
] as const;

export function parseProposal(value: unknown): PolicyProposal {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError('invalid_input', { key: 'errors.procedure.proposalObject' });
  const proposal = value as PolicyProposal;
  const scale = proposal.limitScaleBps;
  if (scale !== undefined && (!Number.isSafeInteger(scale) || scale < 0 || scale > 100_000))
    throw new DomainError('invalid_input', { key: 'errors.procedure.limitScale' });
  if (proposal.dunning_policies !== undefined && !Array.isArray(proposal.dunning_policies))
    throw new DomainError('invalid_input', { key: 'errors.procedure.dunningPoliciesList' });
  for (const kind of REPLAYED_KINDS) {
    const body: unknown = proposal[kind];
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
      throw new DomainError('invalid_input', { key: 'errors.procedure.configObject', params: { kind } });
  }
  return proposal;
}

export function toReplayCredit(config: CreditConfig, limitScaleBps = 10_000): ReplayCreditConfig {
  return {
    order_rules: config.order_rules,
    exposure_config: config.exposure_config,
    delegation_matrix: config.delegation_matrix,
    companyDefaultLimitMinor: config.limit_policy.companyDefaultMinor ?? null,
    limitScaleBps,
  };
}

/** A proposed body over the one in force; a scoring method's thresholds merge class by class. */
function mergedBody(current: CreditConfig, kind: (typeof REPLAYED_KINDS)[number], proposal: PolicyProposal) {
  const value = { ...(current[kind] as object), ...(proposal[kind] as object) } as Record<string, unknown>;
  if (kind === 'scoring_method') {
    const body = proposal.scoring_method ?? {};
    value['classThresholds'] = { ...current.scoring_method.classThresholds, ...body.classThresholds };
    // Its scores name the method: the proposal's own name unless the body gives one.
    value['version'] = body.version ?? proposal.version ?? 'proposal';
  }
  return value as unknown as CreditConfig[typeof kind];
}

/** The proposal's credit configuration: its bodies over the version in force, each checked. */
export function proposedCredit(current: CreditConfig, proposal: PolicyProposal): CreditConfig {
  const merged = { ...current } as Record<ConfigKind, unknown>;
  for (const kind of REPLAYED_KINDS) {
    if (proposal[kind] === undefined) continue;
    const value = mergedBody(current, kind, proposal);
    const problems = checkConfig(kind, value);
    if (problems.length > 0)
      throw new DomainError(
        'invalid_input',
        { key: 'errors.procedure.configInvalid', params: { kind, problems: configProblemsWords(problems) } },
        { problems },
      );
    merged[kind] = value;
  }
  return merged as unknown as CreditConfig;
}

/** Proposed dunning policies, in force over the whole period (their own dates are not waited for). */
export function proposedDunning(
  current: readonly DunningPolicy[],
  proposal: PolicyProposal,
): DunningPolicy[] {
  if (!proposal.dunning_policies) return [...current];
  const policies = proposal.dunning_policies.map((p) => ({
    ...p,
    version: 1,
    effectiveFrom: '1900-01-01',
  }));
  const errors = validatePolicySet(policies).filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.procedure.dunningInvalid',
        params: {
          first: (lang) => label(lang, 'dunningPolicyProblem', errors[0]?.code ?? ''),
          others: errors.length - 1,
        },
      },
      { problems: errors },
    );
  return policies;
}

/** What scores: two methods differing only by their name and date give the same classes. */
export function sameScoring(a: ScoringMethod, b: ScoringMethod): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const scoring = (m: ScoringMethod) =>
    JSON.stringify(canonical([m.criteria, m.classThresholds, m.minCoverageBps]));
  return scoring(a) === scoring(b);
}

/**
 * A proposal resolved: its credit bodies, and the dunning policies a version name selects (null:
 * the proposal's own, or those in force).
 */
export interface ResolvedProposal {
  proposal: PolicyProposal;
  dunning: DunningPolicy[] | null;
}

/** `code@N`, or a code (its latest version): the stored dunning policy a name selects. */
function dunningPolicyNamed(all: readonly DunningPolicy[], name: string): DunningPolicy | null {
  const exact = all.find((p) => `${p.code}@${p.version}` === name);
  if (exact) return exact;
  const [latest] = policiesInForce(
    all.filter((p) => p.code === name),
    '9999-12-31',
  );
  return latest ?? null;
}

/**
 * A stored version name. Every credit kind saved under that name (scoring method included)
 * replaces the one in force, and the dunning policies are those in force on the latest of their
 * effective dates — the procedure as that version set it out. A name that is a dunning policy's
 * code (or `code@N`) puts that policy in place of its code among those in force (on that date, or
 * at the end of the period when the name is no credit version).
 */
export async function proposalOfVersion(
  ctx: AppContext,
  name: string,
  to: IsoDate,
): Promise<ResolvedProposal> {
  const proposal: PolicyProposal = { version: name };
  let versionDate: IsoDate | null = null;
  for (const kind of REPLAYED_KINDS) {
    const stored = (await listConfigVersions(ctx, kind)).find((v) => v.version === name && !v.isDefault);
    if (!stored) continue;
    if (versionDate === null || stored.effectiveFrom > versionDate) versionDate = stored.effectiveFrom;
    (proposal as Record<string, unknown>)[kind] = stored.body;
  }
  const all = await loadPolicies(ctx.db, ctx.companyId);
  const named = dunningPolicyNamed(all, name);
  if (versionDate === null && named === null)
    throw new DomainError('not_found', { key: 'errors.procedure.noVersionNamed', params: { name } });
  const inForce = policiesInForce(all, versionDate ?? to).filter((p) => p.code !== named?.code);
  // Before the company saved a policy of its own, the built-in one was in force.
  const dunning = named ? [...inForce, named] : inForce.length > 0 ? inForce : [DEFAULT_POLICY];
  return { proposal, dunning: dunning.map((p) => ({ ...p, effectiveFrom: '1900-01-01' })) };
}
