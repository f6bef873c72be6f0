/**
 * `replayProcedure`: replays the company's history from `from` to `to` through a proposed policy
 * and through the one in force, side by side (see `src/core/procedure/replay.ts`). It only reads:
 * one read-only snapshot transaction, then the pure engine in memory — the live ledger, the
 * decisions and the dunning log are never written. A jeu d'essai is any company: the demo company,
 * or a FEC or spreadsheets imported into a company of their own first.
 */
import { addDays, addMonths, daysBetween, isValidIsoDate } from '#core/calendar';
import type { ScoringMethod } from '#core/credit/scoring-method';
import type { DunningPolicy } from '#core/dunning/policy';
import {
  finishReplay,
  type ReplayPolicy,
  type ReplayResult,
  type ReplayScoring,
  type ReplaySnapshot,
  replayDays,
  startReplay,
} from '#core/procedure/replay';
import type { IsoDate } from '#core/types';
import { inReportSnapshot } from '#db/reports/report-session';
import { formatDate } from '#text/format';
import { defaultAsOf, findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { creditConfig, listConfigVersions } from '../credit/configuration.ts';
import { loadPolicies } from '../dunning/plan-data.ts';
import { DomainError } from '../errors.ts';
import {
  type PolicyProposal,
  parseProposal,
  proposalOfVersion,
  proposedCredit,
  proposedDunning,
  type ResolvedProposal,
  sameScoring,
  toReplayCredit,
} from './replay-proposal.ts';
import { loadReplaySnapshot } from './replay-snapshot.ts';

export interface ReplayInput {
  /** The proposed policy (a parsed JSON file) or the name of a stored version. */
  proposal?: unknown;
  version?: string | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  listLimit?: number | undefined;
}

export interface ReplayOutput extends ReplayResult {
  proposedLabel: string;
  /** The dunning policies the proposal runs (`code@version`); null: those in force, as they changed. */
  proposedDunning: string[] | null;
}

export type ReplayProgress = (doneDays: number, totalDays: number, day: IsoDate) => Promise<boolean>;

const MAX_DAYS = 3 * 366;

async function period(ctx: AppContext, input: ReplayInput): Promise<{ from: IsoDate; to: IsoDate }> {
  const to = input.to ?? (await defaultAsOf(ctx));
  const from = input.from ?? addDays(addMonths(to, -12), 1);
  for (const [field, date] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isValidIsoDate(date))
      throw new DomainError('invalid_input', {
        key: 'errors.procedure.notADate',
        params: { field, value: date },
      });
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.procedure.replayPeriod',
      params: { from: (lang) => formatDate(lang, from), to: (lang) => formatDate(lang, to) },
    });
  if (addDays(from, MAX_DAYS) < to)
    throw new DomainError('invalid_input', { key: 'errors.procedure.replayTooLong' });
  return { from, to };
}

async function proposalOf(ctx: AppContext, input: ReplayInput, to: IsoDate): Promise<ResolvedProposal> {
  if (input.proposal !== undefined && input.proposal !== null)
    return { proposal: parseProposal(input.proposal), dunning: null };
  if (input.version) return proposalOfVersion(ctx, input.version, to);
  throw new DomainError('invalid_input', { key: 'errors.procedure.noProposal' });
}

/**
 * What a replay proposes, checked before its job is queued: the proposal (each of its bodies over
 * the version in force at the end, its dunning policies) or the version it names. A bad policy or
 * an unknown version is then refused at once with its own code — an unknown version is not found —
 * rather than by a failed job once the history has been read. The period is the job's to check.
 */
export async function checkReplayInput(ctx: AppContext, input: ReplayInput): Promise<void> {
  const to = input.to ?? (await defaultAsOf(ctx));
  const { proposal, dunning } = await proposalOf(ctx, input, to);
  proposedCredit(await creditConfig(ctx, to), proposal);
  if (dunning === null) proposedDunning([], proposal);
}

/** The credit configurations in force over the period: one per change of version. */
async function currentCredit(ctx: AppContext, from: IsoDate, to: IsoDate) {
  const dates = new Set<IsoDate>([from]);
  for (const kind of ['order_rules', 'limit_policy', 'exposure_config', 'delegation_matrix'] as const)
    for (const v of await listConfigVersions(ctx, kind))
      if (!v.isDefault && v.effectiveFrom > from && v.effectiveFrom <= to) dates.add(v.effectiveFrom);
  const timeline = [];
  for (const date of [...dates].sort())
    timeline.push({ effectiveFrom: date, config: toReplayCredit(await creditConfig(ctx, date)) });
  return timeline;
}

/**
 * The proposal applied over the scoring method in force at each date a customer was scored: a
 * company that changed methods during the history (a new default version, say) re-scores each
 * date's inputs with that date's method as the proposal amends it, so a proposal that changes
 * nothing gives back every class recorded.
 */
async function proposedMethodsByDate(
  ctx: AppContext,
  snapshot: ReplaySnapshot,
  proposal: PolicyProposal,
): Promise<{ effectiveFrom: IsoDate; method: ScoringMethod }[]> {
  const dates = new Set<IsoDate>();
  for (const customer of snapshot.customers)
    for (const point of customer.scoringInputs ?? []) dates.add(point.asOf);
  const methods: { effectiveFrom: IsoDate; method: ScoringMethod }[] = [];
  for (const date of [...dates].sort())
    methods.push({
      effectiveFrom: date,
      method: proposedCredit(await creditConfig(ctx, date), proposal).scoring_method,
    });
  return methods;
}

export async function replayProcedure(
  ctx: AppContext,
  input: ReplayInput,
  onProgress?: ReplayProgress,
): Promise<ReplayOutput> {
  const { from, to } = await period(ctx, input);
  const { proposal, dunning } = await proposalOf(ctx, input, to);
  const company = await findCompany(ctx, ctx.companyId);
  if (!company)
    throw new DomainError('not_found', {
      key: 'errors.procedure.unknownCompany',
      params: { company: ctx.companyId },
    });
  const inForceAtEnd = await creditConfig(ctx, to);
  const proposedConfig = proposedCredit(inForceAtEnd, proposal);
  // Only a method that scores differently re-scores: otherwise both sides read the scores recorded.
  const scoring: ReplayScoring | null = sameScoring(
    proposedConfig.scoring_method,
    inForceAtEnd.scoring_method,
  )
    ? null
    : { method: proposedConfig.scoring_method, limitPolicy: proposedConfig.limit_policy };
  const { snapshot, currentPolicies } = await inReportSnapshot(ctx.db, async (trx) => ({
    snapshot: await loadReplaySnapshot(trx, ctx.companyId, company.currency, {
      from,
      to,
      scoringInputs: scoring !== null,
    }),
    currentPolicies: await loadPolicies(trx, ctx.companyId),
  }));
  if (scoring) scoring.methods = await proposedMethodsByDate(ctx, snapshot, proposal);
  const credit = await currentCredit(ctx, from, to);
  const label = proposal.version ?? input.version ?? 'proposal';
  const current: ReplayPolicy = { label: 'current', credit, dunningPolicies: currentPolicies };
  const proposedPolicies: DunningPolicy[] = dunning ?? proposedDunning(currentPolicies, proposal);
  const proposed: ReplayPolicy = {
    label,
    credit: [
      { effectiveFrom: from, config: toReplayCredit(proposedConfig, proposal.limitScaleBps ?? 10_000) },
    ],
    dunningPolicies: proposedPolicies,
    scoring,
  };
  const state = startReplay({ snapshot, current, proposed, from, to, listLimit: input.listLimit });
  const totalDays = daysBetween(from, to) + 1;
  // A month at a time: progress and cancellation are seen between slices.
  for (let sliceEnd = addDays(addMonths(from, 1), -1); state.next <= to; sliceEnd = addMonths(sliceEnd, 1)) {
    const done = replayDays(state, sliceEnd);
    // The last day replayed (≤ to), not the next one: « 2026-07-01 reached » past a `to` of 30/06.
    const reached = addDays(state.next, -1);
    if (onProgress && (await onProgress(done, totalDays, reached)) === false)
      throw new DomainError('conflict', { key: 'errors.procedure.replayCancelled' });
  }
  const keepsDunning = dunning === null && proposal.dunning_policies === undefined;
  return {
    ...finishReplay(state),
    proposedLabel: label,
    proposedDunning: keepsDunning ? null : proposedPolicies.map((p) => `${p.code}@${p.version}`),
  };
}
