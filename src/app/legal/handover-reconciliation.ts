/**
 * The monthly reconciliation of the lawyers' and agencies' files with ours (seed 002): for every
 * file handed over by the date, our outstanding on its invoices against the partner's last
 * reported outstanding, the difference split into recoveries not received, payments not
 * reported and outstanding that does not follow from the partner's own recoveries.
 */
import { type FileReconciliation, reconcileFile } from '#core/legal/handover-reconciliation';
import type { IsoDate } from '#core/types';
import { selectLegalFiles } from '#db/legal/handover-queries';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { fileView } from './handover-view.ts';

export interface FileReconciliationLine extends FileReconciliation {
  fileId: number;
  customerCode: string;
  customerName: string;
  partnerName: string;
  currency: string;
  handedMinor: number;
  /** Date of the partner's last report by the date (null: none). */
  lastReportDate: IsoDate | null;
  closedOn: IsoDate | null;
}

export interface HandoverReconciliation {
  asOf: IsoDate;
  files: FileReconciliationLine[];
  /** The files whose two sides differ. */
  differences: number;
  totals: { ourOutstandingMinor: number; partnerOutstandingMinor: number; differenceMinor: number };
}

export async function reconcileLegalFiles(
  ctx: AppContext,
  input: { asOf?: string | undefined; partnerId?: number | undefined } = {},
): Promise<HandoverReconciliation> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const rows = (await selectLegalFiles(ctx.db, ctx.companyId, asOf)).filter(
    (row) => input.partnerId === undefined || row.partnerId === input.partnerId,
  );
  const files = rows
    .map((row) => {
      const view = fileView(row, asOf);
      const lastReport = view.steps.filter((s) => s.date <= asOf).at(-1);
      return {
        fileId: view.fileId,
        customerCode: view.customerCode,
        customerName: view.customerName,
        partnerName: view.partnerName,
        currency: view.currency,
        handedMinor: view.handedMinor,
        lastReportDate: lastReport?.date ?? null,
        closedOn: view.state.closedOn,
        ...reconcileFile({
          handedMinor: view.handedMinor,
          ourOutstandingMinor: view.outstandingMinor,
          partnerRecoveredMinor: view.charges.recoveredMinor,
          partnerReportedOutstandingMinor: view.partnerOutstandingMinor,
        }),
      };
    })
    .sort((a, b) => a.fileId - b.fileId);
  const sum = (pick: (line: FileReconciliationLine) => number) =>
    files.reduce((total, f) => total + pick(f), 0);
  return {
    asOf,
    files,
    differences: files.filter((f) => f.differenceMinor !== 0 || f.reasons.length > 0).length,
    totals: {
      ourOutstandingMinor: sum((f) => f.ourOutstandingMinor),
      partnerOutstandingMinor: sum((f) => f.partnerOutstandingMinor),
      differenceMinor: sum((f) => f.differenceMinor),
    },
  };
}
