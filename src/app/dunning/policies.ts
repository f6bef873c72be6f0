/**
 * Dunning policies as versioned configuration: read every version (and which is in force), check
 * a draft, save it as the next version (never an edit: the history is kept), and the templates
 * the steps name, editable per company and language.
 */
import { isValidIsoDate } from '#core/calendar';
import type { StepKind } from '#core/dunning/policy';
import { type DunningPolicy, policiesInForce, STEP_KINDS } from '#core/dunning/policy';
import { type PolicyProblem, validatePolicySet } from '#core/dunning/policy-validation';
import {
  insertPolicy,
  insertTemplateVersion,
  selectLatestTemplates,
  selectPolicies,
} from '#db/dunning/config-queries';
import type { Lang } from '#text/catalogue';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notADate } from './error-params.ts';
import { DEFAULT_POLICY, loadPolicies, policyOf } from './plan-data.ts';
import { checkTemplateSource } from './template-check.ts';
import { templateProblemsError, UNRENDERABLE } from './template-errors.ts';
import { shippedTemplate, type TemplateChannel } from './templates.ts';

export interface PolicySetView {
  asOf: string;
  /** Every saved version; the built-in default when the company saved none. */
  versions: DunningPolicy[];
  inForce: DunningPolicy[];
  builtIn: boolean;
}

export async function getPolicies(
  ctx: AppContext,
  input: { asOf?: string | undefined } = {},
): Promise<PolicySetView> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  const rows = await selectPolicies(ctx.db, ctx.companyId);
  const versions = rows.length === 0 ? [DEFAULT_POLICY] : rows.map(policyOf);
  return { asOf, versions, inForce: policiesInForce(versions, asOf), builtIn: rows.length === 0 };
}

/**
 * A version to save. Its escalation settings (`accountFloor`, `catchUpByAge`) are stored as said;
 * left unsaid, they are stored as null and read on (`escalationOn`).
 */
export type PolicyDraft = Omit<DunningPolicy, 'version'>;

async function withDraft(
  ctx: AppContext,
  draft: PolicyDraft,
): Promise<{ policy: DunningPolicy; all: DunningPolicy[] }> {
  const rows = await selectPolicies(ctx.db, ctx.companyId);
  const saved = rows.map(policyOf);
  const version = Math.max(0, ...saved.filter((p) => p.code === draft.code).map((p) => p.version)) + 1;
  const policy: DunningPolicy = { ...draft, version };
  return { policy, all: [...saved, policy] };
}

/** The problems the set would have with this draft saved (errors block saving, warnings do not). */
export async function validatePolicyDraft(ctx: AppContext, draft: PolicyDraft): Promise<PolicyProblem[]> {
  if (!isValidIsoDate(String(draft.effectiveFrom))) throw notADate('effectiveFrom', draft.effectiveFrom);
  const { all } = await withDraft(ctx, draft);
  return validatePolicySet(all);
}

export async function savePolicyVersion(
  ctx: AppContext,
  draft: PolicyDraft,
): Promise<{ policy: DunningPolicy; problems: PolicyProblem[] }> {
  const problems = await validatePolicyDraft(ctx, draft);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.dunning.policyInvalid',
        params: {
          first: wordedLabel('dunningPolicyProblem', errors[0]?.code ?? ''),
          others: errors.length - 1,
        },
      },
      { reason: 'policy_invalid', problems },
    );
  return ctx.db.transaction().execute(async (trx) => {
    const { policy } = await withDraft({ ...ctx, db: trx }, draft);
    const scope = policy.scope;
    await insertPolicy(trx, ctx.companyId, ctx.actor, {
      policyCode: policy.code,
      version: policy.version,
      effectiveFrom: policy.effectiveFrom,
      scopeKind: scope.kind,
      scopeValue:
        scope.kind === 'customer'
          ? scope.customerCode
          : scope.kind === 'risk_class'
            ? scope.riskClass
            : scope.kind === 'customer_type'
              ? scope.customerType
              : null,
      currency: policy.currency,
      formalNoticeLeadDays: policy.formalNoticeLeadDays,
      minimumDaysBetweenSteps: policy.minimumDaysBetweenSteps,
      promiseGraceDays: policy.promiseGraceDays,
      stepDates: policy.stepDates ?? 'as_is',
      accountFloor: policy.accountFloor ?? null,
      catchUpByAge: policy.catchUpByAge ?? null,
      steps: [...policy.steps],
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.policy',
      entity: 'dunning_policy',
      entityKey: `${policy.code}@${policy.version}`,
      before: null,
      after: policy,
    });
    return { policy, problems };
  });
}

export interface TemplateView {
  templateCode: string;
  channel: TemplateChannel;
  lang: Lang;
  source: string;
  version: number | null;
  edited: boolean;
}

/** The template a step uses: the company's latest version or the shipped text. */
/**
 * The step kind a template is written for: that of the first step of the policies using it (the
 * list shows the same), else the kind its code names (`dunning.courtesy`), else a reminder — so a
 * courtesy template asked without a kind shows the courtesy text, not the overdue reminder's.
 */
async function templateStepKind(ctx: AppContext, templateCode: string): Promise<StepKind> {
  const step = (await loadPolicies(ctx.db, ctx.companyId))
    .flatMap((policy) => policy.steps)
    .find((one) => one.templateCode === templateCode);
  if (step) return step.kind;
  const named = templateCode.split('.').at(-1);
  return (STEP_KINDS as readonly string[]).includes(named ?? '') ? (named as StepKind) : 'reminder';
}

export async function getTemplate(
  ctx: AppContext,
  request: { templateCode: string; stepKind?: StepKind | undefined; channel: TemplateChannel; lang: Lang },
): Promise<TemplateView> {
  const input = {
    ...request,
    stepKind: request.stepKind ?? (await templateStepKind(ctx, request.templateCode)),
  };
  const edited = (await selectLatestTemplates(ctx.db, ctx.companyId)).find(
    (t) => t.templateCode === input.templateCode && t.channel === input.channel && t.lang === input.lang,
  );
  if (edited)
    return {
      ...input,
      source: `## subject\n${edited.subject}\n${edited.body}`,
      version: edited.version,
      edited: true,
    };
  return {
    ...input,
    source: shippedTemplate(input.stepKind, input.channel, input.lang),
    version: null,
    edited: false,
  };
}

/**
 * Saves a template as its next version. One that cannot be rendered (a syntax error, an unknown
 * filter, an include) is refused in the editor's words (`template-check.ts`); the editor's save
 * (`saveCheckedTemplate`) refuses its other problems before.
 */
export async function saveTemplate(
  ctx: AppContext,
  input: { templateCode: string; channel: TemplateChannel; lang: Lang; source: string },
): Promise<TemplateView> {
  const blocking = checkTemplateSource(input.source, input.channel).filter((p) => p.blocking);
  if (blocking.length > 0) throw templateProblemsError(UNRENDERABLE, blocking);
  // The subject is kept apart so that lists can show it; the rest is stored as written.
  const match = /^##\s+subject\s*\n([^\n]*)\n?/m.exec(input.source);
  const subject = match?.[1]?.trim() ?? '';
  const body = match ? input.source.replace(match[0], '') : input.source;
  const version = await ctx.db.transaction().execute(async (trx) => {
    const v = await insertTemplateVersion(trx, ctx.companyId, ctx.actor, { ...input, subject, body });
    await recordAudit(ctx, trx, {
      action: 'dunning.template',
      entity: 'dunning_template',
      entityKey: `${input.templateCode}/${input.channel}/${input.lang}@${v}`,
      before: null,
      after: { subject, body },
    });
    return v;
  });
  return {
    templateCode: input.templateCode,
    channel: input.channel,
    lang: input.lang,
    source: input.source,
    version,
    edited: true,
  };
}
