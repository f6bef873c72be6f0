/**
 * The disputes list: the dispute records, and the disputes known only from the imported customer
 * story ('dispute' events naming an invoice), marked as imported: open while the invoice is (the run
 * leaves it out until resolving one writes the record that closes it), resolved once it was settled.
 */
import { daysBetween } from '#core/calendar';
import { disputeReasonInText } from '#core/dunning/dispute-reason';
import { type DisputeRow, selectDisputes } from '#db/dunning/case-queries';
import {
  type ImportedDisputeRow,
  type SettledImportedDisputeRow,
  selectImportedDisputes,
  selectSettledImportedDisputes,
} from '#db/dunning/dispute-cases';
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

/**
 * An imported dispute knows no disputed amount: it shows what the invoice still owes, the amount
 * the anomalies, the provision and the run leave aside for it (a record shows the amount disputed).
 */
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
    amountMinor: row.openMinor,
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

/**
 * An imported dispute whose invoice was settled: resolved that day, by a full or partial credit
 * note when credit notes settled it, else by the customer paying it. Nothing is open any more, so
 * it shows the invoice's amount: what the complaint was about, and what the credits are set against.
 */
export function settledImportedView(row: SettledImportedDisputeRow): DisputeView {
  const resolution =
    row.creditedMinor >= row.amountMinor ? 'credit_note' : row.creditedMinor > 0 ? 'partial_credit' : 'paid';
  return {
    ...importedView({ ...row, salesperson: null, openMinor: row.amountMinor }),
    status: 'resolved',
    resolution,
    resolvedOn: row.resolvedOn,
    cycleDays: daysBetween(row.openedOn, row.resolvedOn),
  };
}

export interface DisputeFilter {
  status?: string | undefined;
  caseId?: number | undefined;
  customerCode?: string | undefined;
}

function checkStatus(status: string | undefined): void {
  if (status !== undefined && status !== 'open' && status !== 'resolved')
    throw notOneOf('status', status, ['open', 'resolved'], 'dunningDisputeStatus');
}

/** Open disputes first (imported ones among them), then resolved ones, newest first. */
export async function listDisputes(ctx: AppContext, filter: DisputeFilter = {}): Promise<DisputeView[]> {
  checkStatus(filter.status);
  const salesperson = portfolioOf(ctx);
  const customerCode = filter.customerCode?.trim() || undefined;
  const records = await selectDisputes(ctx.db, ctx.companyId, {
    status: filter.status,
    caseId: filter.caseId,
    customerCode,
    salesperson,
  });
  // A case is a set of records: the imported story has none.
  const withImported = filter.caseId === undefined;
  const imported =
    withImported && filter.status !== 'resolved'
      ? await selectImportedDisputes(ctx.db, ctx.companyId, { salesperson, customerCode })
      : [];
  const settled =
    withImported && filter.status !== 'open'
      ? await selectSettledImportedDisputes(ctx.db, ctx.companyId, { salesperson, customerCode })
      : [];
  const views = [
    ...records.map(recordView),
    ...imported.map(importedView),
    ...settled.map(settledImportedView),
  ];
  const rank = (view: DisputeView) => (view.status === 'open' ? 0 : 1);
  return views.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.openedOn.localeCompare(a.openedOn) ||
      (b.disputeId ?? b.eventId ?? 0) - (a.disputeId ?? a.eventId ?? 0),
  );
}

/** A case shown on a page, counted over all its invoices (its other ones may be on other pages). */
export interface DisputeCaseCount {
  caseId: number;
  disputes: number;
  open: number;
}

export interface DisputePage {
  /** How many disputes the filter keeps, over every page. */
  total: number;
  items: DisputeView[];
  cases: DisputeCaseCount[];
}

/**
 * One page of the list, in its order, with the total the filter keeps. The three sources (records,
 * imported open, imported settled) are merged and ordered here, so the page is cut from the merged
 * list; the cases are counted over every status, so that « resolve the case » names all its open
 * invoices even when the page shows only some of them.
 */
export async function listDisputePage(
  ctx: AppContext,
  filter: DisputeFilter & { limit: number; offset: number },
): Promise<DisputePage> {
  const { status, limit, offset, ...scope } = filter;
  checkStatus(status);
  const all = await listDisputes(ctx, scope);
  const kept = status === undefined ? all : all.filter((view) => view.status === status);
  const items = kept.slice(offset, offset + limit);
  const shown = new Set(items.flatMap((view) => (view.caseId === null ? [] : [view.caseId])));
  const cases = new Map<number, DisputeCaseCount>();
  for (const view of all) {
    if (view.caseId === null || !shown.has(view.caseId)) continue;
    const counted = cases.get(view.caseId) ?? { caseId: view.caseId, disputes: 0, open: 0 };
    counted.disputes += 1;
    if (view.status === 'open') counted.open += 1;
    cases.set(view.caseId, counted);
  }
  return { total: kept.length, items, cases: [...cases.values()] };
}
