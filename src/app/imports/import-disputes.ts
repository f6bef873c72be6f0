/**
 * The disputes an invoices file declares ("Disputed: Yes", "Litige : oui"): opened through the
 * dispute tables like one opened by hand, with the customer's story, the audit trail and a re-score,
 * dated the dispute date or the invoice date so that a forecast as of an earlier date knows of them
 * only from then. Re-importing the file opens nothing new.
 */
import type { Kysely } from 'kysely';
import { insertAudits } from '#db/audit/audit-queries';
import { openImportedDisputes } from '#db/imports/import-disputes';
import type { Database } from '#db/infra/schema';
import { insertEvents } from '#db/ledger/ledger-writes';
import { translator } from '#text/catalogue';
import { storyLine } from '#text/story';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';

/** Nothing in a yes/no column says why or who should answer: the catch-all reason and its desk. */
const IMPORTED_REASON = 'other';
const IMPORTED_DEPARTMENT = 'customer_service';

export interface InvoiceWithDispute {
  source: string;
  externalRef: string;
  disputedOn?: string;
}

export interface FileDisputes {
  opened: number;
  /** Invoices said to be disputed but settled when imported: no dispute is opened on them. */
  skippedSettled: number;
}

/** Opens the disputes of the file's invoices (already written); says how many were opened. */
export async function openFileDisputes(
  ctx: AppContext,
  trx: Kysely<Database>,
  fileName: string,
  invoices: readonly InvoiceWithDispute[],
): Promise<FileDisputes> {
  const wanted = invoices.flatMap((invoice) =>
    invoice.disputedOn === undefined
      ? []
      : [{ source: invoice.source, externalRef: invoice.externalRef, openedOn: invoice.disputedOn }],
  );
  if (wanted.length === 0) return { opened: 0, skippedSettled: 0 };
  const note = translator('fr')('imports.disputeNote', { file: fileName });
  const { opened, settledCount } = await openImportedDisputes(trx, ctx.companyId, ctx.actor, wanted, {
    reason: IMPORTED_REASON,
    department: IMPORTED_DEPARTMENT,
    note,
  });
  if (opened.length === 0) return { opened: 0, skippedSettled: settledCount };
  const story = storyLine('dunning.event.dispute', {
    reason: { domain: 'dunningDisputeReason', code: IMPORTED_REASON },
    department: { domain: 'dunningDepartment', code: IMPORTED_DEPARTMENT },
    note: { key: 'imports.disputeNote', params: { file: fileName } },
  });
  await insertEvents(
    trx,
    ctx.companyId,
    ctx.actor,
    opened.map((dispute) => ({
      customerCode: dispute.customerCode,
      kind: 'dispute' as const,
      eventDate: dispute.openedOn,
      documentRef: dispute.documentRef,
      ...story,
    })),
  );
  await insertAudits(
    trx,
    ctx.companyId,
    ctx.actor,
    opened.map((dispute) => ({
      action: 'dunning.dispute_open',
      entity: 'dunning_dispute',
      entityKey: String(dispute.disputeId),
      before: null,
      after: {
        documentRef: dispute.documentRef,
        reason: IMPORTED_REASON,
        department: IMPORTED_DEPARTMENT,
        amountMinor: dispute.amountMinor,
        note,
      },
    })),
  );
  // An open dispute is a criterion of the risk score.
  await requestRescore(ctx, trx, [...new Set(opened.map((dispute) => dispute.customerCode))], 'dispute');
  return { opened: opened.length, skippedSettled: settledCount };
}
