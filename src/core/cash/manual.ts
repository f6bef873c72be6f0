/**
 * A person's own match of a receipt: the customer and the items they chose (invoices to pay,
 * credit notes to net, oldest first), and a write-off they allow. Same shape as an automatic
 * proposal, so one path writes both to the ledger.
 */
import type { Evidence } from './identify.ts';
import type { OpenItem, Proposal, ProposalPart, WriteOffReason } from './proposal.ts';

export interface ManualChoice {
  customerCode: string;
  items: readonly OpenItem[];
  writeOffMinor: number;
  writeOffReason: WriteOffReason | null;
}

export function manualProposal(
  amountMinor: number,
  choice: ManualChoice,
  evidence: Evidence[] = [],
): Proposal {
  const byAge = (a: OpenItem, b: OpenItem) =>
    a.dueDate.localeCompare(b.dueDate) || a.documentId - b.documentId;
  const debits = choice.items.filter((item) => item.openMinor > 0).sort(byAge);
  const credits = choice.items.filter((item) => item.openMinor < 0).sort(byAge);
  const creditsMinor = credits.reduce((sum, item) => sum - item.openMinor, 0);
  let availableMinor = amountMinor + choice.writeOffMinor + creditsMinor;
  const lines = [];
  for (const debit of debits) {
    const settled = Math.min(debit.openMinor, availableMinor);
    if (settled <= 0) break;
    lines.push({ documentId: debit.documentId, ref: debit.ref, amountMinor: settled });
    availableMinor -= settled;
  }
  return {
    customerCode: choice.customerCode,
    confidence: 100,
    method: 'oldest_first',
    debits: lines,
    credits: credits.map((item) => ({
      documentId: item.documentId,
      ref: item.ref,
      amountMinor: -item.openMinor,
    })),
    writeOffMinor: choice.writeOffMinor,
    writeOffReason: choice.writeOffMinor > 0 ? (choice.writeOffReason ?? 'bank_charges') : null,
    unappliedMinor: Math.max(0, availableMinor),
    evidence: [...evidence, { code: 'chosen_by_user' }],
  };
}

/** One customer's share of a receipt a person splits: its amount settles the items chosen, oldest first. */
export function manualPart(amountMinor: number, choice: ManualChoice): ProposalPart {
  const proposal = manualProposal(amountMinor, choice);
  return {
    customerCode: proposal.customerCode,
    amountMinor,
    debits: proposal.debits,
    credits: proposal.credits,
    writeOffMinor: proposal.writeOffMinor,
    writeOffReason: proposal.writeOffReason,
    unappliedMinor: proposal.unappliedMinor,
  };
}
