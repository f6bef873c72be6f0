/**
 * A legal file as the shells show it: the invoices handed over with what the ledger still has open,
 * the steps the partner reported, the file's state and the partner's charges at the date.
 */
import {
  type FileState,
  fileState,
  type LegalStep,
  type PartnerCharges,
  partnerCharges,
  type StepReport,
} from '#core/legal/handover';
import type { IsoDate } from '#core/types';
import type { LegalFileRow, StepRow } from '#db/legal/handover-queries';

export interface LegalFileView extends Omit<LegalFileRow, 'steps'> {
  asOf: IsoDate;
  steps: StepRow[];
  state: FileState;
  charges: PartnerCharges;
  /** Open on the invoices at the hand-over. */
  handedMinor: number;
  /** Still open on them in our ledger at `asOf`. */
  outstandingMinor: number;
  /** The partner's last outstanding reported by `asOf`, or null. */
  partnerOutstandingMinor: number | null;
}

export const reportsOf = (steps: readonly StepRow[], asOf: IsoDate): StepReport[] =>
  steps
    .filter((s) => s.date <= asOf)
    .map((s) => ({
      step: s.step as LegalStep,
      date: s.date,
      recoveredMinor: Number(s.recoveredMinor),
      costsMinor: Number(s.costsMinor),
      partnerOutstandingMinor: s.partnerOutstandingMinor === null ? null : Number(s.partnerOutstandingMinor),
    }));

export function fileView(row: LegalFileRow, asOf: IsoDate): LegalFileView {
  const reports = reportsOf(row.steps, asOf);
  const invoices = row.invoices.map((invoice) => ({ ...invoice, openMinor: Number(invoice.openMinor) }));
  const lastReported = reports.filter((r) => r.partnerOutstandingMinor !== null).at(-1);
  return {
    ...row,
    // What the partner reported after the date is not known at the date.
    steps: row.steps.filter((s) => s.date <= asOf),
    invoices,
    asOf,
    state: fileState(reports, asOf),
    charges: partnerCharges(row, reports, asOf),
    handedMinor: invoices.reduce((sum, invoice) => sum + invoice.handedMinor, 0),
    outstandingMinor: invoices.reduce((sum, invoice) => sum + Math.max(invoice.openMinor, 0), 0),
    partnerOutstandingMinor: lastReported?.partnerOutstandingMinor ?? null,
  };
}
