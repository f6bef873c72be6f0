/** Customer list with balances, and the customer file with its open items, as of any date. */
import { daysBetween, isValidIsoDate } from '#core/calendar';
import type { IsoDate } from '#core/types';
import {
  type CustomerBalanceRow,
  type CustomerListFilter,
  type CustomerSort,
  listCustomerBalances,
} from '#db/customers/customer-list';
import {
  type StoredEvent,
  selectCustomerEvents,
  selectCustomerOrders,
  selectCustomerRow,
} from '#db/customers/customer-records';
import { listOpenItems, type OpenItemRow } from '#db/ledger/ledger-queries';
import type { Lang } from '#text/catalogue';
import { eventText } from '#text/story';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type OpenItemFollowUp, openItemFollowUps } from './open-item-follow-up.ts';

/** An optional date given by a caller: checked, or undefined when not given. */
export function requireDate(value: string | undefined, name: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isValidIsoDate(value))
    throw new DomainError('invalid_input', { key: 'errors.common.namedDate', params: { name, value } });
  return value;
}

export async function resolveAsOf(ctx: AppContext, asOf: string | undefined): Promise<IsoDate> {
  if (asOf === undefined) return defaultAsOf(ctx);
  if (!isValidIsoDate(asOf))
    throw new DomainError('invalid_input', { key: 'errors.common.date', params: { value: asOf } });
  return asOf;
}

export interface ListCustomersInput {
  asOf?: string | undefined;
  filter?: CustomerListFilter;
  sort?: CustomerSort;
  limit?: number;
  offset?: number;
}

export async function listCustomers(
  ctx: AppContext,
  input: ListCustomersInput = {},
): Promise<{ asOf: IsoDate; items: CustomerBalanceRow[]; total: number }> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const scope = salespersonScope(ctx);
  if (scope !== undefined) {
    // A salesperson sees their own customers only, whatever the query asks for.
    const asked = input.filter?.salesperson;
    if (scope === null || (asked && asked !== scope)) return { asOf, items: [], total: 0 };
    input = { ...input, filter: { ...input.filter, salesperson: scope } };
  }
  const page = await listCustomerBalances(ctx.db, ctx.companyId, asOf, input);
  return { asOf, ...page };
}

/**
 * The customer row, when it exists and the caller may see it. A salesperson asking for someone
 * else's customer gets the same answer as for a customer that does not exist.
 */
export async function requireVisibleCustomer(ctx: AppContext, code: string) {
  const row = await selectCustomerRow(ctx.db, ctx.companyId, code);
  const scope = salespersonScope(ctx);
  if (!row || !isInScope(scope, row.salesperson))
    throw new DomainError('not_found', { key: 'errors.customers.unknown', params: { code } });
  return row;
}

export interface CustomerFile {
  asOf: IsoDate;
  customer: Record<string, unknown>;
  balanceMinor: number;
  overdueMinor: number;
  currency: string;
  /** Each with its dunning follow-up (nothing on a credit or an invoice never reminded). */
  openItems: (OpenItemRow & { daysPastDue: number } & OpenItemFollowUp)[];
  orders: {
    number: string;
    orderDate: string;
    amountMinor: number;
    currency: string;
    status: string;
    creditStatus: string | null;
  }[];
  /** The story, `detail` worded in the reader's language (see `wordEvents`). */
  events: StoredEvent[];
}

/**
 * Story lines for a reader: `detail` becomes the line in `lang` (its message worded, or the stored
 * text of an imported line); `message` stays, so a client can word it in a language of its own.
 */
export function wordEvents(lang: Lang, events: readonly StoredEvent[]): StoredEvent[] {
  return events.map((event) => ({ ...event, detail: eventText(lang, event) }));
}

/** The customer file as of a date; its story in `lang` (French by default). */
export async function getCustomerFile(
  ctx: AppContext,
  code: string,
  asOfInput?: string,
  lang: Lang = 'fr',
): Promise<CustomerFile> {
  const asOf = await resolveAsOf(ctx, asOfInput);
  const row = await requireVisibleCustomer(ctx, code);
  // Who created the file is the internal audit's evidence (audit signals), not part of the file.
  const {
    company_id: _company,
    created_at: _created,
    updated_at: _updated,
    created_by: _createdBy,
    ...customer
  } = row;
  const openItems = await listOpenItems(ctx.db, ctx.companyId, code, asOf);
  const followUpOf = await openItemFollowUps(ctx, code, asOf);
  const [orders, events] = await Promise.all([
    selectCustomerOrders(ctx.db, ctx.companyId, code, asOf, { limit: 50, offset: 0 }),
    selectCustomerEvents(ctx.db, ctx.companyId, code, asOf, { limit: 100, offset: 0 }),
  ]);
  return {
    asOf,
    customer: toCamel(customer),
    balanceMinor: openItems.reduce((sum, item) => sum + item.openMinor, 0),
    overdueMinor: openItems
      .filter((item) => item.openMinor > 0 && item.dueDate < asOf)
      .reduce((sum, item) => sum + item.openMinor, 0),
    currency: row.currency,
    openItems: openItems.map((item) => ({
      ...item,
      daysPastDue: Math.max(0, daysBetween(item.dueDate, asOf)),
      ...followUpOf(item.documentId),
    })),
    orders: orders.items,
    events: wordEvents(lang, events.items),
  };
}

export function toCamel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
