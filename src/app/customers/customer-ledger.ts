/** The lists behind the customer file: documents, matching, orders, story and audit trail. */
import { selectCustomerEvents, selectCustomerOrders } from '#db/customers/customer-records';
import { listCustomerAllocations, listCustomerDocuments } from '#db/ledger/ledger-queries';
import type { Lang } from '#text/catalogue';
import { listAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf, wordEvents } from './customers.ts';

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
  return { asOf, ...(await selectCustomerOrders(ctx.db, ctx.companyId, code, asOf, pageOf(input))) };
}

/** The customer's story, each line in `lang` (French by default). */
export async function listEventsOfCustomer(
  ctx: AppContext,
  code: string,
  input: PageInput & { lang?: Lang | undefined } = {},
) {
  await requireVisibleCustomer(ctx, code);
  const asOf = await resolveAsOf(ctx, input.asOf);
  const page = await selectCustomerEvents(ctx.db, ctx.companyId, code, asOf, pageOf(input));
  return { asOf, total: page.total, items: wordEvents(input.lang ?? 'fr', page.items) };
}

/** What was changed about the customer: its file, and its credit limits, requests and order decisions. */
export async function listAuditOfCustomer(ctx: AppContext, code: string, input: PageInput = {}) {
  await requireVisibleCustomer(ctx, code);
  return listAudit(ctx, { customerCode: code }, pageOf(input));
}
