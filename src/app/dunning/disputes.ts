/**
 * Disputes (litiges): a customer contests an invoice for a reason; the dispute is routed to the
 * department that must answer, pauses the dunning of that invoice while open, and ends resolved by
 * a credit note, a partial credit or a rejection. Each step goes into the customer's story and
 * the audit trail.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  type DisputeRow,
  type InvoiceRef,
  resolveDisputeRow,
  selectDisputes,
  selectInvoiceByRef,
} from '#db/dunning/case-queries';
import { insertDisputeCase } from '#db/dunning/dispute-cases';
import type { Database } from '#db/infra/schema';
import { wordedMoney } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { notADate, notOneOf } from './error-params.ts';
import { portfolioOf } from './queries.ts';

export const DISPUTE_REASONS = ['quality', 'delivery', 'price', 'quantity', 'other'] as const;
export const DEPARTMENTS = ['sales', 'logistics', 'quality', 'accounting', 'customer_service'] as const;
export const RESOLUTIONS = ['credit_note', 'partial_credit', 'rejected'] as const;
/** One complaint names a handful of invoices; a longer list is a mistake or a statement, not a dispute. */
const MAX_CASE_INVOICES = 200;

/** Where a complaint goes when nobody says otherwise. */
export const DEFAULT_DEPARTMENT: Record<(typeof DISPUTE_REASONS)[number], (typeof DEPARTMENTS)[number]> = {
  quality: 'quality',
  delivery: 'logistics',
  quantity: 'logistics',
  price: 'sales',
  other: 'customer_service',
};

export interface OpenDisputeInput {
  documentRef: string;
  reason: string;
  department?: string | undefined;
  /** Disputed amount; the invoice's amount when left out. */
  amountMinor?: number | undefined;
  note?: string | undefined;
  openedOn?: string | undefined;
  respondBy?: string | undefined;
}

/** The label domain of each coded field of a dispute, to show the accepted codes with their meaning. */
const FIELD_DOMAINS: Readonly<Record<string, string>> = {
  reason: 'dunningDisputeReason',
  department: 'dunningDepartment',
  resolution: 'dunningDisputeResolution',
};

export function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  if (!(values as readonly string[]).includes(value))
    throw notOneOf(field, value, values, FIELD_DOMAINS[field]);
  return value as T;
}

export function optionalDate(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (!isValidIsoDate(value)) throw notADate(field, value);
  return value;
}

export async function requireDispute(ctx: AppContext, disputeId: number): Promise<DisputeRow> {
  const [row] = await selectDisputes(ctx.db, ctx.companyId, { disputeId, salesperson: portfolioOf(ctx) });
  if (!row)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noDispute',
      params: { id: String(disputeId) },
    });
  return row;
}

export async function requireCase(ctx: AppContext, caseId: number): Promise<DisputeCase> {
  const disputes = await selectDisputes(ctx.db, ctx.companyId, { caseId, salesperson: portfolioOf(ctx) });
  if (disputes.length === 0)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noDisputeCase',
      params: { id: String(caseId) },
    });
  return { caseId, disputes };
}

export interface OpenDisputeCaseInput extends Omit<OpenDisputeInput, 'documentRef'> {
  /** The invoices one complaint contests, all of one customer. */
  documentRefs: readonly string[];
}

export interface DisputeCase {
  caseId: number;
  disputes: DisputeRow[];
}

async function caseInvoices(ctx: AppContext, documentRefs: readonly string[]): Promise<InvoiceRef[]> {
  const refs = [...new Set(documentRefs.map((ref) => ref.trim()).filter((ref) => ref !== ''))];
  if (refs.length === 0) throw new DomainError('invalid_input', { key: 'errors.dunning.disputeNoInvoice' });
  if (refs.length > MAX_CASE_INVOICES)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.disputeTooManyInvoices',
      params: { max: MAX_CASE_INVOICES },
    });
  const invoices: InvoiceRef[] = [];
  for (const ref of refs) {
    const invoice = await selectInvoiceByRef(ctx.db, ctx.companyId, ref);
    if (!invoice) throw new DomainError('not_found', { key: 'errors.dunning.noInvoice', params: { ref } });
    invoices.push(invoice);
  }
  const customers = new Set(invoices.map((invoice) => invoice.customerCode));
  if (customers.size > 1)
    throw new DomainError('invalid_input', { key: 'errors.dunning.disputeOneCustomer' });
  await requireVisibleCustomer(ctx, invoices[0]?.customerCode ?? '');
  return invoices;
}

/**
 * Opens one dispute (a case) on one or more invoices of a customer: one dispute row per invoice,
 * which the run's exclusion reads, sharing the case number. The amount is each invoice's, unless a
 * single invoice is contested for less.
 */
export async function openDisputeCase(ctx: AppContext, input: OpenDisputeCaseInput): Promise<DisputeCase> {
  const reason = oneOf(DISPUTE_REASONS, input.reason, 'reason');
  const department = oneOf(DEPARTMENTS, input.department ?? DEFAULT_DEPARTMENT[reason], 'department');
  const invoices = await caseInvoices(ctx, input.documentRefs);
  const [first] = invoices;
  if (!first) throw new DomainError('invalid_input', { key: 'errors.dunning.disputeNoInvoice' });
  if (input.amountMinor !== undefined) {
    if (invoices.length > 1)
      throw new DomainError('invalid_input', { key: 'disputes.error.amountOneInvoice' });
    if (
      !Number.isSafeInteger(input.amountMinor) ||
      input.amountMinor <= 0 ||
      input.amountMinor > first.amountMinor
    )
      throw new DomainError('invalid_input', {
        key: 'errors.dunning.disputedAmount',
        params: { max: wordedMoney(first.amountMinor, first.currency) },
      });
  }
  const openedOn = optionalDate(input.openedOn, 'openedOn') ?? (await defaultAsOf(ctx));
  const respondBy = optionalDate(input.respondBy, 'respondBy');
  const note = input.note?.trim() ?? '';
  const rows = invoices.map((invoice) => ({
    ...invoice,
    amountMinor: input.amountMinor ?? invoice.amountMinor,
  }));
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const opened = await insertDisputeCase(trx, ctx.companyId, ctx.actor, {
      customerCode: first.customerCode,
      reason,
      department,
      note,
      openedOn,
      respondBy,
      invoices: rows,
    });
    if (opened === null)
      throw new DomainError('conflict', {
        key: 'errors.dunning.disputeAlreadyOpen',
        params: { refs: rows.map((r) => r.documentRef).join(', ') },
      });
    for (const [index, invoice] of rows.entries()) {
      const id = opened.disputeIds[index];
      await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
        customerCode: first.customerCode,
        kind: 'dispute',
        eventDate: openedOn,
        documentRef: invoice.documentRef,
        ...storyLine('dunning.event.dispute', {
          reason: { domain: 'dunningDisputeReason', code: reason },
          department: { domain: 'dunningDepartment', code: department },
          note,
        }),
      });
      await recordAudit(ctx, trx, {
        action: 'dunning.dispute_open',
        entity: 'dunning_dispute',
        entityKey: String(id),
        before: null,
        after: {
          caseId: opened.caseId,
          documentRef: invoice.documentRef,
          reason,
          department,
          amountMinor: invoice.amountMinor,
          note,
        },
      });
    }
    // An open dispute is a criterion of the risk score.
    await requestRescore(ctx, trx, [first.customerCode], 'dispute');
    return opened.caseId;
  });
  return requireCase(ctx, caseId);
}

/** A dispute on one invoice (a case of one). */
export async function openDispute(ctx: AppContext, input: OpenDisputeInput): Promise<DisputeRow> {
  const opened = await openDisputeCase(ctx, { ...input, documentRefs: [input.documentRef] });
  const [row] = opened.disputes;
  if (!row)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noDisputeOn',
      params: { ref: input.documentRef },
    });
  return row;
}

export interface ResolveInput {
  resolution: string;
  note?: string | undefined;
  resolvedOn?: string | undefined;
}

/** The customer's story line saying a dispute on an invoice was resolved, and how. */
export async function recordResolutionStory(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: { customerCode: string; documentRef: string; resolvedOn: string; resolution: string; note: string },
): Promise<void> {
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: input.customerCode,
    kind: 'dispute',
    eventDate: input.resolvedOn,
    documentRef: input.documentRef,
    ...storyLine('dunning.event.disputeResolved', {
      resolution: { domain: 'dunningDisputeResolution', code: input.resolution },
      note: input.note,
    }),
  });
}

/** Resolves the open disputes among the rows, each with its story event and audit entry. */
async function resolveRows(ctx: AppContext, rows: readonly DisputeRow[], input: ResolveInput): Promise<void> {
  const resolution = oneOf(RESOLUTIONS, input.resolution, 'resolution');
  const open = rows.filter((row) => row.status === 'open');
  if (open.length === 0)
    throw new DomainError('conflict', {
      key: 'errors.dunning.disputeResolved',
      params: { count: rows.length, ids: rows.map((r) => r.disputeId).join(', ') },
    });
  const resolvedOn = optionalDate(input.resolvedOn, 'resolvedOn') ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of open) {
      const done = await resolveDisputeRow(trx, ctx.companyId, ctx.actor, row.disputeId, {
        resolution,
        note,
        resolvedOn,
      });
      if (!done)
        throw new DomainError('conflict', {
          key: 'errors.dunning.disputeResolved',
          params: { count: 1, ids: String(row.disputeId) },
        });
      await recordResolutionStory(trx, ctx, { ...row, resolvedOn, resolution, note });
      await recordAudit(ctx, trx, {
        action: 'dunning.dispute_resolve',
        entity: 'dunning_dispute',
        entityKey: String(row.disputeId),
        before: { status: row.status },
        after: { status: 'resolved', caseId: row.caseId, resolution, note, resolvedOn },
      });
    }
    await requestRescore(ctx, trx, [...new Set(open.map((row) => row.customerCode))], 'dispute');
  });
}

export async function resolveDispute(
  ctx: AppContext,
  input: ResolveInput & { disputeId: number },
): Promise<DisputeRow> {
  await resolveRows(ctx, [await requireDispute(ctx, input.disputeId)], input);
  return requireDispute(ctx, input.disputeId);
}

/** Resolves every invoice of a case still open, the same way. */
export async function resolveDisputeCase(
  ctx: AppContext,
  input: ResolveInput & { caseId: number },
): Promise<DisputeCase> {
  await resolveRows(ctx, (await requireCase(ctx, input.caseId)).disputes, input);
  return requireCase(ctx, input.caseId);
}

export { listDisputePage, listDisputes } from './dispute-list.ts';
