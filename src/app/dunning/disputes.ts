/**
 * Disputes (litiges): a customer contests an invoice for a reason; the dispute is routed to the
 * department that must answer, pauses the dunning of that invoice while open, and ends resolved by
 * a credit note, a partial credit or a rejection. Each step goes into the customer's story and
 * the audit trail.
 */
import { isValidIsoDate } from '#core/calendar';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  type DisputeRow,
  insertDispute,
  resolveDisputeRow,
  selectDisputes,
  selectInvoiceByRef,
} from '#db/dunning/case-queries';
import { label, translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { portfolioOf } from './queries.ts';

export const DISPUTE_REASONS = ['quality', 'delivery', 'price', 'quantity', 'other'] as const;
export const DEPARTMENTS = ['sales', 'logistics', 'quality', 'accounting', 'customer_service'] as const;
export const RESOLUTIONS = ['credit_note', 'partial_credit', 'rejected'] as const;

/** Where a complaint goes when nobody says otherwise. */
const DEFAULT_DEPARTMENT: Record<(typeof DISPUTE_REASONS)[number], (typeof DEPARTMENTS)[number]> = {
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

function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  if (!(values as readonly string[]).includes(value))
    throw new DomainError('invalid_input', `${field} must be one of ${values.join(', ')}`);
  return value as T;
}

function optionalDate(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (!isValidIsoDate(value)) throw new DomainError('invalid_input', `${field} is not a date (YYYY-MM-DD)`);
  return value;
}

async function requireDispute(ctx: AppContext, disputeId: number): Promise<DisputeRow> {
  const [row] = await selectDisputes(ctx.db, ctx.companyId, { disputeId, salesperson: portfolioOf(ctx) });
  if (!row) throw new DomainError('not_found', `no dispute ${disputeId}`);
  return row;
}

export async function openDispute(ctx: AppContext, input: OpenDisputeInput): Promise<DisputeRow> {
  const reason = oneOf(DISPUTE_REASONS, input.reason, 'reason');
  const department = oneOf(DEPARTMENTS, input.department ?? DEFAULT_DEPARTMENT[reason], 'department');
  const invoice = await selectInvoiceByRef(ctx.db, ctx.companyId, input.documentRef);
  if (!invoice) throw new DomainError('not_found', `no invoice ${input.documentRef}`);
  await requireVisibleCustomer(ctx, invoice.customerCode);
  const amountMinor = input.amountMinor ?? invoice.amountMinor;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > invoice.amountMinor)
    throw new DomainError(
      'invalid_input',
      'the disputed amount must be positive and at most the invoice amount',
    );
  const openedOn = optionalDate(input.openedOn, 'openedOn') ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  const disputeId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertDispute(trx, ctx.companyId, ctx.actor, {
      customerCode: invoice.customerCode,
      documentId: invoice.documentId,
      documentRef: invoice.documentRef,
      reason,
      department,
      amountMinor,
      currency: invoice.currency,
      note,
      openedOn,
      respondBy: optionalDate(input.respondBy, 'respondBy'),
    });
    if (id === null)
      throw new DomainError('conflict', `invoice ${invoice.documentRef} already has an open dispute`);
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: invoice.customerCode,
      kind: 'dispute',
      eventDate: openedOn,
      documentRef: invoice.documentRef,
      detail: translator('fr')('dunning.event.dispute', {
        reason: label('fr', 'dunningDisputeReason', reason),
        department: label('fr', 'dunningDepartment', department),
        note,
      }).trim(),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_open',
      entity: 'dunning_dispute',
      entityKey: String(id),
      before: null,
      after: { documentRef: invoice.documentRef, reason, department, amountMinor, note },
    });
    // An open dispute is a criterion of the risk score.
    await requestRescore(ctx, trx, [invoice.customerCode], 'dispute');
    return id;
  });
  return requireDispute(ctx, disputeId);
}

export async function resolveDispute(
  ctx: AppContext,
  input: {
    disputeId: number;
    resolution: string;
    note?: string | undefined;
    resolvedOn?: string | undefined;
  },
): Promise<DisputeRow> {
  const resolution = oneOf(RESOLUTIONS, input.resolution, 'resolution');
  const before = await requireDispute(ctx, input.disputeId);
  const resolvedOn = optionalDate(input.resolvedOn, 'resolvedOn') ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  await ctx.db.transaction().execute(async (trx) => {
    const done = await resolveDisputeRow(trx, ctx.companyId, ctx.actor, input.disputeId, {
      resolution,
      note,
      resolvedOn,
    });
    if (!done) throw new DomainError('conflict', `dispute ${input.disputeId} is already resolved`);
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: before.customerCode,
      kind: 'dispute',
      eventDate: resolvedOn,
      documentRef: before.documentRef,
      detail: translator('fr')('dunning.event.disputeResolved', {
        resolution: label('fr', 'dunningDisputeResolution', resolution),
        note,
      }).trim(),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_resolve',
      entity: 'dunning_dispute',
      entityKey: String(input.disputeId),
      before: { status: before.status },
      after: { status: 'resolved', resolution, note, resolvedOn },
    });
    await requestRescore(ctx, trx, [before.customerCode], 'dispute');
  });
  return requireDispute(ctx, input.disputeId);
}

export async function listDisputes(
  ctx: AppContext,
  filter: { status?: string | undefined } = {},
): Promise<DisputeRow[]> {
  if (filter.status !== undefined) oneOf(['open', 'resolved'], filter.status, 'status');
  return selectDisputes(ctx.db, ctx.companyId, { status: filter.status, salesperson: portfolioOf(ctx) });
}
