/**
 * The customer list with balances and overdue amounts as of a date, filtered, sorted and paged
 * in the database.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface CustomerBalanceRow {
  code: string;
  name: string;
  customerType: string;
  salesperson: string | null;
  status: string;
  creditLimitMinor: number | null;
  currency: string;
  balanceMinor: number;
  overdueMinor: number;
}

export interface CustomerListFilter {
  search?: string | undefined;
  salesperson?: string | undefined;
  customerType?: string | undefined;
  /** Only customers with an overdue amount. */
  overdueOnly?: boolean | undefined;
}

export type CustomerSort = 'code' | 'name' | 'balance' | 'overdue';

function customerWhere(filter: CustomerListFilter) {
  const parts = [sql`true`];
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(lower(c.name) like ${pattern} or lower(c.code) like ${pattern})`);
  }
  if (filter.salesperson) parts.push(sql`c.salesperson = ${filter.salesperson}`);
  if (filter.customerType) parts.push(sql`c.customer_type = ${filter.customerType}`);
  if (filter.overdueOnly) parts.push(sql`coalesce(t.overdue_minor, 0) > 0`);
  return sql.join(parts, sql` and `);
}

/** Balance and overdue amount of every customer with open items at the date. */
function customerTotals(companyId: string, asOf: string) {
  // Allocations net to zero and never predate a document, so the open items sum to the balance.
  return sql`
    select customer_code, sum(open_minor) as balance_minor,
      sum(case when open_minor > 0 and due_date < ${asOf} then open_minor else 0 end) as overdue_minor
    from (${openItemsAsOf({ companyId, asOf })}) open_docs group by customer_code`;
}

const SORTS: Record<CustomerSort, string> = {
  code: 'c.code',
  name: 'lower(c.name), c.code',
  balance: 'coalesce(t.balance_minor, 0) desc, c.code',
  overdue: 'coalesce(t.overdue_minor, 0) desc, c.code',
};

type ListOptions = { filter?: CustomerListFilter; sort?: CustomerSort; limit?: number; offset?: number };

export async function listCustomerBalances(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: ListOptions = {},
): Promise<{ items: CustomerBalanceRow[]; total: number }> {
  const sort = options.sort ?? 'code';
  if (options.limit !== undefined && !options.filter?.overdueOnly) {
    if (sort === 'code' || sort === 'name')
      return listCustomerPage(db, companyId, asOf, { ...options, limit: options.limit, sort });
    return listCustomersByTotals(db, companyId, asOf, { ...options, limit: options.limit, sort });
  }
  const where = customerWhere(options.filter ?? {});
  const paging =
    options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  const result = await sql<CustomerBalanceRow & { total: number }>`
    with totals as (${customerTotals(companyId, asOf)})
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
      c.credit_limit_minor as "creditLimitMinor", c.currency,
      coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor",
      count(*) over ()::int8 as total
    from customers c left join totals t on t.customer_code = c.code
    where c.company_id = ${companyId} and ${where}
    order by ${sql.raw(SORTS[options.sort ?? 'code'])}
    ${paging}`.execute(db);
  const total =
    result.rows[0]?.total ?? (options.offset ? await countCustomers(db, companyId, options.filter) : 0);
  return { items: result.rows.map(({ total: _total, ...row }) => row), total };
}

/**
 * When neither the order nor the filter depends on balances, the page of customers is chosen
 * first (from the customers table alone) and balances are computed for that page only: the
 * cost then follows the page size, not the size of the ledger.
 */
async function listCustomerPage(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: ListOptions & { limit: number; sort: 'code' | 'name' },
): Promise<{ items: CustomerBalanceRow[]; total: number }> {
  const where = customerWhere(options.filter ?? {});
  const order = sql.raw(SORTS[options.sort]);
  const result = await sql<CustomerBalanceRow>`
    with c as (
      select c.code, c.name, c.customer_type, c.salesperson, c.status, c.credit_limit_minor, c.currency
      from customers c where c.company_id = ${companyId} and ${where}
      order by ${order} limit ${options.limit} offset ${options.offset ?? 0}
    )
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
      c.credit_limit_minor as "creditLimitMinor", c.currency,
      coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor"
    from c left join lateral (
      -- Per customer of the page, from its open items (see open-items.ts): they sum to the balance.
      select sum(o.open_minor) as balance_minor,
        sum(case when o.open_minor > 0 and o.due_date < ${asOf} then o.open_minor else 0 end) as overdue_minor
      from (${openItemsAsOf({ companyId, asOf, customerCode: sql.ref('c.code') })}) o
    ) t on true
    order by ${order}`.execute(db);
  return { items: result.rows, total: await countCustomers(db, companyId, options.filter) };
}

/**
 * Sorted by balance or overdue amount: the order needs every customer's totals (one grouped scan
 * of the open items; the overdue amount depends on the date, so it is computed, not kept), but
 * not a window numbering every customer: the total is counted from the customers table alone.
 */
async function listCustomersByTotals(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: ListOptions & { limit: number; sort: 'balance' | 'overdue' },
): Promise<{ items: CustomerBalanceRow[]; total: number }> {
  const [page, total] = await Promise.all([
    sql<CustomerBalanceRow>`
    with t as (${customerTotals(companyId, asOf)})
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
      c.credit_limit_minor as "creditLimitMinor", c.currency,
      coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor"
    from customers c left join t on t.customer_code = c.code
    where c.company_id = ${companyId} and ${customerWhere(options.filter ?? {})}
    order by ${sql.raw(SORTS[options.sort])} limit ${options.limit} offset ${options.offset ?? 0}`.execute(
      db,
    ),
    countCustomers(db, companyId, options.filter),
  ]);
  return { items: page.rows, total };
}

async function countCustomers(db: Kysely<Database>, companyId: string, filter: CustomerListFilter = {}) {
  const result = await sql<{ total: number }>`
    select count(*)::int8 as total from customers c where c.company_id = ${companyId} and ${customerWhere({
      ...filter,
      overdueOnly: false,
    })}`.execute(db);
  return result.rows[0]?.total ?? 0;
}
