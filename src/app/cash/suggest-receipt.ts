/**
 * One receipt's suggestions made anew, inside the caller's transaction: after a person reverses a
 * match, the receipt waits again and would otherwise show no suggestion until the next matching
 * run. Its proposals are those a matching run would make (the same engine, the company's
 * tolerance), kept as ranked suggestions; nothing is applied.
 */
import { DEFAULT_PROPOSAL_SETTINGS } from '#core/cash/proposal';
import { replaceSuggestions } from '#db/cash/cash-writes';
import { cashSettings, customerNames, type ReceiptRow } from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';
import { buildCustomerIndex } from './customer-index.ts';
import { proposeForBatch } from './match-engine.ts';
import { suggestionRows } from './match-receipts.ts';

/**
 * Stores the receipt's ranked proposals as its suggestions and returns how many there are.
 * `ctx.db` is the caller's transaction: every read sees what it wrote (the invoices it reopened).
 */
export async function suggestAnew(ctx: AppContext, receipt: ReceiptRow): Promise<number> {
  const settings = await cashSettings(ctx.db, ctx.companyId);
  const index = buildCustomerIndex(await customerNames(ctx.db, ctx.companyId));
  const [proposed] = await proposeForBatch(ctx, index, [receipt], {
    ...DEFAULT_PROPOSAL_SETTINGS,
    writeOffToleranceMinor: settings.writeOffToleranceMinor,
  });
  const proposals = proposed?.proposals ?? [];
  await replaceSuggestions(
    ctx.db,
    ctx.companyId,
    [receipt.transactionId],
    suggestionRows(receipt.transactionId, proposals),
  );
  return proposals.length;
}
