/**
 * What the legal file's annexes may show a lawyer. Annex 3 holds the exchanges with the debtor:
 * calls logged with it, its promises to pay, its disputes (as opened or resolved) and its payments
 * that came back unpaid — never the creditor's internal lines (risk alerts, credit decisions on its
 * orders, limit changes, insolvency watch) nor its internal notes. A note has no channel in the
 * story: it is internal unless its words record the debtor contesting (`isContestLine`), the one
 * note the cover letter and the injunction checklist rely on. A dispute line Encours writes when a
 * person edits a dispute or takes over an imported one is the creditor's bookkeeping of a dispute
 * already shown, not an exchange.
 * Annexes 1 and 2 also read the piece count an imported reminder states (« 5 pièces échues pour
 * 10 809,95 € »): its amount is that of all those pieces, not of the file's invoice beside it.
 */
import { foldWording } from '../text-fold.ts';

/** Story kinds that are, by their nature, exchanges with the debtor. */
const EXCHANGE_KINDS: ReadonlySet<string> = new Set(['call', 'promise', 'dispute', 'bounced_payment']);

export interface AnnexLineFact {
  kind: string;
  /** The line is the creditor's own follow-up of a dispute already shown (edited, taken over). */
  internalFollowUp: boolean;
  /** Its words say the debtor contests (`isContestLine`). */
  contest: boolean;
}

/** Whether a line of the debtor's story is an exchange with the debtor, shown in annex 3. */
export function isDebtorExchange(line: AnnexLineFact): boolean {
  if (line.contest) return true;
  return EXCHANGE_KINDS.has(line.kind) && !line.internalFollowUp;
}

const PIECES =
  /\b(\d{1,6})\s+(?:pieces?|factures?|documents?|items?|invoices?)\s+(?:echues?|overdue|due|impayees?)\b/;

/** The number of pieces an imported reminder says it covered (« 4 pièces échues »); null when unsaid. */
export function statedPieceCount(detail: string): number | null {
  const found = PIECES.exec(foldWording(detail));
  return found?.[1] ? Number(found[1]) : null;
}
