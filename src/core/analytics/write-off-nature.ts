/**
 * What a write-off document is, for the indicators: a loss on a bad debt (« pertes sur créances
 * irrécouvrables », account 654), or a small difference left by a payment and charged to expense
 * (« écart de règlement » — bank charges, a discount the customer took, rounding: accounts 627 or
 * 658). Both are `write_off` documents in the ledger; only the first is a loss on receivables.
 *
 * The ledger keeps no account on a document, and an amount threshold cannot tell a 40 € deduction
 * from a 40 € debt given up, so the nature comes from where the write-off came from:
 * - approved through the write-off capability (a proposal, its delegation, its VAT note): a bad
 *   debt — that is what the capability is for, and what `writeoff list` lists;
 * - written by the cash application with a receipt (`cash_applications`, the tolerance for bank
 *   charges or a discount): a settlement difference;
 * - imported: a settlement difference when the invoice it settles also received a payment (the
 *   customer paid the invoice less a deduction), a bad debt when nothing was paid on it.
 */

export type WriteOffNature = 'bad_debt' | 'settlement_difference';

export interface WriteOffOrigin {
  /** A write-off proposal approved through the write-off capability wrote it. */
  approvedProposal: boolean;
  /** The cash application wrote it with a receipt (bank charges, discount). */
  cashApplication: boolean;
  /** An invoice it settles also received a payment. */
  paidInvoice: boolean;
}

export function writeOffNature(origin: WriteOffOrigin): WriteOffNature {
  if (origin.approvedProposal) return 'bad_debt';
  if (origin.cashApplication) return 'settlement_difference';
  return origin.paidInvoice ? 'settlement_difference' : 'bad_debt';
}

/**
 * Σ of each nature, as positive amounts (a loss of 1 519,53 €, not −1 519,53 €): the documents are
 * credits, negative in the ledger.
 */
export function writeOffTotals(rows: readonly (WriteOffOrigin & { amountMinor: number })[]): {
  badDebtsMinor: number;
  settlementDifferencesMinor: number;
} {
  let badDebtsMinor = 0;
  let settlementDifferencesMinor = 0;
  for (const row of rows) {
    if (writeOffNature(row) === 'bad_debt') badDebtsMinor -= row.amountMinor;
    else settlementDifferencesMinor -= row.amountMinor;
  }
  return { badDebtsMinor, settlementDifferencesMinor };
}
