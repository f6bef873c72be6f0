/**
 * What the matching reads of the ledger once per run, and what it reads after each batch to keep
 * it current. A run reads every open item and every invoice and credit note (their references)
 * once, each through a cursor, in one snapshot together with the ledger's marks (the highest
 * document and allocation ids); after each batch it reads only what changed since the marks —
 * the documents written since and those the allocations written since touch — instead of
 * reading the open items and references of every candidate of every batch again.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../infra/schema.ts';
import type { OpenItemRow, RefDocumentRow } from './matching-queries.ts';

/** The highest document and allocation ids: what was written after them is a change. */
export interface LedgerMarks {
  documentId: number;
  allocationId: number;
}

export async function ledgerMarks(db: Kysely<Database>, companyId: string): Promise<LedgerMarks> {
  const result = await sql<LedgerMarks>`
    select coalesce((select max(document_id) from documents where company_id = ${companyId}), 0) as "documentId",
      coalesce((select max(allocation_id) from allocations where company_id = ${companyId}), 0) as "allocationId"`.execute(
    db,
  );
  return result.rows[0] ?? { documentId: 0, allocationId: 0 };
}

const OPEN_ITEM_COLUMNS = sql`d.document_id as "documentId", d.customer_code as "customerCode",
  d.external_ref as ref, d.kind, d.issue_date as "issueDate", d.due_date as "dueDate",
  o.open_minor as "openMinor", d.currency`;

/** Rows of a query `chunkSize` at a time through a cursor, inside the caller's transaction. */
async function forEachChunk<Row>(
  trx: Transaction<Database>,
  name: string,
  query: RawBuilder<Row>,
  chunkSize: number,
  onChunk: (rows: Row[]) => void | Promise<void>,
): Promise<void> {
  // Every row is read: plan for all of them (one scan of each table), not for the first tenth.
  await sql`select set_config('cursor_tuple_fraction', '1', true)`.execute(trx);
  await sql`declare ${sql.raw(name)} no scroll cursor for ${query}`.execute(trx);
  const fetchNext = () => {
    const fetching = sql<Row>`fetch forward ${sql.raw(String(chunkSize))} from ${sql.raw(name)}`.execute(trx);
    // Awaited below; a failure meanwhile is not an unhandled rejection.
    fetching.catch(() => {});
    return fetching;
  };
  let fetching = fetchNext();
  for (;;) {
    const { rows } = await fetching;
    const more = rows.length === chunkSize;
    // The database reads the next chunk while this one is taken in (the connection queues it).
    if (more) fetching = fetchNext();
    await onChunk(rows);
    if (!more) break;
  }
  await sql`close ${sql.raw(name)}`.execute(trx);
}

/** Every open item of the company with a document id up to `upToId`, `chunkSize` rows at a time. */
export async function forEachOpenItem(
  trx: Transaction<Database>,
  companyId: string,
  upToId: number,
  chunkSize: number,
  onChunk: (rows: OpenItemRow[]) => void,
): Promise<void> {
  const query = sql<OpenItemRow>`
    select ${OPEN_ITEM_COLUMNS}
    from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
    where o.company_id = ${companyId} and d.company_id = ${companyId} and o.document_id <= ${upToId}`;
  await forEachChunk(trx, 'cash_open_items', query, chunkSize, onChunk);
}

/** Every invoice and credit note (the documents a reference names) up to `upToId`, by chunks. */
export async function forEachReferenceDocument(
  trx: Transaction<Database>,
  companyId: string,
  upToId: number,
  chunkSize: number,
  onChunk: (rows: Omit<RefDocumentRow, 'digits'>[]) => Promise<void>,
): Promise<void> {
  const query = sql<Omit<RefDocumentRow, 'digits'>>`
    select document_id as "documentId", customer_code as "customerCode", external_ref as "externalRef"
    from documents
    where company_id = ${companyId} and document_id <= ${upToId} and kind in ('invoice', 'credit_note')`;
  await forEachChunk(trx, 'cash_reference_documents', query, chunkSize, onChunk);
}

/**
 * The digits key of these documents' references as the database computes it (the expression of
 * the index of 0034): for the few references whose characters the process cannot be sure the
 * database reads as it does.
 */
export async function refDigitsOf(
  db: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<{ documentId: number; digits: string }[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<{ documentId: number; digits: string }>`
    select document_id as "documentId", ltrim(regexp_replace(external_ref, '\\D', '', 'g'), '0') as digits
    from documents where company_id = ${companyId} and document_id = any(${[...documentIds]}::int8[])`.execute(
    db,
  );
  return result.rows;
}

/** A document written or allocated since the marks: its open amount now (null when settled). */
export interface ChangedDocumentRow extends Omit<OpenItemRow, 'openMinor'> {
  openMinor: number | null;
}

/**
 * The documents written in (from.documentId, to.documentId] and those the allocations written in
 * (from.allocationId, to.allocationId] touch, each with its open amount now.
 */
export async function documentsChangedBetween(
  db: Kysely<Database>,
  companyId: string,
  from: LedgerMarks,
  to: LedgerMarks,
): Promise<ChangedDocumentRow[]> {
  if (to.documentId <= from.documentId && to.allocationId <= from.allocationId) return [];
  const result = await sql<ChangedDocumentRow>`
    with touched as (
      select document_id as id from documents
      where company_id = ${companyId} and document_id > ${from.documentId} and document_id <= ${to.documentId}
      union
      select unnest(array[debit_document_id, credit_document_id]) from allocations
      where company_id = ${companyId} and allocation_id > ${from.allocationId} and allocation_id <= ${to.allocationId})
    select ${OPEN_ITEM_COLUMNS}
    from touched t join documents d on d.company_id = ${companyId} and d.document_id = t.id
      left join open_items o on o.company_id = ${companyId} and o.document_id = t.id`.execute(db);
  return result.rows;
}
