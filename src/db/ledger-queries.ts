/**
 * Historical ledger reads. Everything is "as of" a date: a document counts once issued on or
 * before it, and an allocation once dated on or before it. That single rule makes any past
 * balance exact.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

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

/** Per-document open amounts as of a date, for one company (optionally one customer). */
function openDocumentsSql(companyId: string, asOf: string, customerCode?: string) {
  const customerFilter = customerCode ? sql`and d.customer_code = ${customerCode}` : sql``;
  return sql`
    select d.customer_code, d.document_id, d.kind, d.amount_minor, d.due_date,
      d.amount_minor - coalesce(debits.allocated, 0) + coalesce(credits.allocated, 0) as open_minor
    from documents d
    left join (
      select debit_document_id as document_id, sum(amount_minor) as allocated from allocations
      where company_id = ${companyId} and allocation_date <= ${asOf} group by debit_document_id
    ) debits on debits.document_id = d.document_id
    left join (
      select credit_document_id as document_id, sum(amount_minor) as allocated from allocations
      where company_id = ${companyId} and allocation_date <= ${asOf} group by credit_document_id
    ) credits on credits.document_id = d.document_id
    where d.company_id = ${companyId} and d.issue_date <= ${asOf} ${customerFilter}`;
}

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

export async function listCustomerBalances(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  options: { filter?: CustomerListFilter; sort?: CustomerSort; limit?: number; offset?: number } = {},
): Promise<{ items: CustomerBalanceRow[]; total: number }> {
  const where = customerWhere(options.filter ?? {});
  const paging =
    options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  const result = await sql<CustomerBalanceRow & { total: number }>`
    with open_docs as (${openDocumentsSql(companyId, asOf)}),
    totals as (
      select customer_code, sum(amount_minor) as balance_minor,
        sum(case when amount_minor > 0 and due_date < ${asOf} then open_minor else 0 end) as overdue_minor
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
    with open_docs as (${openDocumentsSql(companyId, asOf, customerCode)})
    select d.document_id as "documentId", d.kind, d.source, d.external_ref as "externalRef",
      d.issue_date as "issueDate", d.due_date as "dueDate", d.amount_minor as "amountMinor",
      o.open_minor::int8 as "openMinor", d.currency, d.label
    from open_docs o join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    where o.open_minor <> 0
    order by d.due_date, d.issue_date, d.document_id`.execute(db);
  return result.rows;
}
