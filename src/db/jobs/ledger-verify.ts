/**
 * The ledger check of the `ledger.verify` job, one slice of customers at a time: the stored
 * open-item state (open_items, settled_documents, kept by triggers) against the ledger
 * recomputed from documents and allocations. The whole-company version used by the tests is
 * openItemStateDifferences (../ledger/open-items.ts); this one is bounded by a slice, so each
 * statement stays short on the single embedded connection.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export async function countCustomers(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The next customer codes after `afterCode` (exclusive; null = from the start), in code order. */
export async function customerCodesAfter(
  db: Kysely<Database>,
  companyId: string,
  afterCode: string | null,
  limit: number,
): Promise<string[]> {
  let query = db
    .selectFrom('customers')
    .select('code')
    .where('company_id', '=', companyId)
    .orderBy('code')
    .limit(limit);
  if (afterCode !== null) query = query.where('code', '>', afterCode);
  return (await query.execute()).map((row) => row.code);
}

export interface LedgerDifference {
  customerCode: string;
  documentId: number;
  expectedOpenMinor: number;
  /** Null when the document has no state row at all. */
  storedOpenMinor: number | null;
}

/** Documents of these customers whose stored state differs from their ledger (none: all agree). */
export async function ledgerDifferencesOf(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
): Promise<LedgerDifference[]> {
  if (customerCodes.length === 0) return [];
  const result = await sql<LedgerDifference>`
    with docs as (
      select document_id, customer_code, amount_minor from documents
      where company_id = ${companyId} and customer_code = any(${[...customerCodes]}::text[])
    ), sides as (
      select a.debit_document_id as document_id, a.amount_minor as settled_minor, a.allocation_date
      from allocations a join docs on docs.document_id = a.debit_document_id
      where a.company_id = ${companyId}
      union all
      select a.credit_document_id, -a.amount_minor, a.allocation_date
      from allocations a join docs on docs.document_id = a.credit_document_id
      where a.company_id = ${companyId}
    ), settled as (
      select document_id, sum(settled_minor) as settled_minor, min(allocation_date) as first_date,
        max(allocation_date) as last_date
      from sides group by document_id
    ), expected as (
      select d.document_id, d.customer_code, d.amount_minor,
        (d.amount_minor - coalesce(s.settled_minor, 0))::int8 as open_minor, s.first_date, s.last_date
      from docs d left join settled s on s.document_id = d.document_id
    ), stored as (
      select document_id, customer_code, amount_minor, open_minor, first_allocation_date,
        last_allocation_date
      from open_items
      where company_id = ${companyId} and document_id in (select document_id from docs)
      union all
      select document_id, customer_code, amount_minor, 0, first_allocation_date, settled_on
      from settled_documents
      where company_id = ${companyId} and document_id in (select document_id from docs)
    ), stored_once as (
      select document_id, max(customer_code) as customer_code, max(amount_minor) as amount_minor,
        max(open_minor) as open_minor, max(first_allocation_date) as first_date,
        max(last_allocation_date) as last_date, count(*) as copies
      from stored group by document_id
    )
    select e.customer_code as "customerCode", e.document_id::int8 as "documentId",
      e.open_minor as "expectedOpenMinor", s.open_minor::int8 as "storedOpenMinor"
    from expected e left join stored_once s on s.document_id = e.document_id
    where s.document_id is null or s.copies <> 1 or s.open_minor <> e.open_minor
      or s.amount_minor <> e.amount_minor or s.customer_code <> e.customer_code
      or s.first_date is distinct from e.first_date or s.last_date is distinct from e.last_date
    order by 1, 2`.execute(db);
  return result.rows;
}
