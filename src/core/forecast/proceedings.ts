/**
 * Invoices of a customer in insolvency proceedings: a claim born before the opening judgment may
 * not be paid outside the court's plan (C. com. L622-7), so the habits that predict an ordinary
 * payment say nothing of it. Such an invoice keeps its figures for reference, says why first, and
 * is marked as not expected (the collection forecast leaves it out). An invoice issued after the
 * judgment is an ordinary claim of the continued business and is predicted as usual.
 */
import type { IsoDate } from '../types.ts';
import type { InvoicePrediction, InvoiceRecord } from './types.ts';

export interface Proceedings {
  /** 'safeguard' | 'receivership' | 'liquidation'. */
  procedure: string;
  /** The judgment's date, or null when unknown: every invoice issued by the cut-off is before it. */
  since: IsoDate | null;
}

/** Whether the invoice is a claim from before its customer's judgment. */
export function isPreJudgmentClaim(
  record: Pick<InvoiceRecord, 'issueDate'>,
  proceedings: Proceedings | undefined,
): boolean {
  if (!proceedings) return false;
  // The story's date is the BODACC publication, a few days after the judgment: an invoice issued
  // on it is still for a delivery before.
  return proceedings.since === null || record.issueDate <= proceedings.since;
}

/** The prediction of a pre-judgment claim: no ordinary payment expected, the reason first. */
export function underProceedings<T extends InvoicePrediction>(prediction: T, proceedings: Proceedings): T {
  return {
    ...prediction,
    paymentExpected: false,
    reasons: [
      {
        code: 'insolvency_proceedings',
        figures: { procedure: proceedings.procedure, since: proceedings.since ?? '' },
      },
      ...prediction.reasons,
    ],
  };
}
