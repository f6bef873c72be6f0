/**
 * Historical ledger reads. Everything is "as of" a date: a document counts once issued on or
 * before it, and an allocation once dated on or before it. That single rule makes any past
 * balance exact.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from './open-items.ts';

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
  if (options.limit !== undefined && !options.filter?.overdueOnly && (sort === 'code' || sort === 'name'))
    return listCustomerPage(db, companyId, asOf, { ...options, limit: options.limit, sort });
  const where = customerWhere(options.filter ?? {});
  const paging =
    options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  const result = await sql<CustomerBalanceRow & { total: number }>`
    with open_docs as (${openItemsAsOf({ companyId, asOf })}),
    totals as (
      -- Allocations net to zero and never predate a document, so the open items sum to the balance.
      select customer_code, sum(open_minor) as balance_minor,
        sum(case when open_minor > 0 and due_date < ${asOf} then open_minor else 0 end) as overdue_minor
      from open_docs group by customer_code
    )
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

async function countCustomers(db: Kysely<Database>, companyId: string, filter: CustomerListFilter = {}) {
  const result = await sql<{ total: number }>`
    select count(*)::int8 as total from customers c where c.company_id = ${companyId} and ${customerWhere({
      ...filter,
      overdueOnly: false,
    })}`.execute(db);
  return result.rows[0]?.total ?? 0;
}

export interface OpenItemRow {
  documentId: number;
  kind: string;
  source: string;
  externalRef: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  currency: string;
  label: string | null;
}

/** Documents of a customer that are still open (debit or credit) as of a date, oldest due first. */
export async function listOpenItems(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  asOf: string,
): Promise<OpenItemRow[]> {
  const result = await sql<OpenItemRow>`
    with open_docs as (${openItemsAsOf({ companyId, asOf, customerCode })})
    select d.document_id as "documentId", d.kind, d.source, d.external_ref as "externalRef",
      d.issue_date as "issueDate", d.due_date as "dueDate", d.amount_minor as "amountMinor",
      o.open_minor::int8 as "openMinor", d.currency, d.label
    from open_docs o join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    order by d.due_date, d.issue_date, d.document_id`.execute(db);
  return result.rows;
}

export type DocumentRow = OpenItemRow;

/** Every document of a customer issued on or before a date, newest first, with its open amount then. */
export async function listCustomerDocuments(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  asOf: string,
  page: { limit: number; offset: number },
): Promise<{ items: DocumentRow[]; total: number }> {
  const result = await sql<DocumentRow & { total: number }>`
    with open_docs as (${openItemsAsOf({ companyId, asOf, customerCode })})
    select d.document_id as "documentId", d.kind, d.source, d.external_ref as "externalRef",
      d.issue_date as "issueDate", d.due_date as "dueDate", d.amount_minor as "amountMinor",
      coalesce(o.open_minor, 0)::int8 as "openMinor", d.currency, d.label, count(*) over ()::int8 as total
    from documents d left join open_docs o on o.document_id = d.document_id
    where d.company_id = ${companyId} and d.customer_code = ${customerCode} and d.issue_date <= ${asOf}
    order by d.issue_date desc, d.document_id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = result.rows[0]?.total ?? 0;
  return { items: result.rows.map(({ total: _total, ...row }) => row), total };
}

export interface AllocationRow {
  allocationId: number;
  allocationDate: string;
  amountMinor: number;
  debitRef: string;
  creditRef: string;
  reversesAllocationId: number | null;
  source: string;
}

/** Matching (lettrage) rows touching a customer's documents, dated on or before a date. */
export async function listCustomerAllocations(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  asOf: string,
  page: { limit: number; offset: number },
): Promise<{ items: AllocationRow[]; total: number }> {
  const result = await sql<AllocationRow & { total: number }>`
    select a.allocation_id as "allocationId", a.allocation_date as "allocationDate",
      a.amount_minor as "amountMinor", debit.external_ref as "debitRef", credit.external_ref as "creditRef",
      a.reverses_allocation_id as "reversesAllocationId", a.source, count(*) over ()::int8 as total
    from allocations a
    join documents debit on debit.company_id = a.company_id and debit.document_id = a.debit_document_id
    join documents credit on credit.company_id = a.company_id and credit.document_id = a.credit_document_id
    where a.company_id = ${companyId} and debit.customer_code = ${customerCode} and a.allocation_date <= ${asOf}
    order by a.allocation_date desc, a.allocation_id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = result.rows[0]?.total ?? 0;
  return { items: result.rows.map(({ total: _total, ...row }) => row), total };
}

/** Notes whose text mentions @email; `salesperson` narrows to one salesperson's customers. */
export async function selectNotesMentioning(
  db: Kysely<Database>,
  companyId: string,
  email: string,
  salesperson: string | null,
  limit: number,
) {
  const pattern = `%@${email.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const result = await sql<{
    customerCode: string;
    eventDate: string;
    detail: string;
    createdBy: string | null;
  }>`
    select e.customer_code as "customerCode", e.event_date as "eventDate", e.detail, e.created_by as "createdBy"
    from customer_events e join customers c on c.company_id = e.company_id and c.code = e.customer_code
    where e.company_id = ${companyId} and e.kind = 'note' and lower(e.detail) like ${pattern}
      and (${salesperson}::text is null or c.salesperson = ${salesperson})
    order by e.event_id desc limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * Refreshes the planner's statistics. The embedded engine has no autovacuum: after a bulk load
 * its planner would otherwise think the tables empty and pick nested loops that turn the
 * portfolio query from ~0.1 s into seconds.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
