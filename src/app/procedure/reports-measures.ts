/**
 * The data model of the measures report (mesures prises et envisageables) as of a date: the
 * measures configured (credit configuration and dunning policies in force), the result of a
 * policy replay when one is given, and the measures that could be taken next with their effect
 * estimated on the same figures the dysfunctions report states.
 */

import type { DelegationMatrix } from '#core/credit/delegation';
import { type OrderCheckRules, publicBodyNoLimitDecision } from '#core/credit/order-check';
import { RISK_CLASSES, type ScoringMethod } from '#core/credit/scoring-method';
import { type DunningPolicy, ESCALATION_SETTINGS, escalationOn } from '#core/dunning/policy';
import {
  handOverEffect,
  type LimitedCustomer,
  limitEveryCustomerEffect,
  type OverdueInvoice,
  remindEffect,
  tightenLimitsEffect,
} from '#core/procedure/reports-effects';
import type {
  ConfiguredMeasure,
  MeasureSetting,
  MeasuresModel,
  ReplaySummary,
} from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import { riskClassesAsOf } from '#db/procedure/report-queries';
import type { AppContext } from '../context.ts';
import { type CompanyLimitPolicy, type ConfigVersion, configInForce } from '../credit/configuration.ts';
import { getPolicies } from '../dunning/policies.ts';
import {
  buildDysfunctionsModel,
  type DysfunctionsSources,
  type ProcedureReportInput,
} from './reports-dysfunctions.ts';
import { coverStatesAsOf, LAPSED_COVER_STATES } from './reports-gaps.ts';
import { replayForReport } from './reports-replay.ts';

/** Parameters of the measures proposed: stated in the report next to their effect. */
export const PROPOSAL_PARAMETERS = {
  remindAfterDays: 30,
  handOverAfterDays: 90,
  tightenClasses: ['D', 'E'] as const,
  tightenReductionBps: 2_500,
};

const money = (key: string, value: number | null, params?: Record<string, string>): MeasureSetting => ({
  key,
  value,
  kind: 'money',
  ...(params ? { params } : {}),
});

function versionOf(area: string, config: ConfigVersion, settings: MeasureSetting[]): ConfiguredMeasure {
  return {
    area,
    version: config.version,
    effectiveFrom: config.effectiveFrom,
    isDefault: config.isDefault,
    settings,
  };
}

function scoringSettings(method: ScoringMethod): MeasureSetting[] {
  return [
    { key: 'criteria', value: method.criteria.length, kind: 'count' },
    ...(['A', 'B', 'C', 'D'] as const).map((riskClass) => ({
      key: 'classThreshold',
      params: { riskClass },
      value: method.classThresholds[riskClass],
      kind: 'count' as const,
    })),
    { key: 'minCoverageBps', value: method.minCoverageBps, kind: 'bps' },
  ];
}

function limitSettings(policy: CompanyLimitPolicy): MeasureSetting[] {
  return [
    ...RISK_CLASSES.map((riskClass) => ({
      key: 'classShare',
      params: { riskClass },
      value: policy.byClass[riskClass].salesShareBps,
      kind: 'bps' as const,
    })),
    ...RISK_CLASSES.map((riskClass) =>
      money('classCeiling', policy.byClass[riskClass].ceilingMinor, { riskClass }),
    ),
    money('uninsuredTolerance', policy.uninsuredToleranceMinor),
    money('companyDefaultLimit', policy.companyDefaultMinor ?? null),
  ];
}

/**
 * Every class of the scoring method, in class order, and for each every role from the least to the
 * most senior: a class left out would read as one without any authority set.
 */
export function delegationSettings(matrix: DelegationMatrix): MeasureSetting[] {
  return RISK_CLASSES.flatMap((riskClass) =>
    matrix.levels.map((level) =>
      money('delegationCeiling', level.maxMinorByClass[riskClass], { role: level.role, riskClass }),
    ),
  );
}

function orderCheckSettings(rules: OrderCheckRules): MeasureSetting[] {
  return [
    { key: 'overLimitToleranceBps', value: rules.overLimitToleranceBps, kind: 'bps' },
    { key: 'overdueMaxDays', value: rules.overdueMaxDays, kind: 'days' },
    money('overdueMax', rules.overdueMaxMinor),
    ...Object.entries(rules.classDecisions).map(([riskClass, decision]) => ({
      key: 'classDecision',
      params: { riskClass },
      value: decision ?? null,
      kind: 'code' as const,
    })),
    { key: 'noLimit', value: rules.noLimit, kind: 'code' },
    { key: 'noLimitPublicBody', value: publicBodyNoLimitDecision(rules), kind: 'code' },
    { key: 'coverLapsed', value: rules.coverLapsed, kind: 'code' },
    { key: 'requiredElements', value: rules.requiredElements.length, kind: 'count' },
  ];
}

function dunningMeasures(policies: readonly DunningPolicy[], builtIn: boolean): ConfiguredMeasure[] {
  return policies.map((policy) => ({
    area: 'dunning',
    // The built-in policy has no saved version: a « v1 » beside « aucune version enregistrée » named one.
    version: builtIn ? policy.code : `${policy.code} v${policy.version}`,
    effectiveFrom: policy.effectiveFrom,
    isDefault: builtIn,
    settings: [
      { key: 'policyScope', value: policy.scope.kind, kind: 'code' },
      ...policy.steps.map((step) => ({
        key: 'dunningStep',
        params: { stepKind: step.kind, channel: step.channel },
        value: step.offsetDays,
        kind: 'days' as const,
      })),
      { key: 'minimumDaysBetweenSteps', value: policy.minimumDaysBetweenSteps, kind: 'days' },
      // Escalation with the account: on, or off (null, worded « Règle désactivée »).
      ...ESCALATION_SETTINGS.map((key) => ({
        key,
        value: escalationOn(policy, key) ? 'on' : null,
        kind: 'code' as const,
      })),
    ],
  }));
}

async function insuranceMeasure(ctx: AppContext, asOf: IsoDate): Promise<ConfiguredMeasure> {
  const covers = await coverStatesAsOf(ctx, asOf);
  const active = covers.filter((c) => c.state === 'active');
  return {
    area: 'insurance',
    version: '—',
    effectiveFrom: asOf,
    isDefault: covers.length === 0,
    settings: [
      { key: 'activeCovers', value: active.length, kind: 'count' },
      money(
        'grantedTotal',
        active.reduce((s, c) => s + c.grantedMinor, 0),
      ),
      {
        key: 'lapsedCovers',
        value: covers.filter((c) => LAPSED_COVER_STATES.has(c.state)).length,
        kind: 'count',
      },
    ],
  };
}

async function configuredMeasures(ctx: AppContext, asOf: IsoDate): Promise<ConfiguredMeasure[]> {
  const scoring = await configInForce(ctx, 'scoring_method', asOf);
  const limits = await configInForce(ctx, 'limit_policy', asOf);
  const delegation = await configInForce(ctx, 'delegation_matrix', asOf);
  const orderRules = await configInForce(ctx, 'order_rules', asOf);
  const policies = await getPolicies(ctx, { asOf });
  return [
    versionOf('scoring', scoring, scoringSettings(scoring.body)),
    versionOf('limits', limits, limitSettings(limits.body)),
    versionOf('delegation', delegation, delegationSettings(delegation.body)),
    versionOf('order_check', orderRules, orderCheckSettings(orderRules.body)),
    ...dunningMeasures(policies.inForce, policies.builtIn),
    await insuranceMeasure(ctx, asOf),
  ];
}

/** The estimates' inputs: each open overdue invoice and each customer's class, limit and balance. */
async function estimateInputs(ctx: AppContext, asOf: IsoDate, sources: DysfunctionsSources) {
  const classes = await riskClassesAsOf(ctx.db, ctx.companyId, asOf);
  // What the dunning procedure must not remind (proceedings, disputes, pauses, litigation…) is
  // neither to remind nor to hand over, as the dysfunctions report's gaps leave it out.
  const invoices: OverdueInvoice[] = sources.overdue
    .filter((i) => i.excludedFor === null)
    .map((i) => ({
      customerCode: i.customerCode,
      openMinor: i.openMinor,
      daysLate: i.daysLate,
      reminded: i.reminded,
    }));
  const customers: LimitedCustomer[] = sources.table.rows.map((row) => ({
    code: row.code,
    riskClass: classes.get(row.code) ?? null,
    balanceMinor: row.balanceMinor,
    creditLimitMinor: row.creditLimitMinor,
  }));
  return { invoices, customers };
}

export interface MeasuresInput extends ProcedureReportInput {
  /** A policy replay's result to report on; without it the section says no replay was run. */
  replay?: ReplaySummary | null | undefined;
  /** Or a replay to run over the year to the date: a stored version, or a proposal (parsed JSON). */
  replayVersion?: string | undefined;
  replayProposal?: unknown;
  /** Or a finished `procedure.replay` job whose result to state. */
  replayJobId?: number | undefined;
}

export async function buildMeasuresModel(ctx: AppContext, input: MeasuresInput = {}): Promise<MeasuresModel> {
  const { model: dysfunctions, sources } = await buildDysfunctionsModel(ctx, input);
  const asOf = dysfunctions.asOf;
  const { kpis } = sources;
  const dailySalesMinor = kpis.days > 0 ? Math.round(kpis.creditSalesMinor / kpis.days) : null;
  const basis = { dailySalesMinor, rateBps: dysfunctions.lateCost.rateBps };
  const { invoices, customers } = await estimateInputs(ctx, asOf, sources);
  const p = PROPOSAL_PARAMETERS;
  return {
    asOf,
    currency: dysfunctions.currency,
    configured: await configuredMeasures(ctx, asOf),
    replay:
      input.replay ??
      (await replayForReport(ctx, asOf, {
        jobId: input.replayJobId,
        version: input.replayVersion,
        proposal: input.replayProposal,
      })),
    proposals: [
      remindEffect(invoices, p.remindAfterDays, basis),
      tightenLimitsEffect(customers, p.tightenClasses, p.tightenReductionBps, basis),
      limitEveryCustomerEffect(customers, basis),
      handOverEffect(invoices, p.handOverAfterDays, basis),
    ],
    basis: { ...basis, dsoDays: kpis.dsoSimpleDays },
  };
}
