/**
 * Resolving a dispute known only from the imported customer story: the run leaves its invoice out
 * as long as no dispute record names it (dunning-state.ts), so resolving writes that record — opened
 * on the imported event's date, resolved today — and the next run reminds the invoice again.
 */
import { type DisputeRow, type InvoiceRef, selectInvoiceByRef } from '#db/dunning/case-queries';
import {
  type ImportedDisputeRow,
  insertResolvedDispute,
  selectImportedDisputes,
} from '#db/dunning/dispute-cases';
import { type Lang, translator } from '#text/catalogue';
import { wordedDate } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { DomainError } from '../errors.ts';
import { importedParticulars } from './dispute-list.ts';
import {
  DEFAULT_DEPARTMENT,
  DEPARTMENTS,
  DISPUTE_REASONS,
  oneOf,
  optionalDate,
  RESOLUTIONS,
  recordResolutionStory,
  requireDispute,
} from './disputes.ts';
import { portfolioOf } from './queries.ts';

export interface ResolveImportedInput {
  eventId: number;
  resolution: string;
  note?: string | undefined;
  resolvedOn?: string | undefined;
  /** What the dispute was about, when the collector knows it now (the import did not say). */
  reason?: string | undefined;
  department?: string | undefined;
  /** The language refusals are worded in. */
  lang?: Lang | undefined;
}

/**
 * The imported dispute still open that an event names, and its invoice. Once a record names the
 * invoice (taken over or resolved) the event is no longer an imported dispute: not found.
 */
export async function requireImportedDispute(
  ctx: AppContext,
  eventId: number,
  lang: Lang,
): Promise<{ imported: ImportedDisputeRow; invoice: InvoiceRef }> {
  const t = translator(lang);
  const [imported] = await selectImportedDisputes(ctx.db, ctx.companyId, {
    eventId,
    salesperson: portfolioOf(ctx),
  });
  if (!imported) throw new DomainError('not_found', t('disputes.error.importedNotFound', { event: eventId }));
  const invoice = await selectInvoiceByRef(ctx.db, ctx.companyId, imported.documentRef);
  if (!invoice || invoice.documentId !== imported.documentId)
    throw new DomainError(
      'conflict',
      t('disputes.error.ambiguousInvoice', { invoice: imported.documentRef }),
    );
  return { imported, invoice };
}

export async function resolveImportedDispute(
  ctx: AppContext,
  input: ResolveImportedInput,
): Promise<DisputeRow> {
  const resolution = oneOf(RESOLUTIONS, input.resolution, 'resolution');
  // The values given are checked before the dispute is looked up, as for any other input.
  if (input.reason !== undefined) oneOf(DISPUTE_REASONS, input.reason, 'reason');
  if (input.department !== undefined) oneOf(DEPARTMENTS, input.department, 'department');
  const { imported, invoice } = await requireImportedDispute(ctx, input.eventId, input.lang ?? 'fr');
  const read = importedParticulars(imported.note);
  const reason = oneOf(DISPUTE_REASONS, input.reason ?? read.reason, 'reason');
  const department = oneOf(
    DEPARTMENTS,
    input.department ?? (input.reason === undefined ? read.department : DEFAULT_DEPARTMENT[reason]),
    'department',
  );
  const resolvedOn = optionalDate(input.resolvedOn, 'resolvedOn') ?? (await defaultAsOf(ctx));
  if (resolvedOn < imported.openedOn)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.resolvedBeforeOpened',
      params: { date: wordedDate(imported.openedOn) },
    });
  const note = input.note?.trim() ?? '';
  const disputeId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertResolvedDispute(trx, ctx.companyId, ctx.actor, {
      customerCode: imported.customerCode,
      invoice,
      reason,
      department,
      note: imported.note,
      openedOn: imported.openedOn,
      resolution,
      resolutionNote: note,
      resolvedOn,
    });
    await recordResolutionStory(trx, ctx, { ...imported, resolvedOn, resolution, note });
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_resolve',
      entity: 'dunning_dispute',
      entityKey: String(id),
      before: { status: 'open', importedEventId: imported.eventId, openedOn: imported.openedOn },
      after: {
        status: 'resolved',
        documentRef: imported.documentRef,
        reason,
        department,
        resolution,
        note,
        resolvedOn,
      },
    });
    await requestRescore(ctx, trx, [imported.customerCode], 'dispute');
    return id;
  });
  return requireDispute(ctx, disputeId);
}
