/**
 * The customer list with balances and overdue amounts as of a date, filtered, sorted and paged
 * in the database.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { customerTotals, joinCustomerTotals } from './customer-totals.ts';

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
    if (sort === 'overdue') {
      const paged = { ...options, limit: options.limit };
      const [items, total] = await Promise.all([
        overduePageByBound(db, companyId, asOf, paged),
        countCustomers(db, companyId, options.filter),
      ]);
      if (items) return { items, total };
    }
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
  if (options.filter?.search) return searchCustomerPage(db, companyId, asOf, options);
  const result = await sql<CustomerBalanceRow>`
    with c as (
      select c.code, c.name, c.customer_type, c.salesperson, c.status, c.credit_limit_minor, c.currency
      from customers c where c.company_id = ${companyId} and ${where}
      order by ${order} limit ${options.limit} offset ${options.offset ?? 0}
    )
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
      c.credit_limit_minor as "creditLimitMinor", c.currency,
      coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor"
    from c ${joinCustomerTotals(companyId, asOf)}
    order by ${order}`.execute(db);
  return { items: result.rows, total: await countCustomers(db, companyId, options.filter) };
}

/**
 * A search matches a substring, so no index of ours finds its customers: walking the name index
 * and testing each customer in turn reads most of the table when the text is rare, and the total
 * scanned it once more. One scan keeps the matching customers; their count and the page both come
 * from them.
 */
async function searchCustomerPage(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: ListOptions & { limit: number; sort: 'code' | 'name' },
): Promise<{ items: CustomerBalanceRow[]; total: number }> {
  const order = sql.raw(SORTS[options.sort]);
  const result = await sql<CustomerBalanceRow & { total: number }>`
    with found as materialized (
      select c.code, c.name, c.customer_type, c.salesperson, c.status, c.credit_limit_minor, c.currency
      from customers c where c.company_id = ${companyId} and ${customerWhere(options.filter ?? {})}
    ), c as (
      select * from found c order by ${order} limit ${options.limit} offset ${options.offset ?? 0}
    )
    select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
      c.credit_limit_minor as "creditLimitMinor", c.currency,
      coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor",
      (select count(*) from found)::int8 as total
    from c ${joinCustomerTotals(companyId, asOf)}
    order by ${order}`.execute(db);
  const total = result.rows[0]?.total ?? (await countCustomers(db, companyId, options.filter));
  return { items: result.rows.map(({ total: _total, ...row }) => row), total };
}

/** Customers read per row of the page at first, at most this many in all (beyond, one scan is cheaper). */
const CANDIDATES_PER_ROW = 1.5;
const MAX_CANDIDATES = 1000;

/** No allocation dated after the date: the open items now are those at the date (issued by then). */
function boundHolds(companyId: string, asOf: string) {
  return sql<boolean>`(not exists (select 1 from open_items l where l.company_id = ${companyId}
      and l.last_allocation_date > ${asOf}::date)
    and not exists (select 1 from settled_documents l where l.company_id = ${companyId}
      and l.settled_on > ${asOf}::date))`;
}

/**
 * Sorted by overdue amount, read as a top-N (migration 0031): when no allocation is dated after
 * the date, a customer's overdue amount at the date is part of its open debits now
 * (customer_open_debits, kept by the writes), an upper bound. Customers are read by decreasing
 * bound, each with its exact totals at the date, and the page is final once its last exact overdue
 * amount exceeds the bound of every customer not read (ties go by code, so equality is not enough).
 * Undefined when the bound does not apply (later allocations) or the page reaches customers with
 * nothing overdue, or would need too many customers: the caller then computes every customer's totals.
 */
async function overduePageByBound(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: ListOptions & { limit: number },
): Promise<CustomerBalanceRow[] | undefined> {
  const offset = options.offset ?? 0;
  const wanted = offset + options.limit;
  if (wanted === 0) return [];
  const checked = await sql<{ holds: boolean }>`select ${boundHolds(companyId, asOf)} as holds`.execute(db);
  if (!checked.rows[0]?.holds) return undefined;
  const { search, salesperson, customerType } = options.filter ?? {};
  const filtered = Boolean(search || salesperson || customerType);
  for (let read = Math.ceil(wanted * CANDIDATES_PER_ROW) + 50; read <= MAX_CANDIDATES; read *= 4) {
    // The condition again in the same statement, so that it holds in the snapshot read.
    const result = await sql<CustomerBalanceRow & { lowestBoundMinor: number; holds: boolean }>`
      with c as (
        select c.code, c.name, c.customer_type, c.salesperson, c.status, c.credit_limit_minor, c.currency,
          u.open_debit_minor
        from (
          -- Unfiltered, the largest bounds first (a top-N sort of the narrow table), then their customers.
          select * from customer_open_debits where company_id = ${companyId}
          ${filtered ? sql`` : sql`order by open_debit_minor desc limit ${read}`}
        ) u join customers c on c.company_id = u.company_id and c.code = u.customer_code
        where ${customerWhere(options.filter ?? {})}
        order by u.open_debit_minor desc limit ${read}
      )
      select c.code, c.name, c.customer_type as "customerType", c.salesperson, c.status,
        c.credit_limit_minor as "creditLimitMinor", c.currency,
        coalesce(t.balance_minor, 0)::int8 as "balanceMinor", coalesce(t.overdue_minor, 0)::int8 as "overdueMinor",
        min(c.open_debit_minor) over ()::int8 as "lowestBoundMinor", ${boundHolds(companyId, asOf)} as holds
      from c left join lateral (
        -- Where the bound holds, the open items at the date are the current ones issued by then, at
        -- their current amounts (open-items.ts reads nothing else then): read those alone.
        select sum(o.open_minor) as balance_minor,
          sum(case when o.open_minor > 0 and o.due_date < ${asOf} then o.open_minor else 0 end) as overdue_minor
        from documents d join open_items o on o.company_id = d.company_id and o.document_id = d.document_id
        where d.company_id = ${companyId} and d.customer_code = c.code and d.issue_date <= ${asOf}
      ) t on true
      order by ${sql.raw(SORTS.overdue)}`.execute(db);
    const rows = result.rows;
    if (rows[0] && !rows[0].holds) return undefined;
    // Fewer rows than asked: every customer with open debits was read, the others owe nothing.
    const everyDebtor = rows.length < read;
    const last = rows[wanted - 1];
    if (
      wanted === 0 ||
      (last && last.overdueMinor > 0 && (everyDebtor || last.overdueMinor > last.lowestBoundMinor))
    )
      return rows.slice(offset, wanted).map(({ lowestBoundMinor: _bound, holds: _holds, ...row }) => row);
    if (everyDebtor) return undefined;
  }
  return undefined;
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

/**
 * Customers whose stored open debits (customer_open_debits, migration 0031) differ from the sum of
 * their positive open items: empty when the triggers did their job (the property tests run it).
 */
export async function customerOpenDebitsDifferences(
  db: Kysely<Database>,
  companyId: string,
): Promise<{ customerCode: string; expectedMinor: number; storedMinor: number }[]> {
  const result = await sql<{ customerCode: string; expectedMinor: number; storedMinor: number }>`
    with expected as (
      select customer_code, sum(open_minor)::int8 as minor from open_items
      where company_id = ${companyId} and open_minor > 0 group by 1
    ), stored as (
      select customer_code, open_debit_minor as minor from customer_open_debits where company_id = ${companyId}
    )
    select coalesce(e.customer_code, s.customer_code) as "customerCode",
      coalesce(e.minor, 0)::int8 as "expectedMinor", coalesce(s.minor, 0)::int8 as "storedMinor"
    from expected e full join stored s on s.customer_code = e.customer_code
    where e.minor is distinct from s.minor
    order by 1`.execute(db);
  return result.rows;
}
