/**
 * Dunning runs reviewed before sending (issue 12): a company whose dunning settings ask for it has
 * its daily `dunning.run` job plan the run as the preview does and store a proposal (what it
 * would send, counted per channel and step, with the total due) instead of sending. A person
 * then approves or rejects it (proposal-decisions.ts). Each new proposal supersedes the pending
 * one, so at most one waits per company, and always the latest plan.
 */
import type { Kysely } from 'kysely';
import type { PlannedAction } from '#core/dunning/planner';
import { type RunActionFigures, runClaimTotals } from '#core/dunning/run-totals';
import {
  insertProposal,
  PROPOSAL_STATUSES,
  type ProposalRow,
  type ProposalStatus,
  type ProposalSummary,
  selectProposal,
  selectProposals,
  supersedePending,
} from '#db/dunning/proposal-queries';
import { lockDunning } from '#db/dunning/run-slices';
import type { Database } from '#db/infra/schema';
import { translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notOneOf } from './error-params.ts';
import {
  checkChosenCustomers,
  checkNotAhead,
  checkNotBehind,
  type DunningRunView,
  type PlanRunInput,
  previewDunningRun,
  resolveRunDate,
} from './plan-run.ts';
import { planInSlices } from './plan-slices.ts';

export type { ProposalStatus, ProposalSummary };

export interface ProposalView extends ProposalSummary {
  proposalId: number;
  asOf: string;
  status: ProposalStatus;
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  runId: number | null;
}

/** A proposal with its customers and, while it waits, what approving it would send now. */
export interface ProposalDetail extends ProposalView {
  customerCodes: string[];
  /** The run re-planned as of its date for its customers (an invoice paid since is gone); null once decided. */
  preview: DunningRunView | null;
}

export function proposalView(row: ProposalRow): ProposalView {
  return {
    proposalId: row.proposalId,
    asOf: row.asOf,
    status: row.status,
    ...row.summary,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    decisionNote: row.decisionNote,
    runId: row.runId,
  };
}

/** Adds one planned action to the counts (Map keys keep a stable order: first seen first). */
class SummaryCounts {
  readonly customers = new Set<string>();
  readonly byChannel = new Map<string, number>();
  readonly bySteps = new Map<string, ProposalSummary['bySteps'][number]>();
  /** Each action's figures, for what the run claims (run-totals.ts: no courtesy, no call task). */
  private readonly figures: RunActionFigures[] = [];
  actions = 0;

  add(action: PlannedAction): void {
    this.actions += 1;
    this.customers.add(action.customerCode);
    this.byChannel.set(action.channel, (this.byChannel.get(action.channel) ?? 0) + 1);
    const key = `${action.stepCode}/${action.channel}`;
    const step = this.bySteps.get(key) ?? {
      step: action.stepCode,
      stepKind: action.stepKind,
      level: action.level,
      channel: action.channel,
      actions: 0,
    };
    step.actions += 1;
    this.bySteps.set(key, step);
    const { customerCode, currency, stepKind, channel, openTotalMinor, creditsMinor } = action;
    const { interestTotalMinor: interestMinor, indemnityTotalMinor: indemnityMinor } = action;
    this.figures.push({
      customerCode,
      currency,
      stepKind,
      channel,
      openTotalMinor,
      creditsMinor,
      interestMinor,
      indemnityMinor,
    });
  }

  summary(): ProposalSummary {
    return {
      customers: this.customers.size,
      actions: this.actions,
      byChannel: [...this.byChannel].map(([channel, actions]) => ({ channel, actions })).sort(byName),
      bySteps: [...this.bySteps.values()].sort((a, b) => a.level - b.level || a.step.localeCompare(b.step)),
      totals: runClaimTotals(this.figures).map(({ currency, totalDueMinor }) => ({
        currency,
        totalDueMinor,
      })),
    };
  }
}

const byName = (a: { channel: string }, b: { channel: string }) => a.channel.localeCompare(b.channel);

/** The plan of the company (or of the chosen customers) as of a date, counted slice by slice. */
async function countPlan(
  trx: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes: readonly string[] | undefined,
) {
  const counts = new SummaryCounts();
  // An empty selection chooses nobody, as a run for it sends nothing.
  if (customerCodes?.length !== 0)
    for await (const { plan } of planInSlices(trx, companyId, { asOf, customerCodes }))
      for (const action of plan.actions) counts.add(action);
  return { summary: counts.summary(), customerCodes: [...counts.customers].sort() };
}

export interface ProposeResult {
  asOf: string;
  /** Null when nothing was due: no proposal to review. */
  proposal: ProposalView | null;
  /** The pending proposals this one replaced. */
  superseded: number[];
}

/**
 * Plans the run of a date (for all customers, or the chosen ones: a reviewed selection) and stores
 * it as a pending proposal, writing nothing else: the older pending proposals are superseded (a
 * plan of theirs not yet approved is planned again here). A day with nothing due stores no
 * proposal. Its date follows a run's rules: approving it must be able to send.
 */
export async function proposeDunningRun(
  ctx: AppContext,
  input: { asOf?: string | undefined; customerCodes?: readonly string[] | undefined } = {},
): Promise<ProposeResult> {
  const asOf = await resolveRunDate(ctx, input.asOf);
  await checkNotAhead(ctx, asOf);
  await checkChosenCustomers(ctx, input.customerCodes);
  return ctx.db.transaction().execute(async (trx) => {
    // Taken in turn with the runs: an approval under way sees its proposal still pending.
    await lockDunning(trx, ctx.companyId);
    await checkNotBehind(ctx, trx, asOf);
    const { summary, customerCodes } = await countPlan(trx, ctx.companyId, asOf, input.customerCodes);
    const at = ctx.clock.now();
    const superseded = await supersedePending(trx, ctx.companyId, { by: ctx.actor, at });
    if (summary.actions === 0) return { asOf, proposal: null, superseded };
    const proposalId = await insertProposal(trx, ctx.companyId, {
      asOf,
      customerCodes,
      summary,
      by: ctx.actor,
      at,
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.proposal_create',
      entity: 'dunning_run_proposal',
      entityKey: String(proposalId),
      before: null,
      after: { asOf, ...summary, superseded },
    });
    const row = await selectProposal(trx, ctx.companyId, proposalId);
    if (!row) throw new Error(`proposal ${proposalId} vanished`);
    ctx.log.info('dunning proposal', {
      companyId: ctx.companyId,
      proposalId,
      asOf,
      actions: summary.actions,
    });
    return { asOf, proposal: proposalView(row), superseded };
  });
}

export async function listRunProposals(
  ctx: AppContext,
  filter: { status?: string | undefined; limit?: number | undefined } = {},
): Promise<ProposalView[]> {
  const status = filter.status;
  if (status !== undefined && !(PROPOSAL_STATUSES as readonly string[]).includes(status))
    throw notOneOf('status', status, PROPOSAL_STATUSES, (lang, code) =>
      translator(lang)('dunningProposals.status', { status: code }),
    );
  const rows = await selectProposals(ctx.db, ctx.companyId, {
    status: status as ProposalStatus | undefined,
    limit: filter.limit ?? 50,
  });
  return rows.map(proposalView);
}

export async function findProposal(
  ctx: AppContext,
  db: Kysely<Database>,
  proposalId: number,
  forUpdate = false,
): Promise<ProposalRow> {
  const row = await selectProposal(db, ctx.companyId, proposalId, forUpdate);
  if (!row)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noProposal',
      params: { id: String(proposalId) },
    });
  return row;
}

/** A proposal; while pending, with the preview of what approving it would send now. */
export async function getRunProposal(ctx: AppContext, proposalId: number): Promise<ProposalDetail> {
  const row = await findProposal(ctx, ctx.db, proposalId);
  const preview =
    row.status === 'pending'
      ? await previewDunningRun(ctx, { asOf: row.asOf, customerCodes: row.customerCodes })
      : null;
  return { ...proposalView(row), customerCodes: row.customerCodes, preview };
}

/**
 * A run asked for (API, CLI) while the company reviews before sending: whoever asks, nothing is
 * sent; the run of the date (for the chosen customers, when given) becomes the pending proposal,
 * and the answer says so. Only its approval, by the credit department, sends.
 */
export async function proposedRun(ctx: AppContext, input: PlanRunInput): Promise<DunningRunView> {
  const { asOf, proposal } = await proposeDunningRun(ctx, {
    asOf: input.asOf,
    customerCodes: input.customerCodes,
  });
  return {
    asOf,
    runId: null,
    actions: [],
    skipped: [],
    deductedCredits: [],
    totals: [],
    tasksCreated: 0,
    batchLetterId: null,
    batchPath: null,
    batchFiles: [],
    proposal,
  };
}
