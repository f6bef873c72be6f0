/**
 * The proposed policy of a replay: a JSON file of the same shape as the versioned configurations
 * (each credit kind's body under its kind, partial bodies completed from the version in force,
 * dunning policies as saved by `dunning policy`), or the name of a stored credit version.
 *
 * ```json
 * { "version": "strict-2026",
 *   "order_rules": { "overdueMaxDays": 15, "classDecisions": { "D": "hold", "E": "refuse" } },
 *   "limit_policy": { "companyDefaultMinor": 0 },
 *   "exposure_config": { … }, "delegation_matrix": { … },
 *   "limitScaleBps": 8000,
 *   "dunning_policies": [ { "code": "strict", "effectiveFrom": "2025-01-01", "scope": { "kind": "default" },
 *       "currency": "EUR", "steps": [ … ], "formalNoticeLeadDays": 8, "minimumDaysBetweenSteps": 0,
 *       "promiseGraceDays": 2 } ] }
 * ```
 */
import type { DunningPolicy } from '#core/dunning/policy';
import { validatePolicySet } from '#core/dunning/policy-validation';
import type { ReplayCreditConfig } from '#core/procedure/replay';
import type { AppContext } from '../context.ts';
import {
  type ConfigKind,
  type CreditConfig,
  checkConfig,
  listConfigVersions,
} from '../credit/configuration.ts';
import { DomainError } from '../errors.ts';

export interface PolicyProposal {
  version?: string;
  order_rules?: Partial<CreditConfig['order_rules']>;
  limit_policy?: Partial<CreditConfig['limit_policy']>;
  exposure_config?: Partial<CreditConfig['exposure_config']>;
  delegation_matrix?: CreditConfig['delegation_matrix'];
  limitScaleBps?: number;
  dunning_policies?: Omit<DunningPolicy, 'version'>[];
}

const REPLAYED_KINDS = ['order_rules', 'limit_policy', 'exposure_config', 'delegation_matrix'] as const;

export function parseProposal(value: unknown): PolicyProposal {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError('invalid_input', 'the proposed policy must be a JSON object');
  const proposal = value as PolicyProposal;
  const scale = proposal.limitScaleBps;
  if (scale !== undefined && (!Number.isSafeInteger(scale) || scale < 0 || scale > 100_000))
    throw new DomainError(
      'invalid_input',
      'limitScaleBps is a whole number of basis points (10000 = unchanged)',
    );
  if (proposal.dunning_policies !== undefined && !Array.isArray(proposal.dunning_policies))
    throw new DomainError('invalid_input', 'dunning_policies must be a list of policies');
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

/** The proposal's credit configuration: its bodies over the version in force, each checked. */
export function proposedCredit(current: CreditConfig, proposal: PolicyProposal): CreditConfig {
  const merged = { ...current } as Record<ConfigKind, unknown>;
  for (const kind of REPLAYED_KINDS) {
    const body = proposal[kind];
    if (body === undefined) continue;
    const value = { ...(current[kind] as object), ...(body as object) } as CreditConfig[typeof kind];
    const problems = checkConfig(kind, value);
    if (problems.length > 0)
      throw new DomainError('invalid_input', `the proposed ${kind} is invalid`, { problems });
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
    throw new DomainError('invalid_input', 'the proposed dunning policies are invalid', { problems: errors });
  return policies;
}

/** A stored version name: every credit kind saved under that name replaces the one in force. */
export async function proposalOfVersion(ctx: AppContext, version: string): Promise<PolicyProposal> {
  const proposal: PolicyProposal = { version };
  let found = false;
  for (const kind of REPLAYED_KINDS) {
    const stored = (await listConfigVersions(ctx, kind)).find((v) => v.version === version && !v.isDefault);
    if (!stored) continue;
    found = true;
    (proposal as Record<string, unknown>)[kind] = stored.body;
  }
  if (!found) throw new DomainError('not_found', `no stored configuration version named ${version}`);
  return proposal;
}
