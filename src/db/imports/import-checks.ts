/**
 * Checks run inside an import transaction, against the staged rows, before it commits. Each
 * returns the offending lines so the whole file can be rejected with a complete report.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface StageProblem {
  line: number;
  ref: string;
  detail: string;
}

/** Staged documents whose reference is already used by a document of another kind. */
export async function findKindConflicts(
  trx: Kysely<Database>,
  companyId: string,
  stage: string,
): Promise<StageProblem[]> {
  const result = await sql<StageProblem>`
    select s.line, s.external_ref as ref, d.kind as detail
    from ${sql.table(stage)} s join documents d
      on d.company_id = ${companyId} and d.source = s.source and d.external_ref = s.external_ref
    where d.kind <> s.kind order by s.line`.execute(trx);
  return result.rows;
}

/** Staged documents (after upsert) whose new amount is smaller than what is already allocated. */
export async function findOverAllocated(
  trx: Kysely<Database>,
  companyId: string,
  stage: string,
): Promise<StageProblem[]> {
  const result = await sql<StageProblem>`
    select s.line, s.external_ref as ref, a.allocated::text as detail
    from ${sql.table(stage)} s
    join documents d on d.company_id = ${companyId} and d.source = s.source and d.external_ref = s.external_ref
    join (
      select document_id, sum(amount_minor) as allocated from (
        select debit_document_id as document_id, amount_minor from allocations where company_id = ${companyId}
        union all
        select credit_document_id, amount_minor from allocations where company_id = ${companyId}
      ) x group by document_id
    ) a on a.document_id = d.document_id
    where a.allocated > abs(d.amount_minor) order by s.line`.execute(trx);
  return result.rows;
}

export interface OpenDocumentRow {
  documentId: number;
  externalRef: string;
  customerCode: string;
  issueDate: string;
  dueDate: string;
  kind: string;
  currency: string;
  amountMinor: number;
  /** Open amount counting every allocation, whatever its date. */
  openMinor: number;
  allocationCount: number;
}

/** Documents with the given references (any source), with their current open amount. */
export async function findDocumentsByRefs(
  trx: Kysely<Database>,
  companyId: string,
  refs: readonly string[],
): Promise<OpenDocumentRow[]> {
  if (refs.length === 0) return [];
  const result = await sql<OpenDocumentRow>`
    select d.document_id as "documentId", d.external_ref as "externalRef", d.customer_code as "customerCode",
      d.issue_date as "issueDate", d.due_date as "dueDate", d.kind, d.currency, d.amount_minor as "amountMinor",
      (d.amount_minor - coalesce(debits.total, 0) + coalesce(credits.total, 0))::int8 as "openMinor",
      (coalesce(debits.count, 0) + coalesce(credits.count, 0))::int8 as "allocationCount"
    from documents d
    left join lateral (select sum(amount_minor) as total, count(*) as count from allocations a
      where a.company_id = ${companyId} and a.debit_document_id = d.document_id) debits on true
    left join lateral (select sum(amount_minor) as total, count(*) as count from allocations a
      where a.company_id = ${companyId} and a.credit_document_id = d.document_id) credits on true
    where d.company_id = ${companyId} and d.external_ref = any(${[...refs]}::text[])`.execute(trx);
  return result.rows;
}

/** Payment terms and currency of the customers with these codes (those that exist). */
export async function findCustomerTerms(
  trx: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<Map<string, { terms: string; currency: string }>> {
  const found = new Map<string, { terms: string; currency: string }>();
  for (let start = 0; start < codes.length; start += 10_000) {
    const customers = await trx
      .selectFrom('customers')
      .select(['code', 'payment_terms', 'currency'])
      .where('company_id', '=', companyId)
      .where('code', 'in', codes.slice(start, start + 10_000))
      .execute();
    for (const customer of customers)
      found.set(customer.code, { terms: customer.payment_terms, currency: customer.currency });
  }
  return found;
}

/**
 * Locks the documents with these references until the transaction ends, in one order (by id)
 * so two imports locking overlapping sets cannot deadlock. An allocation is checked against
 * the open amounts read after this: a concurrent import naming the same invoice waits here for
 * the first to commit, then reads what the first allocated (read committed: each statement
 * sees what committed before it started).
 */
export async function lockDocumentsByRefs(
  trx: Kysely<Database>,
  companyId: string,
  refs: readonly string[],
): Promise<void> {
  if (refs.length === 0) return;
  await sql`
    select document_id from documents
    where company_id = ${companyId} and external_ref = any(${[...refs]}::text[])
    order by document_id
    for update`.execute(trx);
}

/**
 * The company's totals that every report sum is bounded by, as exact decimal strings (a sum
 * of int8 is numeric, which may pass 2^53): absolute document amounts, order amounts, credit limits.
 */
export async function companyAmountTotals(
  trx: Kysely<Database>,
  companyId: string,
  which: 'documents' | 'orders' | 'limits',
): Promise<string> {
  const query =
    which === 'documents'
      ? sql<{ total: string }>`select coalesce(sum(abs(amount_minor)), 0)::text as total
          from documents where company_id = ${companyId}`
      : which === 'orders'
        ? sql<{ total: string }>`select coalesce(sum(amount_minor), 0)::text as total
            from orders where company_id = ${companyId}`
        : sql<{ total: string }>`select coalesce(sum(credit_limit_minor), 0)::text as total
            from customers where company_id = ${companyId}`;
  const result = await query.execute(trx);
  return result.rows[0]?.total ?? '0';
}
