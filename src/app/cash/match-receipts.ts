/**
 * `matchReceipts(ctx, {auto})`: every receipt still to apply gets its ranked proposals; with
 * `auto`, the best one is applied when its confidence reaches the company's threshold (and no
 * other customer is nearly as likely — core/cash/proposal.ts caps those), the rest stay as
 * suggestions for a person. Receipts are read in batches, each batch in one transaction, so
 * memory stays flat however many receipts wait; the matches of a batch are planned together and
 * written with a few statements (apply-batch.ts); a proposal the ledger refuses at write time (an
 * invoice settled meanwhile, or by a receipt before it in the batch) stays a suggestion. The open
 * items and the references are read once for the run (ledger-view.ts) and brought up to date after
 * each batch from what was written since, so the proposals are those of a plain read after each
 * batch. While the database writes a batch, the next batch is worked out as far as that batch
 * cannot change it: its leads (receipt-leads.ts: its words and the customers its names point at)
 * and its candidates (identify-batch.ts identifyAhead: payers taught and invoices named); on the
 * run's copy, its proposals too, made again once the copy is refreshed for the receipts whose
 * customers' open items the written batch changed, and for those that name nobody (who owes their
 * amount may have changed) — so the proposals are still those of a read after the write.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_PROPOSAL_SETTINGS, type Proposal, type ProposalSettings } from '#core/cash/proposal';
import {
  type AppliedReceipt,
  lockReceiptsToApply,
  type ReceiptOutcome,
  refreshReceiptStatistics,
  setReceiptOutcomes,
} from '#db/cash/batch-writes';
import { replaceSuggestions, type SuggestionRow } from '#db/cash/cash-writes';
import { cashSettings, customerNames, type ReceiptRow, receiptsToApply } from '#db/cash/matching-queries';
import type { Database } from '#db/infra/schema';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { applyBatch } from './apply-batch.ts';
import { buildCustomerIndex, type CustomerIndex } from './customer-index.ts';
import { updatedProposals } from './early-proposals.ts';
import { type Identified, identifyAhead } from './identify-batch.ts';
import {
  databaseLedger,
  type LedgerView,
  loadLedgerView,
  type MatchingLedger,
  refreshLedgerView,
} from './ledger-view.ts';
import { type ProposedReceipt, proposeForBatch, type ReceiptProposals } from './match-engine.ts';
import { receiptLeads } from './receipt-leads.ts';

export interface MatchReceiptsInput {
  auto: boolean;
  /** Overrides the company's threshold (1–100) for this run. */
  threshold?: number;
  batchSize?: number;
  /**
   * Called once each batch is written (and the next one worked out), with the receipts done so
   * far: the bench measures the heap a run keeps between batches there.
   */
  afterBatch?: (receiptsDone: number) => void;
}

export interface MatchedReceipt {
  transactionId: number;
  amountMinor: number;
  currency: string;
  outcome: 'applied' | 'suggested' | 'unmatched';
  customerCode: string | null;
  confidence: number | null;
  method: Proposal['method'] | null;
  invoices: string[];
  writeOffMinor: number;
  unappliedMinor: number;
}

export interface MatchReceiptsSummary {
  threshold: number;
  auto: boolean;
  receipts: number;
  applied: number;
  suggested: number;
  unmatched: number;
  /** Only the first 1,000 receipts are listed; the counts cover them all. */
  items: MatchedReceipt[];
}

const MAX_LISTED = 1000;

/** A receipt's proposals as its stored suggestions, best first (the evidence apart). */
export function suggestionRows(transactionId: number, proposals: readonly Proposal[]): SuggestionRow[] {
  return proposals.map((proposal, rank) => ({
    transactionId,
    rank: rank + 1,
    customerCode: proposal.customerCode,
    confidence: proposal.confidence,
    proposal: { ...proposal, evidence: undefined },
    evidence: proposal.evidence,
  }));
}

export async function matchReceipts(
  ctx: AppContext,
  input: MatchReceiptsInput,
): Promise<MatchReceiptsSummary> {
  const settings = await cashSettings(ctx.db, ctx.companyId);
  const threshold = input.threshold ?? settings.autoThreshold;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100)
    throw new DomainError('invalid_input', { key: 'errors.cash.threshold' });
  const proposalSettings = {
    ...DEFAULT_PROPOSAL_SETTINGS,
    writeOffToleranceMinor: settings.writeOffToleranceMinor,
  };
  const index = buildCustomerIndex(await customerNames(ctx.db, ctx.companyId));
  const summary: MatchReceiptsSummary = {
    threshold,
    auto: input.auto,
    receipts: 0,
    applied: 0,
    suggested: 0,
    unmatched: 0,
    items: [],
  };
  const batchSize = input.batchSize ?? 2000;
  let receipts = await receiptsToApply(ctx.db, ctx.companyId, 0, batchSize);
  // One batch reads what it needs once anyway: only a longer run reads the whole ledger's copy,
  // and has the receipts' statistics brought up to date meanwhile (batch-writes.ts).
  let view =
    receipts.length < batchSize
      ? null
      : (await Promise.all([loadLedgerView(ctx), refreshReceiptStatistics(ctx.db)]))[0];
  const ledger = view ?? databaseLedger(ctx);
  let batch = await proposeForBatch(
    ctx,
    index,
    receipts,
    proposalSettings,
    await workAhead(ctx, index, receipts, ledger),
    ledger,
  );
  for (;;) {
    const last = receipts.at(-1);
    if (!last) break;
    // The next receipts are read before this batch's transaction (one connection may be all there
    // is); they are worked out while the database writes this batch: their leads and candidates,
    // which the write cannot change, and on the run's copy their proposals as well, checked after.
    receipts = await receiptsToApply(ctx.db, ctx.companyId, last.transactionId, batchSize);
    const [, next] = await Promise.all([
      writeBatch(ctx, batch, input.auto, threshold, summary),
      workNext(ctx, index, receipts, proposalSettings, view),
    ]);
    if (receipts.length === 0) break;
    if (view && next.proposed) {
      view = await refreshLedgerView(ctx, view);
      batch = await updatedProposals(ctx, index, proposalSettings, view, view.changedCustomers, {
        ahead: next.ahead,
        proposed: next.proposed,
      });
    } else batch = await proposeForBatch(ctx, index, receipts, proposalSettings, next.ahead);
    input.afterBatch?.(summary.receipts);
  }
  input.afterBatch?.(summary.receipts);
  return summary;
}

/** The next batch's candidates, and on the run's copy its proposals, before the batch written meanwhile is read into it. */
interface NextBatch {
  ahead: Identified[];
  proposed: ProposedReceipt[] | null;
}

async function workNext(
  ctx: AppContext,
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
  settings: ProposalSettings,
  view: LedgerView | null,
): Promise<NextBatch> {
  const ahead = await workAhead(ctx, index, receipts, view ?? databaseLedger(ctx));
  return {
    ahead,
    proposed: view ? await proposeForBatch(ctx, index, receipts, settings, ahead, view) : null,
  };
}

async function workAhead(
  ctx: AppContext,
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
  view: MatchingLedger,
): Promise<Identified[]> {
  return identifyAhead(ctx, index, await receiptLeads(index, receipts), view);
}

/** The best proposal of each receipt that `writeBatch` will try to apply. */
function toApply(batch: readonly ReceiptProposals[], auto: boolean, threshold: number) {
  return batch.flatMap(({ receipt, proposals }) => {
    const best = proposals[0];
    return auto && best && best.confidence >= threshold ? [{ receipt, proposal: best }] : [];
  });
}

/** A batch's best proposals applied when sure enough, the others kept as suggestions: one transaction. */
async function writeBatch(
  ctx: AppContext,
  batch: readonly ReceiptProposals[],
  auto: boolean,
  threshold: number,
  summary: MatchReceiptsSummary,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    // A receipt applied meanwhile (by a person, or another run) is no longer this run's.
    const still = await lockReceiptsToApply(
      trx,
      ctx.companyId,
      batch.map((item) => item.receipt.transactionId),
    );
    const live = batch.filter((item) => still.has(item.receipt.transactionId));
    const matches = toApply(live, auto, threshold);
    const applied = await applyBatch(trx, { ...ctx, db: trx }, matches, 'auto');
    await recordOutcomes(trx, ctx.companyId, live, applied, summary);
  });
}

/** The suggestions of the receipts of a batch not applied, every receipt's state, and the run's counts. */
async function recordOutcomes(
  trx: Kysely<Database>,
  companyId: string,
  batch: readonly ReceiptProposals[],
  applied: ReadonlyMap<number, AppliedReceipt>,
  summary: MatchReceiptsSummary,
): Promise<void> {
  const suggestions: SuggestionRow[] = [];
  const states: ReceiptOutcome[] = [];
  for (const { receipt, proposals } of batch) {
    const best = proposals[0];
    const appliedAs = applied.get(receipt.transactionId) ?? null;
    const isApplied = appliedAs !== null;
    if (!isApplied) suggestions.push(...suggestionRows(receipt.transactionId, proposals));
    const status = isApplied ? 'applied' : best ? 'suggested' : 'open';
    states.push({ transactionId: receipt.transactionId, status, applied: appliedAs });
    const outcome = isApplied ? 'applied' : best ? 'suggested' : 'unmatched';
    summary[outcome]++;
    summary.receipts++;
    if (summary.items.length < MAX_LISTED)
      summary.items.push({
        transactionId: receipt.transactionId,
        amountMinor: receipt.amountMinor,
        currency: receipt.currency,
        outcome,
        customerCode: best?.customerCode ?? null,
        confidence: best?.confidence ?? null,
        method: best?.method ?? null,
        invoices: best?.debits.map((line) => line.ref) ?? [],
        writeOffMinor: best?.writeOffMinor ?? 0,
        unappliedMinor: best?.unappliedMinor ?? 0,
      });
  }
  await replaceSuggestions(
    trx,
    companyId,
    batch.map((item) => item.receipt.transactionId),
    suggestions,
  );
  await setReceiptOutcomes(trx, companyId, states);
}
