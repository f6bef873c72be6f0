/**
 * Database side of the FEC import: customers created only when missing (what Encours knows
 * about a customer — terms, limit, salesperson — wins over the bare FEC account), the lettering
 * already recorded for FEC documents.
 */
import { type Kysely, sql } from 'kysely';
import type { Customer, DocumentKind } from '#core/types';
import { CUSTOMER_UPSERT } from '../imports/entity-columns.ts';
import { stageRows } from '../imports/upsert.ts';
import type { Database } from '../infra/schema.ts';

export async function companyCurrency(db: Kysely<Database>, companyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('companies')
    .select('currency')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.currency ?? null;
}

/** Inserts the customers not yet known; returns how many were inserted. */
export async function insertMissingCustomers(
  trx: Kysely<Database>,
  companyId: string,
  customers: readonly (Customer & { line: number })[],
): Promise<number> {
  if (customers.length === 0) return 0;
  await stageRows(trx, 'stage_fec_customers', customers, CUSTOMER_UPSERT.columns);
  const names = CUSTOMER_UPSERT.columns.map((column) => column.name).filter((name) => name !== 'line');
  const columnList = sql.join(names.map((name) => sql.ref(name)));
  const values = sql.join(names.map((name) => sql`s.${sql.ref(name)}`));
  const result = await sql`
    insert into customers (company_id, ${columnList})
    select ${companyId}, ${values} from stage_fec_customers s
    on conflict (company_id, code) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface StoredAllocation {
  id: number;
  debitId: number;
  creditId: number;
  amountMinor: number;
  allocationDate: string;
  reversesId: number | null;
  source: string;
}

/**
 * A slice of the file's customers, by code: those after `after` (from the first when null) up to
 * and including `upTo`. A letter group never spans customers, so the lettering can be brought in
 * line one slice at a time.
 */
export interface CustomerRange {
  after: string | null;
  upTo: string;
}

const inRange = (column: string, range: CustomerRange) =>
  sql`(${range.after}::text is null or ${sql.ref(column)} > ${range.after}) and ${sql.ref(column)} <= ${range.upTo}`;

/**
 * Indexes the staged documents and allocations by customer, so that each slice of a re-import's
 * lettering reads its own rows instead of scanning the whole file.
 */
export async function indexStagedByCustomer(trx: Kysely<Database>): Promise<void> {
  await sql`create index on stage_fec_documents (customer_code)`.execute(trx);
  await sql`create index on stage_fec_allocations (customer_code, rank)`.execute(trx);
  await sql`analyze stage_fec_allocations`.execute(trx);
}

/** The next `size` customers of the staged documents after `after` (null: none left). */
export async function nextCustomerRange(
  trx: Kysely<Database>,
  after: string | null,
  size: number,
): Promise<CustomerRange | null> {
  const result = await sql<{ upTo: string | null }>`
    select max(customer_code) as "upTo" from (
      select distinct customer_code from stage_fec_documents
      where ${after}::text is null or customer_code > ${after}
      order by customer_code limit ${size}) batch`.execute(trx);
  const upTo = result.rows[0]?.upTo ?? null;
  return upTo === null ? null : { after, upTo };
}

/** Every allocation (of any source) touching a document of the given source of the customers. */
export async function allocationsTouchingSource(
  trx: Kysely<Database>,
  companyId: string,
  source: string,
  customers: CustomerRange,
): Promise<StoredAllocation[]> {
  const result = await sql<StoredAllocation>`
    select a.allocation_id as id, a.debit_document_id as "debitId", a.credit_document_id as "creditId",
      a.amount_minor as "amountMinor", a.allocation_date as "allocationDate",
      a.reverses_allocation_id as "reversesId", a.source
    from allocations a
    where a.company_id = ${companyId} and a.allocation_id in (
      select x.allocation_id from documents d
      join allocations x on x.company_id = ${companyId} and x.debit_document_id = d.document_id
      where d.company_id = ${companyId} and d.source = ${source} and ${inRange('d.customer_code', customers)}
      union all
      select x.allocation_id from documents d
      join allocations x on x.company_id = ${companyId} and x.credit_document_id = d.document_id
      where d.company_id = ${companyId} and d.source = ${source} and ${inRange('d.customer_code', customers)})
    order by a.allocation_id`.execute(trx);
  return result.rows;
}

/** Whether the company already holds documents of the source (false: a first import, nothing to compare). */
export async function hasSourceDocuments(
  db: Kysely<Database>,
  companyId: string,
  source: string,
): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (select 1 from documents where company_id = ${companyId} and source = ${source}) as found`.execute(
    db,
  );
  return result.rows[0]?.found ?? false;
}

/**
 * First import of a source: the staged documents cannot match stored ones, so a plain insert
 * replaces the upsert (no conflict arbitration, no before/after comparison to audit).
 */
export async function insertStagedDocuments(
  trx: Kysely<Database>,
  companyId: string,
  stage: string,
  columns: readonly string[],
): Promise<number> {
  const names = columns.filter((name) => name !== 'line');
  const result = await sql`
    insert into documents (company_id, ${sql.join(names.map((name) => sql.ref(name)))})
    select ${companyId}, ${sql.join(names.map((name) => sql`s.${sql.ref(name)}`))}
    from ${sql.table(stage)} s`.execute(trx);
  // Fresh statistics, or the next statements (the lettering's lookups by reference, the open-item
  // triggers) are planned as if the freshly loaded tables were empty: minutes instead of seconds.
  await sql`analyze documents`.execute(trx);
  await sql`analyze open_items`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Gives the import transaction room to hash and sort hundreds of thousands of staged rows in
 * memory (the 4 MB default made the lettering join and the proof spill to disk). `local`: it ends
 * with the transaction.
 */
export async function widenWorkMemory(trx: Kysely<Database>): Promise<void> {
  await sql`set local work_mem = '64MB'`.execute(trx);
}

export interface StagedAllocation {
  /** Position in the file's lettering (the order of the letter groups' first lines). */
  rank: number;
  debitRef: string;
  creditRef: string;
  amountMinor: number;
  allocationDate: string;
}

/** The allocations the lettering of the customers implies (see stageLetterAllocations), in order. */
export async function stagedAllocations(
  trx: Kysely<Database>,
  customers: CustomerRange,
): Promise<StagedAllocation[]> {
  const result = await sql<StagedAllocation>`
    select rank, debit_ref as "debitRef", credit_ref as "creditRef", amount_minor as "amountMinor",
      allocation_date as "allocationDate"
    from stage_fec_allocations where ${inRange('customer_code', customers)} order by rank`.execute(trx);
  return result.rows;
}

export interface FileDocument {
  id: number;
  externalRef: string;
  kind: DocumentKind;
  customerCode: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
}

/** The stored documents of the customers' staged lines, with their ids (after the upsert). */
export async function stagedDocumentsWithIds(
  trx: Kysely<Database>,
  companyId: string,
  customers: CustomerRange,
): Promise<FileDocument[]> {
  const result = await sql<FileDocument>`
    select d.document_id as id, d.external_ref as "externalRef", d.kind, d.customer_code as "customerCode",
      d.issue_date as "issueDate", d.due_date as "dueDate", d.amount_minor as "amountMinor", d.currency
    from stage_fec_documents s
    join documents d on d.company_id = ${companyId} and d.source = s.source and d.external_ref = s.external_ref
    where ${inRange('s.customer_code', customers)}
    order by s.line`.execute(trx);
  return result.rows;
}
