/**
 * Credit notes (avoirs): about 3 % of invoices get one — goods returned, damaged on delivery,
 * a pricing error — issued a few days to a few weeks after the invoice and matched against it.
 */
import { addDays } from '../core/calendar.ts';
import type { IsoDate } from '../core/types.ts';
import { DEMO_AS_OF, type InvoiceDraft } from './demo-types.ts';
import { numberByYear } from './invoicing.ts';
import { createRng } from './random.ts';

export const CREDIT_NOTE_RATE = 0.03;

export const CREDIT_NOTE_REASONS = [
  'Retour de marchandise',
  'Marchandise endommagée à la livraison',
  'Erreur de prix facturé',
  'Geste commercial',
] as const;
export type CreditNoteReason = (typeof CREDIT_NOTE_REASONS)[number];

export interface CreditNoteDraft {
  ref: string;
  customerCode: string;
  invoiceRef: string;
  issueDate: IsoDate;
  /** Positive: the amount credited (the document itself carries the negative amount). */
  amountMinor: number;
  reason: CreditNoteReason;
}

export function generateCreditNotes(
  invoices: readonly InvoiceDraft[],
  excludedInvoiceRefs: ReadonlySet<string>,
  seed: number,
): CreditNoteDraft[] {
  const rng = createRng(seed, 'credit-notes');
  const drafts: Omit<CreditNoteDraft, 'ref'>[] = [];
  for (const invoice of invoices) {
    // Draw for every invoice, excluded or not, so that exclusions do not shift the others.
    const selected = rng.chance(CREDIT_NOTE_RATE);
    const reason = rng.weighted<CreditNoteReason>([
      ['Retour de marchandise', 0.35],
      ['Marchandise endommagée à la livraison', 0.3],
      ['Erreur de prix facturé', 0.25],
      ['Geste commercial', 0.1],
    ]);
    const isFullCredit = reason === 'Retour de marchandise' && rng.chance(0.3);
    const share = isFullCredit ? 1 : rng.between(0.05, 0.4);
    const issueDate = addDays(invoice.issueDate, rng.int(3, 35));
    if (!selected || excludedInvoiceRefs.has(invoice.ref) || issueDate > DEMO_AS_OF) continue;
    drafts.push({
      customerCode: invoice.customerCode,
      invoiceRef: invoice.ref,
      issueDate,
      amountMinor: Math.max(1, Math.round(invoice.amountMinor * share)),
      reason,
    });
  }
  return numberByYear(drafts, 'AV', 5, (a, b) => (a.invoiceRef < b.invoiceRef ? -1 : 1));
}
