/**
 * Which bank lines are returns of money received earlier (a bounced cheque, a rejected direct
 * debit, a returned transfer): the bank says so with a return reason (camt RtrInf, CFONB
 * rejection code), a bank transaction code of the return families, a reversal indicator, or
 * — in the formats that have nothing better — a label such as "CHQ IMPAYE" or "REJET PRLV".
 */

/** ISO 20022 sub-families of returned or unpaid items (PMNT/<family>/<sub-family>). */
const RETURN_SUBFAMILIES = new Set(['RRTN', 'UPCQ', 'URCQ', 'UPDD', 'RPCR', 'ARET', 'CHRG_RTN']);
const RETURN_LABEL = /\b(IMPAYE|IMPAYES|REJET|REJETE|RETOUR|UNPAID|RETURNED|CHQ\s+IMP)\b/i;

export interface ReturnClues {
  amountMinor: number;
  returnReason: string | null;
  reversal: boolean;
  bankTxCode: string | null;
  label: string | null;
}

export function isReturnedPayment(clues: ReturnClues): boolean {
  if (clues.amountMinor >= 0) return false;
  if (clues.returnReason !== null || clues.reversal) return true;
  const subFamily = clues.bankTxCode?.split('/')[2];
  if (subFamily && RETURN_SUBFAMILIES.has(subFamily)) return true;
  return RETURN_LABEL.test(clues.label ?? '');
}
