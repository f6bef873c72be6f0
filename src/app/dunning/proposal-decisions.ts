/**
 * Deciding a dunning proposal (run-proposals.ts). Approving carries the run out for the
 * proposal's date through `carryOutDunningRun`, for all its customers or a selection of them: the
 * run plans again, so an invoice paid since is not reminded, and what a run of that date already
 * sent is not sent twice. The proposal is marked approved, with its run, inside the run's
 * transaction under the dunning lock: two approvals never both send. Rejecting records who and why.
 */
import type { Kysely } from 'kysely';
import { decideProposal, type ProposalRow } from '#db/dunning/proposal-queries';
import type { Database } from '#db/infra/schema';
import { type Lang, translator } from '#text/catalogue';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { carryOutDunningRun, type DunningRunSummary } from './execute-run.ts';
import { findProposal, type ProposalView, proposalView } from './run-proposals.ts';

/** Who may send a proposed run or turn it down (the CLI acts for the company). */
const DECIDERS = new Set(['admin', 'credit_manager']);

function checkDecider(ctx: AppContext): void {
  if (ctx.user && !DECIDERS.has(ctx.user.role))
    throw new DomainError('forbidden', {
      key: 'errors.dunning.roleMayNotDecide',
      params: { role: wordedLabel('role', ctx.user.role) },
    });
}

/** The conflict of a decision on a proposal already decided, worded for the person. */
function notPending(row: Pick<ProposalRow, 'proposalId' | 'status'>, lang: Lang): DomainError {
  return new DomainError(
    'conflict',
    translator(lang)('dunningProposals.error.notPending', { id: row.proposalId, status: row.status }),
    { reason: 'proposal_not_pending', status: row.status },
  );
}

/** The conflict found inside a transaction: the proposal as it stands now. */
async function decidedMeanwhile(
  ctx: AppContext,
  db: Kysely<Database>,
  proposalId: number,
  lang: Lang,
): Promise<DomainError> {
  return notPending(await findProposal(ctx, db, proposalId), lang);
}

/** The customers an approval sends to: the proposal's, or the chosen ones among them. */
function chosenCustomers(row: ProposalRow, customerCodes: readonly string[] | undefined): string[] {
  if (customerCodes === undefined) return row.customerCodes;
  const chosen = [...new Set(customerCodes)];
  if (chosen.length === 0) throw new DomainError('invalid_input', { key: 'errors.dunning.chooseCustomer' });
  const proposed = new Set(row.customerCodes);
  const foreign = chosen.filter((code) => !proposed.has(code));
  if (foreign.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.dunning.notInProposal',
        params: { id: String(row.proposalId), codes: foreign.join(', ') },
      },
      { foreign },
    );
  return chosen;
}

export interface ApprovalResult {
  proposal: ProposalView;
  run: DunningRunSummary;
}

export async function approveRunProposal(
  ctx: AppContext,
  input: { proposalId: number; customerCodes?: readonly string[] | undefined; lang?: Lang | undefined },
): Promise<ApprovalResult> {
  checkDecider(ctx);
  const lang = input.lang ?? 'fr';
  const row = await findProposal(ctx, ctx.db, input.proposalId);
  if (row.status !== 'pending') throw notPending(row, lang);
  const customerCodes = chosenCustomers(row, input.customerCodes);
  const run = await carryOutDunningRun(
    ctx,
    { asOf: row.asOf, customerCodes },
    {
      withinRun: async (trx, runId) => {
        const at = ctx.clock.now();
        const decided = await decideProposal(trx, ctx.companyId, row.proposalId, {
          status: 'approved',
          by: ctx.actor,
          at,
          note: null,
          runId,
        });
        if (!decided) throw await decidedMeanwhile(ctx, trx, row.proposalId, lang);
        await recordAudit(ctx, trx, {
          action: 'dunning.proposal_approve',
          entity: 'dunning_run_proposal',
          entityKey: String(row.proposalId),
          before: { status: 'pending' },
          after: { status: 'approved', runId, customerCodes },
        });
      },
    },
  );
  return { proposal: proposalView(await findProposal(ctx, ctx.db, row.proposalId)), run };
}

export async function rejectRunProposal(
  ctx: AppContext,
  input: { proposalId: number; note?: string | null | undefined; lang?: Lang | undefined },
): Promise<ProposalView> {
  checkDecider(ctx);
  const lang = input.lang ?? 'fr';
  const note = input.note?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findProposal(ctx, trx, input.proposalId, true);
    if (row.status !== 'pending') throw notPending(row, lang);
    await decideProposal(trx, ctx.companyId, row.proposalId, {
      status: 'rejected',
      by: ctx.actor,
      at: ctx.clock.now(),
      note,
      runId: null,
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.proposal_reject',
      entity: 'dunning_run_proposal',
      entityKey: String(row.proposalId),
      before: { status: 'pending' },
      after: { status: 'rejected', note },
    });
    return proposalView(await findProposal(ctx, trx, row.proposalId));
  });
}
