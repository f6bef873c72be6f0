/**
 * The disputes list: the dispute records, and the disputes known only from the imported customer
 * story ('dispute' events naming an invoice still open, which the run leaves out), marked as
 * imported until resolving one writes the record that closes it.
 */
import { daysBetween } from '#core/calendar';
import { disputeReasonInText } from '#core/dunning/dispute-reason';
import { type DisputeRow, selectDisputes } from '#db/dunning/case-queries';
import { type ImportedDisputeRow, selectImportedDisputes } from '#db/dunning/dispute-cases';
import type { AppContext } from '../context.ts';
import { DEFAULT_DEPARTMENT } from './disputes.ts';
import { notOneOf } from './error-params.ts';
import { portfolioOf } from './queries.ts';

/**
 * An imported dispute's reason and desk: read from its story line (« colis endommagés à la
 * livraison » is a delivery matter for logistics), else the general case (« Autre motif », customer
 * service); the desk is the one a reason goes to when a dispute is opened by hand.
 */
export function importedParticulars(note: string | null | undefined): { reason: string; department: string } {
  const reason = disputeReasonInText(note) ?? 'other';
  return { reason, department: DEFAULT_DEPARTMENT[reason] };
}

export interface DisputeView extends Omit<DisputeRow, 'disputeId' | 'caseId' | 'salesperson' | 'documentId'> {
  /** 'record': a dispute of Encours; 'imported': a 'dispute' event of the imported story. */
  source: 'record' | 'imported';
  disputeId: number | null;
  caseId: number | null;
  /** The imported event's number (resolve it with it); null for a record. */
  eventId: number | null;
  /** Days from opening to resolution, once resolved: the cycle time the analytics sum up. */
  cycleDays: number | null;
}

export function recordView(row: DisputeRow): DisputeView {
  const { salesperson: _salesperson, documentId: _documentId, ...rest } = row;
  const cycleDays =
    rest.status === 'resolved' && rest.resolvedOn !== null
      ? daysBetween(rest.openedOn, rest.resolvedOn)
      : null;
  return { ...rest, source: 'record', eventId: null, cycleDays };
}

export function importedView(row: ImportedDisputeRow): DisputeView {
  return {
    source: 'imported',
    disputeId: null,
    caseId: null,
    eventId: row.eventId,
    customerCode: row.customerCode,
    customerName: row.customerName,
    documentRef: row.documentRef,
    ...importedParticulars(row.note),
    amountMinor: row.amountMinor,
    currency: row.currency,
    note: row.note,
    openedOn: row.openedOn,
    respondBy: null,
    status: 'open',
    resolution: null,
    resolutionNote: null,
    resolvedOn: null,
    openedBy: '',
    resolvedBy: null,
    attachmentCount: 0,
    cycleDays: null,
  };
}

/** Open disputes first (imported ones among them), then resolved ones, newest first. */
export async function listDisputes(
  ctx: AppContext,
  filter: { status?: string | undefined; caseId?: number | undefined } = {},
): Promise<DisputeView[]> {
  if (filter.status !== undefined && filter.status !== 'open' && filter.status !== 'resolved')
    throw notOneOf('status', filter.status, ['open', 'resolved'], 'dunningDisputeStatus');
  const salesperson = portfolioOf(ctx);
  const records = await selectDisputes(ctx.db, ctx.companyId, {
    status: filter.status,
    caseId: filter.caseId,
    salesperson,
  });
  const withImported = filter.status !== 'resolved' && filter.caseId === undefined;
  const imported = withImported ? await selectImportedDisputes(ctx.db, ctx.companyId, { salesperson }) : [];
  const views = [...records.map(recordView), ...imported.map(importedView)];
  const rank = (view: DisputeView) => (view.status === 'open' ? 0 : 1);
  return views.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.openedOn.localeCompare(a.openedOn) ||
      (b.disputeId ?? b.eventId ?? 0) - (a.disputeId ?? a.eventId ?? 0),
  );
}
