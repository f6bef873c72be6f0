/**
 * Documents open at a date, read from the open-item state that migration 0003 keeps beside the
 * ledger (open_items, settled_documents) instead of aggregating every allocation ever made.
 *
 * Open at D ⇔ issued ≤ D and (open now, or settled after D); open amount at D = open amount now
 * + the allocations dated after D, which only documents whose latest allocation is after D have.
 * As of today that is a scan of the open items alone.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface OpenItemScope {
  companyId: string;
  asOf: string;
  /** One customer only: a code, or a column of an enclosing query (a lateral join). */
  customerCode?: string | RawBuilder<unknown> | ReturnType<typeof sql.ref> | undefined;
}

/** Σ of the allocations dated after the date on one document, signed like its open amount. */
function allocatedAfter(companyId: string, asOf: string, alias: 'o' | 's') {
  const documentId = sql.ref(`${alias}.document_id`);
  return sql`cross join lateral (
    select coalesce(sum(later.settled_minor), 0)::int8 as minor from (
      select a.amount_minor as settled_minor from allocations a where a.company_id = ${companyId}
        and a.debit_document_id = ${documentId} and a.allocation_date > ${asOf}::date
      union all
      select -a.amount_minor from allocations a where a.company_id = ${companyId}
        and a.credit_document_id = ${documentId} and a.allocation_date > ${asOf}::date
    ) later
  ) ${sql.raw(`${alias}_later`)}`;
}

/**
 * Rows (document_id, customer_code, issue_date, due_date, open_minor) of the documents issued
 * on or before the date whose open amount at that date is not zero. Four branches, so that the
 * allocations are read only for documents partly settled around the date (first allocation on
 * or before it, latest after it) — a planner evaluates a lateral join on every row it is given.
 */
export function openItemsAsOf(scope: OpenItemScope): RawBuilder<unknown> {
  const { companyId, asOf } = scope;
  const d = sql`${asOf}::date`;
  // One customer's documents through the documents_customer index, then each state row by its key.
  const customer = (alias: string) =>
    scope.customerCode === undefined
      ? sql``
      : sql`and ${sql.ref(`${alias}.document_id`)} in (select d.document_id from documents d
          where d.company_id = ${companyId} and d.customer_code = ${scope.customerCode}
            and d.issue_date <= ${d})`;
  const openAt = sql`o.company_id = ${companyId} and o.issue_date <= ${d} ${customer('o')}`;
  const settledAfter = sql`s.company_id = ${companyId} and s.settled_on > ${d} and s.issue_date <= ${d}
    ${customer('s')}`;
  return sql`
    select * from (
      select o.document_id, o.customer_code, o.issue_date, o.due_date,
        case when o.first_allocation_date is null or o.first_allocation_date > ${d} then o.amount_minor
          else o.open_minor end as open_minor
      from open_items o
      where ${openAt} and not coalesce(o.first_allocation_date <= ${d} and o.last_allocation_date > ${d}, false)
      union all
      select o.document_id, o.customer_code, o.issue_date, o.due_date, o.open_minor + o_later.minor
      from open_items o ${allocatedAfter(companyId, asOf, 'o')}
      where ${openAt} and o.first_allocation_date <= ${d} and o.last_allocation_date > ${d}
      union all
      select s.document_id, s.customer_code, s.issue_date, s.due_date, s.amount_minor
      from settled_documents s where ${settledAfter} and s.first_allocation_date > ${d}
      union all
      select s.document_id, s.customer_code, s.issue_date, s.due_date, s_later.minor
      from settled_documents s ${allocatedAfter(companyId, asOf, 's')}
      where ${settledAfter} and s.first_allocation_date <= ${d}
    ) open_at_date where open_minor <> 0`;
}

export interface OpenItemStateDifference {
  documentId: number;
  expectedOpenMinor: number;
  storedOpenMinor: number | null;
  expectedSettledOn: string | null;
  storedSettledOn: string | null;
}

/**
 * Documents whose stored open-item state differs from the ledger (amount − allocations): empty
 * when the triggers did their job (the property and migration tests run it).
 */
export async function openItemStateDifferences(
  db: Kysely<Database>,
  companyId: string,
): Promise<OpenItemStateDifference[]> {
  const result = await sql<OpenItemStateDifference>`
    with settled as (
      select document_id, sum(settled_minor) as settled_minor, min(allocation_date) as first_date,
        max(allocation_date) as last_date
      from (
        select debit_document_id as document_id, amount_minor as settled_minor, allocation_date
        from allocations where company_id = ${companyId}
        union all
        select credit_document_id, -amount_minor, allocation_date from allocations where company_id = ${companyId}
      ) sides group by document_id
    ), expected as (
      select d.document_id, d.amount_minor, (d.amount_minor - coalesce(s.settled_minor, 0))::int8 as open_minor,
        s.first_date, s.last_date
      from documents d left join settled s on s.document_id = d.document_id
      where d.company_id = ${companyId}
    ), stored as (
      select document_id, amount_minor, open_minor, first_allocation_date, last_allocation_date,
        null::date as settled_on, 1 as copies
      from open_items where company_id = ${companyId}
      union all
      select document_id, amount_minor, 0, first_allocation_date, settled_on, settled_on, 1
      from settled_documents where company_id = ${companyId}
    ), stored_once as (
      select document_id, max(amount_minor) as amount_minor, max(open_minor) as open_minor,
        max(first_allocation_date) as first_date, max(last_allocation_date) as last_date,
        max(settled_on) as settled_on, sum(copies) as copies
      from stored group by document_id
    )
    select coalesce(e.document_id, s.document_id)::int8 as "documentId",
      coalesce(e.open_minor, 0)::int8 as "expectedOpenMinor", s.open_minor::int8 as "storedOpenMinor",
      case when e.open_minor = 0 then e.last_date end as "expectedSettledOn", s.settled_on as "storedSettledOn"
    from expected e full join stored_once s on s.document_id = e.document_id
    where e.document_id is null or s.document_id is null or s.copies <> 1
      or e.open_minor <> s.open_minor or e.amount_minor <> s.amount_minor
      or s.first_date is distinct from e.first_date or s.last_date is distinct from e.last_date
    order by 1`.execute(db);
  return result.rows;
}
