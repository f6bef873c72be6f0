/**
 * Historical ledger reads. Everything is "as of" a date: a document counts once issued on or
 * before it, and an allocation once dated on or before it. That single rule makes any past
 * balance exact.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from './open-items.ts';

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
