/**
 * `matchReceipts(ctx, {auto})`: every receipt still to apply gets its ranked proposals; with
 * `auto`, the best one is applied when its confidence reaches the company's threshold (and no
 * other customer is nearly as likely — core/cash/proposal.ts caps those), the rest stay as
 * suggestions for a person. Receipts are read in batches, each batch in one transaction, so
 * memory stays flat however many receipts wait; a proposal the ledger refuses at write time
 * (an invoice settled meanwhile) stays a suggestion.
 */
import { DEFAULT_PROPOSAL_SETTINGS, type Proposal } from '#core/cash/proposal';
import { appliedCount, replaceSuggestions, type SuggestionRow, setReceiptStatus } from '#db/cash/cash-writes';
import { cashSettings, customerNames, type ReceiptRow, receiptsToApply } from '#db/cash/matching-queries';
import { withSavepoint } from '#db/cash/savepoint';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { applyProposal } from './apply-proposal.ts';
import { buildCustomerIndex, proposeForBatch } from './match-engine.ts';

export interface MatchReceiptsInput {
  auto: boolean;
  /** Overrides the company's threshold (1–100) for this run. */
  threshold?: number;
  batchSize?: number;
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

export async function matchReceipts(
  ctx: AppContext,
  input: MatchReceiptsInput,
): Promise<MatchReceiptsSummary> {
  const settings = await cashSettings(ctx.db, ctx.companyId);
  const threshold = input.threshold ?? settings.autoThreshold;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100)
    throw new DomainError('invalid_input', 'the threshold is a whole number from 1 to 100');
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
  let afterId = 0;
  for (;;) {
    const receipts = await receiptsToApply(ctx.db, ctx.companyId, afterId, input.batchSize ?? 2000);
    const last = receipts.at(-1);
    if (!last) break;
    afterId = last.transactionId;
    const batch = await proposeForBatch(ctx, index, receipts, proposalSettings);
    await ctx.db.transaction().execute(async (trx) => {
      const scoped = { ...ctx, db: trx };
      const suggestions: SuggestionRow[] = [];
      const suggested: number[] = [];
      const open: number[] = [];
      for (const { receipt, proposals } of batch) {
        const best = proposals[0];
        let applied = false;
        if (input.auto && best && best.confidence >= threshold)
          applied = await tryApply(scoped, receipt, best);
        if (!applied)
          for (const [rank, proposal] of proposals.entries())
            suggestions.push({
              transactionId: receipt.transactionId,
              rank: rank + 1,
              customerCode: proposal.customerCode,
              confidence: proposal.confidence,
              proposal: { ...proposal, evidence: undefined },
              evidence: proposal.evidence,
            });
        if (!applied) (best ? suggested : open).push(receipt.transactionId);
        const outcome = applied ? 'applied' : best ? 'suggested' : 'unmatched';
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
        ctx.companyId,
        batch.map((item) => item.receipt.transactionId),
        suggestions,
      );
      await setReceiptStatus(trx, ctx.companyId, suggested, 'suggested');
      await setReceiptStatus(trx, ctx.companyId, open, 'open');
    });
  }
  return summary;
}

/** Applies inside a savepoint: a refusal of the ledger rules leaves the batch intact. */
async function tryApply(ctx: AppContext, receipt: ReceiptRow, proposal: Proposal): Promise<boolean> {
  try {
    await withSavepoint(ctx.db, async () => {
      const attempt = (await appliedCount(ctx.db, ctx.companyId, receipt.transactionId)) + 1;
      return applyProposal(ctx.db, ctx, receipt, proposal, 'auto', attempt);
    });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'ledger_rule') return false;
    throw error;
  }
}
