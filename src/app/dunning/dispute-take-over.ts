/**
 * Taking over (prendre en charge) a dispute known only from the imported customer story: a collector
 * makes it a live dispute record without resolving it. The record is opened on the imported event's
 * date, so the run, which left the invoice out for the event, leaves it out for the record from the
 * same day on (dunning-state.ts), without a gap; the record names the invoice, so the imported line
 * is no longer listed beside it (dispute-list.ts). From then on it is an ordinary open dispute.
 */
import type { Kysely } from 'kysely';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { DisputeRow } from '#db/dunning/case-queries';
import {
  type ImportedDisputeRow,
  insertDisputeCase,
  selectRecordOfDisputeEvent,
} from '#db/dunning/dispute-cases';
import type { Database } from '#db/infra/schema';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { DomainError } from '../errors.ts';
import { requireImportedDispute } from './dispute-imported.ts';
import { importedParticulars } from './dispute-list.ts';
import {
  DEFAULT_DEPARTMENT,
  DEPARTMENTS,
  DISPUTE_REASONS,
  oneOf,
  optionalDate,
  requireDispute,
} from './disputes.ts';
import { portfolioOf } from './queries.ts';

export interface TakeOverImportedInput {
  /** The imported 'dispute' event (the number the list gives an imported dispute). */
  eventId: number;
  /** What the dispute is about; when left out, what its words say (`importedParticulars`), else 'other'. */
  reason?: string | undefined;
  /** Who must answer; the reason's department when a reason is given, else customer service. */
  department?: string | undefined;
  /** The amount contested, at most what the invoice still owes; the invoice's amount when left out. */
  amountMinor?: number | undefined;
  /** When the department must answer; none when left out or null. */
  respondBy?: string | null | undefined;
  /** The note; the imported line's text when left out. */
  note?: string | undefined;
  /** The language refusals are worded in. */
  lang?: Lang | undefined;
}

/** Refuses an event whose invoice a record already names: taking over twice, or after resolving. */
async function refuseIfTakenOver(
  db: Kysely<Database>,
  ctx: AppContext,
  eventId: number,
  lang: Lang,
): Promise<void> {
  const record = await selectRecordOfDisputeEvent(db, ctx.companyId, {
    eventId,
    salesperson: portfolioOf(ctx),
  });
  if (record)
    throw new DomainError(
      'conflict',
      translator(lang)('disputes.error.takenOver', {
        event: eventId,
        invoice: record.documentRef,
        id: record.disputeId,
      }),
    );
}

interface TakeOverValues {
  reason: (typeof DISPUTE_REASONS)[number];
  department: (typeof DEPARTMENTS)[number];
  amountMinor: number;
  respondBy: string | null;
  note: string;
}

/** The record's particulars: those given, checked, else as the import left them. */
function takeOverValues(
  input: TakeOverImportedInput,
  imported: ImportedDisputeRow,
  lang: Lang,
): TakeOverValues {
  const t = translator(lang);
  const read = importedParticulars(imported.note);
  const reason = oneOf(DISPUTE_REASONS, input.reason ?? read.reason, 'reason');
  const department = oneOf(
    DEPARTMENTS,
    input.department ?? (input.reason === undefined ? read.department : DEFAULT_DEPARTMENT[reason]),
    'department',
  );
  // By default what the list shows of it: what the invoice still owes (dispute-list.ts).
  const amountMinor = input.amountMinor ?? imported.openMinor;
  if (input.amountMinor !== undefined) {
    if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
      throw new DomainError('invalid_input', t('disputes.error.amountPositive'));
    if (amountMinor > imported.openMinor)
      throw new DomainError(
        'invalid_input',
        t('disputes.error.amountAboveOpen', {
          invoice: imported.documentRef,
          open: formatMoney(lang, imported.openMinor, imported.currency),
        }),
      );
  }
  const respondBy = input.respondBy === null ? null : optionalDate(input.respondBy, 'respondBy');
  if (respondBy !== null && respondBy < imported.openedOn)
    throw new DomainError(
      'invalid_input',
      t('disputes.error.respondByBeforeOpening', { date: formatDate(lang, imported.openedOn) }),
    );
  const note = input.note === undefined ? imported.note : input.note.trim();
  return { reason, department, amountMinor, respondBy, note };
}

export async function takeOverImportedDispute(
  ctx: AppContext,
  input: TakeOverImportedInput,
): Promise<DisputeRow> {
  const lang = input.lang ?? 'fr';
  await refuseIfTakenOver(ctx.db, ctx, input.eventId, lang);
  const { imported, invoice } = await requireImportedDispute(ctx, input.eventId, lang);
  const { reason, department, amountMinor, respondBy, note } = takeOverValues(input, imported, lang);
  // The story dates the step as every other dispute step: on the company's reference date.
  const on = await defaultAsOf(ctx);
  const disputeId = await ctx.db.transaction().execute(async (trx) => {
    const opened = await insertDisputeCase(trx, ctx.companyId, ctx.actor, {
      customerCode: imported.customerCode,
      reason,
      department,
      note,
      openedOn: imported.openedOn,
      respondBy,
      invoices: [{ ...invoice, amountMinor }],
    });
    const id = opened?.disputeIds[0];
    // Another collector took it over meanwhile: the one open row an invoice may have refused this one.
    if (opened === null || id === undefined) {
      await refuseIfTakenOver(trx, ctx, input.eventId, lang);
      throw new DomainError(
        'conflict',
        translator(lang)('disputes.error.importedNotFound', { event: input.eventId }),
      );
    }
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: imported.customerCode,
      kind: 'dispute',
      eventDate: on,
      documentRef: imported.documentRef,
      ...storyLine('disputes.event.takenOver', {
        openedOn: { date: imported.openedOn },
        reason: { domain: 'dunningDisputeReason', code: reason },
        department: { domain: 'dunningDepartment', code: department },
        note,
      }),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_take_over',
      entity: 'dunning_dispute',
      entityKey: String(id),
      before: {
        source: 'imported',
        importedEventId: imported.eventId,
        openedOn: imported.openedOn,
        note: imported.note,
      },
      after: {
        status: 'open',
        caseId: opened.caseId,
        documentRef: imported.documentRef,
        reason,
        department,
        amountMinor,
        respondBy,
        note,
      },
    });
    await requestRescore(ctx, trx, [imported.customerCode], 'dispute');
    return id;
  });
  return requireDispute(ctx, disputeId);
}
