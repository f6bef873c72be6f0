/** The lists behind the customer file: documents, matching, orders, story and audit trail. */
import { listCustomerAllocations, listCustomerDocuments } from '#db/ledger/ledger-queries';
import { listAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from './customers.ts';

export interface PageInput {
  asOf?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const pageOf = (input: PageInput) => ({ limit: input.limit ?? 100, offset: input.offset ?? 0 });

export async function listDocumentsOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  return { asOf, ...(await listCustomerDocuments(ctx.db, ctx.companyId, code, asOf, pageOf(input))) };
}

export async function listAllocationsOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  return { asOf, ...(await listCustomerAllocations(ctx.db, ctx.companyId, code, asOf, pageOf(input))) };
}

export async function listOrdersOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  const page = pageOf(input);
  const base = ctx.db
    .selectFrom('orders')
    .where('company_id', '=', ctx.companyId)
    .where('customer_code', '=', code)
    .where('order_date', '<=', asOf);
  const [items, count] = await Promise.all([
    base
      .select([
        'order_number as number',
        'order_date as orderDate',
        'amount_minor as amountMinor',
        'currency',
        'status',
      ])
      .orderBy('order_date', 'desc')
      .orderBy('order_number', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { asOf, items, total: Number(count?.total ?? 0) };
}

export async function listEventsOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  const page = pageOf(input);
  const base = ctx.db
    .selectFrom('customer_events')
    .where('company_id', '=', ctx.companyId)
    .where('customer_code', '=', code)
    .where('event_date', '<=', asOf);
  const [items, count] = await Promise.all([
    base
      .select([
        'kind',
        'event_date as eventDate',
        'document_ref as documentRef',
        'detail',
        'created_by as createdBy',
      ])
      .orderBy('event_date', 'desc')
      .orderBy('event_id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { asOf, items, total: Number(count?.total ?? 0) };
}

export async function listAuditOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  return listAudit(ctx, { entity: 'customer', entityKey: code }, pageOf(input));
}
