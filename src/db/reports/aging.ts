/**
 * Aged-balance reads, aggregated in the database in one pass: allocations dated ≤ as-of are
 * summed per document, documents issued ≤ as-of get their open amount and age, and only the
 * (customer, bucket) sums leave the database before being regrouped by the requested key.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AgeBucket, AgingBasis, AgingCell } from '#core/analytics/aging';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { assignedAsOf } from '../legal/factoring-items.ts';

export type AgingGroupBy = 'customer' | 'customer_type' | 'salesperson' | 'group' | 'country';

const GROUP_KEYS: Record<AgingGroupBy, { key: string; name: string }> = {
  customer: { key: 'c.code', name: 'c.name' },
  customer_type: { key: 'c.customer_type', name: 'c.customer_type' },
  salesperson: { key: "coalesce(c.salesperson, '')", name: "coalesce(c.salesperson, '')" },
  group: { key: 'coalesce(c.group_code, c.code)', name: 'coalesce(p.name, c.name)' },
  country: { key: 'c.country', name: 'c.country' },
};

export interface AgingQuery {
  companyId: string;
  asOf: string;
  basis: AgingBasis;
  buckets: readonly AgeBucket[];
  filter?: { customerType?: string | undefined; salesperson?: string | undefined } | undefined;
}

/**
 * Per-document open amount and age as of the date, from the open-item state (see open-items.ts);
 * `withDocument` adds the document's kind, reference and amount (drill-downs, evidence).
 */
export function openDocumentsWithAge(
  query: AgingQuery,
  options: { withDocument?: boolean } = {},
): RawBuilder<unknown> {
  const { companyId, asOf } = query;
  const ageFrom = query.basis === 'due' ? sql`o.due_date` : sql`o.issue_date`;
  const open = openItemsAsOf({ companyId, asOf });
  if (!options.withDocument)
    return sql`select o.*, (${asOf}::date - ${ageFrom}) as age_days from (${open}) o`;
  return sql`
    select o.*, d.kind, d.external_ref, d.amount_minor, (${asOf}::date - ${ageFrom}) as age_days
    from (${open}) o join documents d on d.company_id = ${companyId} and d.document_id = o.document_id`;
}

/** CASE expression giving the bucket index of an open amount (-1 for open credits). */
export function bucketCase(buckets: readonly AgeBucket[]): RawBuilder<number> {
  const branches = buckets
    .slice(0, -1)
    .map((bucket, index) => sql`when age_days <= ${bucket.toDays ?? 0}::int then ${index}::int`);
  return sql<number>`case when open_minor < 0 then -1 ${sql.join(branches, sql` `)} else ${buckets.length - 1}::int end`;
}

export function customerFilterSql(filter: AgingQuery['filter']): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (filter?.customerType) parts.push(sql`c.customer_type = ${filter.customerType}`);
  if (filter?.salesperson) parts.push(sql`c.salesperson = ${filter.salesperson}`);
  return sql.join(parts, sql` and `);
}

export async function agingCells(
  db: Kysely<Database>,
  query: AgingQuery,
  groupBy: AgingGroupBy,
): Promise<AgingCell[]> {
  const group = GROUP_KEYS[groupBy];
  // One aggregation by (group key, bucket) over the open items joined to their customers; the
  // "C" collation makes the grouping sort compare bytes rather than locale rules.
  const result = await sql<AgingCell>`
    select ${sql.raw(group.key)} collate "C" as "groupKey", min(${sql.raw(group.name)}) as "groupName",
      o.bucket_index as "bucketIndex", sum(o.open_minor)::int8 as "amountMinor", count(*)::int8 as "documentCount"
    from (select customer_code, open_minor, ${bucketCase(query.buckets)} as bucket_index
      from (${openDocumentsWithAge(query)}) aged) o
    join customers c on c.company_id = ${query.companyId} and c.code = o.customer_code
    ${groupBy === 'group' ? sql`left join customers p on p.company_id = c.company_id and p.code = c.group_code` : sql``}
    where ${customerFilterSql(query.filter)}
    group by 1, o.bucket_index
    order by 1`.execute(db);
  return result.rows;
}

/** Per group, the open amount of the invoices assigned to a factor at the date (the flag of the aged balance). */
export async function agingAssigned(
  db: Kysely<Database>,
  query: AgingQuery,
  groupBy: AgingGroupBy,
): Promise<{ groupKey: string; assignedMinor: number }[]> {
  const group = GROUP_KEYS[groupBy];
  const result = await sql<{ groupKey: string; assignedMinor: number }>`
    select ${sql.raw(group.key)} collate "C" as "groupKey", sum(o.open_minor)::int8 as "assignedMinor"
    from (${openItemsAsOf({ companyId: query.companyId, asOf: query.asOf })}) o
    join (${assignedAsOf(query.companyId, query.asOf)}) a on a.document_id = o.document_id
    join customers c on c.company_id = ${query.companyId} and c.code = o.customer_code
    where o.open_minor > 0 and ${customerFilterSql(query.filter)}
    group by 1`.execute(db);
  return result.rows;
}

/** Ledger balance (Σ amounts issued ≤ as-of): independent of allocations, hence a proof of the aging. */
export async function ledgerBalance(db: Kysely<Database>, query: AgingQuery): Promise<number> {
  const filtered = Boolean(query.filter?.customerType || query.filter?.salesperson);
  // Without a customer filter the join to customers is pure cost on a large ledger.
  const customerJoin = filtered
    ? sql`join customers c on c.company_id = d.company_id and c.code = d.customer_code and ${customerFilterSql(query.filter)}`
    : sql``;
  const result = await sql<{ balance: number }>`
    select coalesce(sum(d.amount_minor), 0)::int8 as balance from documents d ${customerJoin}
    where d.company_id = ${query.companyId} and d.issue_date <= ${query.asOf}`.execute(db);
  return result.rows[0]?.balance ?? 0;
}

export interface AgingDocumentRow {
  customerCode: string;
  customerName: string;
  kind: string;
  externalRef: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  ageDays: number;
  bucketIndex: number;
  /** The factor the invoice is assigned to at the date (subrogation: the customer pays it), or null. */
  factorName: string | null;
}

/** Drill-down: the open documents behind one group (and optionally one bucket) of the aged balance. */
export async function agingDocuments(
  db: Kysely<Database>,
  query: AgingQuery,
  groupBy: AgingGroupBy,
  groupKey: string,
  options: { bucketIndex?: number | undefined; limit?: number | undefined } = {},
): Promise<AgingDocumentRow[]> {
  const group = GROUP_KEYS[groupBy];
  const bucketFilter =
    options.bucketIndex === undefined ? sql`true` : sql`bucket_index = ${options.bucketIndex}`;
  const result = await sql<AgingDocumentRow>`
    select * from (
      select o.customer_code as "customerCode", c.name as "customerName", o.kind, o.external_ref as "externalRef",
        o.issue_date as "issueDate", o.due_date as "dueDate", o.amount_minor as "amountMinor",
        o.open_minor::int8 as "openMinor", o.age_days as "ageDays", ${bucketCase(query.buckets)} as bucket_index,
        k.factor_name as "factorName"
      from (${openDocumentsWithAge(query, { withDocument: true })}) o
      join customers c on c.company_id = ${query.companyId} and c.code = o.customer_code
      left join (${assignedAsOf(query.companyId, query.asOf)}) a on a.document_id = o.document_id
      left join factoring_contracts k on k.company_id = ${query.companyId} and k.contract_id = a.contract_id
      where o.open_minor <> 0 and ${sql.raw(group.key)} = ${groupKey} and ${customerFilterSql(query.filter)}
    ) docs
    where ${bucketFilter}
    order by "dueDate", "customerCode", "externalRef"
    limit ${options.limit ?? 10_000}`.execute(db);
  return result.rows.map(({ bucket_index, ...row }: AgingDocumentRow & { bucket_index?: number }) => ({
    ...row,
    bucketIndex: bucket_index ?? -1,
  }));
}
