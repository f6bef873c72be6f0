/**
 * A batch proposed early — on the run's copy of the ledger while the batch before it is written
 * (match-receipts.ts) — brought up to the copy once the written batch is read into it. A
 * proposal depends on the ledger only through the open items of the customers it read and, for
 * a receipt that names nobody, through who owes its amount, and for one a recorded payment fitted,
 * through whether a match written since took that payment (match-engine.ts proposeForBatch), so
 * only those receipts are proposed again: every proposal is then the one a proposal made after
 * the refresh would be, and most of the work was done while the database wrote.
 */
import type { ProposalSettings } from '#core/cash/proposal';
import type { AppContext } from '../context.ts';
import type { CustomerIndex } from './customer-index.ts';
import type { Identified } from './identify-batch.ts';
import type { MatchingLedger } from './ledger-view.ts';
import { type ProposedReceipt, proposeForBatch } from './match-engine.ts';

export interface EarlyProposals {
  /** The batch's receipts identified ahead, in the batch's order. */
  ahead: readonly Identified[];
  /** Their proposals, in the same order, on the ledger as it was. */
  proposed: readonly ProposedReceipt[];
}

/** The receipts (positions) whose early proposals a change of these customers' open items may alter. */
export function staleProposals(
  proposed: readonly ProposedReceipt[],
  changedCustomers: ReadonlySet<string>,
): number[] {
  return proposed.flatMap((item, at) =>
    item.byAmount || item.recordedRead || item.customersRead.some((code) => changedCustomers.has(code))
      ? [at]
      : [],
  );
}

/**
 * The early proposals as `ledger` — the copy refreshed since, whose open items changed for
 * `changedCustomers` only — gives them.
 */
export async function updatedProposals(
  ctx: AppContext,
  index: CustomerIndex,
  settings: ProposalSettings,
  ledger: MatchingLedger,
  changedCustomers: ReadonlySet<string>,
  early: EarlyProposals,
): Promise<ProposedReceipt[]> {
  const stale = staleProposals(early.proposed, changedCustomers);
  const proposed = [...early.proposed];
  if (stale.length === 0) return proposed;
  const again = await proposeForBatch(
    ctx,
    index,
    stale.map((at) => (early.proposed[at] as ProposedReceipt).receipt),
    settings,
    stale.map((at) => early.ahead[at] as Identified),
    ledger,
  );
  for (const [position, at] of stale.entries()) proposed[at] = again[position] as ProposedReceipt;
  return proposed;
}
