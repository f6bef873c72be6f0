/**
 * Pausing the dunning of one invoice (a reason and an end date) and lifting the pause early. The
 * planner leaves a paused invoice out and the run preview says why; the pause is audit-logged and
 * told in the customer's story.
 */
import { isValidIsoDate } from '#core/calendar';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  type InvoicePauseRow,
  insertInvoicePause,
  liftInvoicePause,
  selectInvoiceByRef,
  selectInvoicePauses,
} from '#db/dunning/pause-queries';
import { wordedDate } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { notADate } from './error-params.ts';
import { portfolioOf } from './queries.ts';

export interface PauseInvoiceInput {
  documentRef: string;
  /** Needed only when two customers have an invoice with the same reference. */
  customerCode?: string | undefined;
  reason: string;
  pausedUntil: string;
  /** First day of the pause; default: today. */
  pausedOn?: string | undefined;
}

const MAX_REASON = 500;

async function invoiceToPause(ctx: AppContext, input: PauseInvoiceInput) {
  const found = await selectInvoiceByRef(ctx.db, ctx.companyId, input.documentRef, input.customerCode);
  if (found.length === 0)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noInvoice',
      params: { ref: input.documentRef },
    });
  if (found.length > 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.invoiceOfSeveralCustomers',
      params: { ref: input.documentRef },
    });
  const invoice = found[0] as (typeof found)[number];
  // A salesperson may only pause their own customers' invoices.
  await requireVisibleCustomer(ctx, invoice.customerCode);
  return invoice;
}

export async function pauseInvoice(ctx: AppContext, input: PauseInvoiceInput): Promise<InvoicePauseRow> {
  const reason = input.reason.trim();
  if (reason === '' || reason.length > MAX_REASON)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.pauseReason',
      params: { max: MAX_REASON },
    });
  if (!isValidIsoDate(input.pausedUntil)) throw notADate('pausedUntil', input.pausedUntil);
  if (input.pausedOn !== undefined && !isValidIsoDate(input.pausedOn))
    throw notADate('pausedOn', input.pausedOn);
  const pausedOn = input.pausedOn ?? (await defaultAsOf(ctx));
  if (input.pausedUntil < pausedOn)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.pauseEndsBeforeStart',
      params: { start: wordedDate(pausedOn) },
    });
  const invoice = await invoiceToPause(ctx, input);
  const pauseId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertInvoicePause(trx, ctx.companyId, ctx.actor, {
      customerCode: invoice.customerCode,
      documentId: invoice.documentId,
      documentRef: invoice.documentRef,
      reason,
      pausedOn,
      pausedUntil: input.pausedUntil,
    });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: invoice.customerCode,
      kind: 'note',
      eventDate: pausedOn,
      documentRef: invoice.documentRef,
      ...storyLine('dunningCases.event.paused', {
        invoice: invoice.documentRef,
        until: { date: input.pausedUntil },
        reason,
      }),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.invoice_pause',
      entity: 'dunning_invoice_pause',
      entityKey: String(id),
      before: null,
      after: { documentRef: invoice.documentRef, reason, pausedOn, pausedUntil: input.pausedUntil },
    });
    return id;
  });
  return requirePause(ctx, pauseId);
}

async function requirePause(ctx: AppContext, pauseId: number): Promise<InvoicePauseRow> {
  const [row] = await selectInvoicePauses(ctx.db, ctx.companyId, { pauseId, salesperson: portfolioOf(ctx) });
  if (!row)
    throw new DomainError('not_found', { key: 'errors.dunning.noPause', params: { id: String(pauseId) } });
  return row;
}

/** Ends a pause from today on: the invoice is reminded again by the next run. */
export async function unpauseInvoice(
  ctx: AppContext,
  input: { pauseId: number; liftedOn?: string | undefined },
): Promise<InvoicePauseRow> {
  const before = await requirePause(ctx, input.pauseId);
  if (input.liftedOn !== undefined && !isValidIsoDate(input.liftedOn))
    throw notADate('liftedOn', input.liftedOn);
  const liftedOn = input.liftedOn ?? (await defaultAsOf(ctx));
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await liftInvoicePause(trx, ctx.companyId, ctx.actor, input.pauseId, liftedOn)))
      throw new DomainError('conflict', {
        key: 'errors.dunning.pauseLifted',
        params: { id: String(input.pauseId) },
      });
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: before.customerCode,
      kind: 'note',
      eventDate: liftedOn,
      documentRef: before.documentRef,
      ...storyLine('dunningCases.event.unpaused', { invoice: before.documentRef }),
    });
    await recordAudit(ctx, trx, {
      action: 'dunning.invoice_unpause',
      entity: 'dunning_invoice_pause',
      entityKey: String(input.pauseId),
      before: { liftedOn: null },
      after: { liftedOn },
    });
  });
  return requirePause(ctx, input.pauseId);
}

/** The pauses of the company (or of one customer), latest first; `activeOn` keeps those in force. */
export async function listInvoicePauses(
  ctx: AppContext,
  filter: { customerCode?: string | undefined; activeOn?: string | undefined } = {},
): Promise<InvoicePauseRow[]> {
  if (filter.activeOn !== undefined && !isValidIsoDate(filter.activeOn))
    throw notADate('activeOn', filter.activeOn);
  return selectInvoicePauses(ctx.db, ctx.companyId, { ...filter, salesperson: portfolioOf(ctx) });
}
