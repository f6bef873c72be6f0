/**
 * Versioned credit configuration: scoring method, order-check rules, limit policy, delegation
 * matrix, exposure buckets and message templates. A company starts on the defaults of the core; a
 * change is a new version with an effective date (validated by the core, audited), never an edit,
 * so every score and decision keeps naming the version that made it.
 */

import type { Kysely } from 'kysely';
import { DEFAULT_SCORING_METHOD, DEFAULT_SCORING_METHODS } from '#core/credit/default-scoring-method';
import {
  DEFAULT_DELEGATION_MATRIX,
  type DelegationMatrix,
  validateDelegationMatrix,
} from '#core/credit/delegation';
import { DEFAULT_EXPOSURE_CONFIG, type ExposureConfig } from '#core/credit/exposure';
import { DEFAULT_LIMIT_POLICY, type LimitPolicy, validateLimitPolicy } from '#core/credit/limits';
import { DEFAULT_ORDER_CHECK_RULES, type OrderCheckRules } from '#core/credit/order-check';
import { validateOrderCheckRules } from '#core/credit/order-check-validation';
import type { Problem } from '#core/credit/reason';
import { methodInForce, type ScoringMethod, validateScoringMethod } from '#core/credit/scoring-method';
import type { IsoDate } from '#core/types';
import { type ConfigRow, insertConfiguration, selectConfigurations } from '#db/credit/config-queries';
import type { Database } from '#db/infra/schema';
import { worded } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { configProblemsWords } from '../procedure/config-problem-words.ts';
import { DEFAULT_TEMPLATES, type MessageTemplates, validateTemplates } from './templates.ts';

export const CONFIG_KINDS = [
  'scoring_method',
  'order_rules',
  'limit_policy',
  'delegation_matrix',
  'exposure_config',
  'message_templates',
] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

/** Limit policy plus the company's default limit (the last fallback of `resolveLimit`). */
export type CompanyLimitPolicy = LimitPolicy & { companyDefaultMinor?: number | null };

export interface CreditConfig {
  scoring_method: ScoringMethod;
  order_rules: OrderCheckRules;
  limit_policy: CompanyLimitPolicy;
  delegation_matrix: DelegationMatrix;
  exposure_config: ExposureConfig;
  message_templates: MessageTemplates;
}

const DEFAULTS: CreditConfig = {
  scoring_method: DEFAULT_SCORING_METHOD,
  order_rules: DEFAULT_ORDER_CHECK_RULES,
  limit_policy: { ...DEFAULT_LIMIT_POLICY, companyDefaultMinor: null },
  delegation_matrix: DEFAULT_DELEGATION_MATRIX,
  exposure_config: DEFAULT_EXPOSURE_CONFIG,
  message_templates: DEFAULT_TEMPLATES,
};

const VALIDATORS: { [K in ConfigKind]: (body: CreditConfig[K]) => Problem[] } = {
  scoring_method: validateScoringMethod,
  order_rules: validateOrderCheckRules,
  limit_policy: validateLimitPolicy,
  delegation_matrix: validateDelegationMatrix,
  exposure_config: () => [],
  message_templates: validateTemplates,
};

export interface ConfigVersion<K extends ConfigKind = ConfigKind> {
  kind: K;
  version: string;
  effectiveFrom: IsoDate;
  body: CreditConfig[K];
  createdBy: string;
  createdAt: string | null;
  isDefault: boolean;
}

function versionOf<K extends ConfigKind>(kind: K, body: CreditConfig[K]): ConfigVersion<K> {
  const versioned = body as { version?: string; effectiveFrom?: string };
  return {
    kind,
    version: versioned.version ?? 'default',
    effectiveFrom: versioned.effectiveFrom ?? '1900-01-01',
    body,
    createdBy: 'system',
    createdAt: null,
    isDefault: true,
  };
}

/**
 * The built-in versions of a kind, oldest first. The scoring method has several: a new default is
 * dated, so that a score re-made for an earlier date uses the method of that date.
 */
function defaultVersions<K extends ConfigKind>(kind: K): ConfigVersion<K>[] {
  if (kind === 'scoring_method')
    return DEFAULT_SCORING_METHODS.map((method) => versionOf(kind, method as CreditConfig[K]));
  return [versionOf(kind, DEFAULTS[kind])];
}

/** The built-in version at a date; before the first one's date, the first one (a default has no gap). */
function defaultVersion<K extends ConfigKind>(kind: K, asOf: IsoDate): ConfigVersion<K> {
  const versions = defaultVersions(kind);
  return methodInForce(versions, asOf) ?? versions[0]!;
}

function fromRow<K extends ConfigKind>(kind: K, row: ConfigRow): ConfigVersion<K> {
  return {
    kind,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    body: row.body as CreditConfig[K],
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    isDefault: false,
  };
}

/** Every stored version of a kind (newest effective first), the default last. */
export async function listConfigVersions<K extends ConfigKind>(
  ctx: Pick<AppContext, 'db' | 'companyId'>,
  kind: K,
  db: Kysely<Database> = ctx.db,
): Promise<ConfigVersion<K>[]> {
  const rows = await selectConfigurations(db, ctx.companyId, kind);
  return [...rows.map((row) => fromRow(kind, row)), ...defaultVersions(kind).reverse()];
}

/** The version in force at a date: the latest effective on or before it, else the default. */
export async function configInForce<K extends ConfigKind>(
  ctx: Pick<AppContext, 'db' | 'companyId'>,
  kind: K,
  asOf: IsoDate,
  db: Kysely<Database> = ctx.db,
): Promise<ConfigVersion<K>> {
  // A built-in version applies only while no stored version is in force, whatever their dates.
  const stored = (await listConfigVersions(ctx, kind, db)).filter((version) => !version.isDefault);
  return methodInForce(stored, asOf) ?? defaultVersion(kind, asOf);
}

/** All kinds in force at a date. */
export async function creditConfig(
  ctx: Pick<AppContext, 'db' | 'companyId'>,
  asOf: IsoDate,
  db: Kysely<Database> = ctx.db,
): Promise<CreditConfig> {
  // One query for every kind: the order check reads the configuration on each call.
  const rows = await selectConfigurations(db, ctx.companyId);
  const entries = CONFIG_KINDS.map((kind) => {
    const stored = rows.filter((row) => row.kind === kind).map((row) => fromRow(kind, row));
    return [kind, (methodInForce(stored, asOf) ?? defaultVersion(kind, asOf)).body] as const;
  });
  return Object.fromEntries(entries) as unknown as CreditConfig;
}

export function checkConfig<K extends ConfigKind>(kind: K, body: CreditConfig[K]): Problem[] {
  if (typeof body !== 'object' || body === null) return [{ code: 'body_not_object', params: {} }];
  try {
    return VALIDATORS[kind](body);
  } catch {
    // A body of the wrong shape makes a validator trip over a missing field: it is invalid.
    return [{ code: 'body_malformed', params: { kind } }];
  }
}

/** Stores a new version (validated; a version name is never reused). */
export async function putConfigVersion<K extends ConfigKind>(
  ctx: AppContext,
  input: { kind: K; version: string; effectiveFrom: IsoDate; body: CreditConfig[K] },
): Promise<ConfigVersion<K>> {
  if (!(CONFIG_KINDS as readonly string[]).includes(input.kind))
    throw new DomainError('invalid_input', {
      key: 'errors.credit.configKindUnknown',
      params: { kind: input.kind },
    });
  const body = {
    ...input.body,
    version: input.version,
    effectiveFrom: input.effectiveFrom,
  } as CreditConfig[K];
  const problems = checkConfig(input.kind, body);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.credit.configProblems',
        params: {
          kind: worded('errors.credit.configKind', { kind: input.kind }),
          problems: configProblemsWords(problems),
        },
      },
      { problems },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const created = await insertConfiguration(trx, ctx.companyId, ctx.actor, {
      kind: input.kind,
      version: input.version,
      effectiveFrom: input.effectiveFrom,
      body,
    });
    if (!created)
      throw new DomainError('conflict', {
        key: 'errors.credit.versionExists',
        params: { version: input.version, kind: worded('errors.credit.configKind', { kind: input.kind }) },
      });
    await recordAudit(ctx, trx, {
      action: 'credit.config',
      entity: 'credit_configuration',
      entityKey: `${input.kind}:${input.version}`,
      before: null,
      after: { effectiveFrom: input.effectiveFrom },
    });
  });
  return (await listConfigVersions(ctx, input.kind)).find((v) => v.version === input.version)!;
}
