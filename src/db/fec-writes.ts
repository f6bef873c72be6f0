/**
 * Database side of the FEC import: customers created only when missing (what Encours knows
 * about a customer — terms, limit, salesperson — wins over the bare FEC account), the lettering
 * already recorded for FEC documents, and the figures of the reconciliation proof.
 */
import { type Kysely, sql } from 'kysely';
import type { Customer } from '#core/types';
import type { ColumnSpec } from './bulk.ts';
import { CUSTOMER_UPSERT } from './entity-columns.ts';
import type { Database } from './schema.ts';
import { stageRows } from './upsert.ts';

export interface StoredCustomerTerms {
  terms: string;
  currency: string;
}

export async function companyCurrency(db: Kysely<Database>, companyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('companies')
    .select('currency')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.currency ?? null;
}

export async function customerTermsByCode(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<Map<string, StoredCustomerTerms>> {
  const found = new Map<string, StoredCustomerTerms>();
  for (let start = 0; start < codes.length; start += 10_000) {
    const rows = await db
      .selectFrom('customers')
      .select(['code', 'payment_terms', 'currency'])
      .where('company_id', '=', companyId)
      .where('code', 'in', codes.slice(start, start + 10_000))
      .execute();
    for (const row of rows) found.set(row.code, { terms: row.payment_terms, currency: row.currency });
  }
  return found;
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

/** Every allocation (of any source) touching a document of the given source. */
export async function allocationsTouchingSource(
  trx: Kysely<Database>,
  companyId: string,
  source: string,
): Promise<StoredAllocation[]> {
  const result = await sql<StoredAllocation>`
    select a.allocation_id as id, a.debit_document_id as "debitId", a.credit_document_id as "creditId",
      a.amount_minor as "amountMinor", a.allocation_date as "allocationDate",
      a.reverses_allocation_id as "reversesId", a.source
    from allocations a
    where a.company_id = ${companyId} and exists (
      select 1 from documents d where d.company_id = ${companyId} and d.source = ${source}
        and d.document_id in (a.debit_document_id, a.credit_document_id))
    order by a.allocation_id`.execute(trx);
  return result.rows;
}

export interface CustomerOpenItems {
  code: string;
  openItemsMinor: number;
  openItems: number;
}

/** Σ open amounts (amount − allocations, as of the date) and count of open documents per customer. */
export async function openItemsByCustomer(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: string,
): Promise<CustomerOpenItems[]> {
  const result = await sql<CustomerOpenItems>`
    with debits as (
      select debit_document_id as document_id, sum(amount_minor) as allocated from allocations
      where company_id = ${companyId} and allocation_date <= ${asOf} group by debit_document_id
    ), credits as (
      select credit_document_id as document_id, sum(amount_minor) as allocated from allocations
      where company_id = ${companyId} and allocation_date <= ${asOf} group by credit_document_id
    ), open_docs as (
      select d.customer_code,
        d.amount_minor - coalesce(debits.allocated, 0) + coalesce(credits.allocated, 0) as open_minor
      from documents d
      left join debits on debits.document_id = d.document_id
      left join credits on credits.document_id = d.document_id
      where d.company_id = ${companyId} and d.issue_date <= ${asOf} and d.customer_code = any(${[...codes]}::text[])
    )
    select customer_code as code, sum(open_minor)::int8 as "openItemsMinor",
      count(*) filter (where open_minor <> 0)::int8 as "openItems"
    from open_docs group by customer_code`.execute(db);
  return result.rows;
}

export interface CustomerDocumentRow {
  customerCode: string;
  source: string;
  externalRef: string;
  amountMinor: number;
}

/** Documents of some customers issued on or before a date (to explain a reconciliation difference). */
export async function documentsOfCustomers(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: string,
): Promise<CustomerDocumentRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('documents')
    .select([
      'customer_code as customerCode',
      'source',
      'external_ref as externalRef',
      'amount_minor as amountMinor',
    ])
    .where('company_id', '=', companyId)
    .where('customer_code', 'in', [...codes])
    .where('issue_date', '<=', asOf)
    .orderBy('issue_date')
    .execute();
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
  return Number(result.numAffectedRows ?? 0);
}

export interface AllocationByRef {
  debitRef: string;
  creditRef: string;
  amountMinor: number;
  allocationDate: string;
}

const ALLOCATION_REF_COLUMNS: ColumnSpec<AllocationByRef & { rank: number }>[] = [
  { name: 'rank', type: 'int4', value: (a) => a.rank },
  { name: 'debit_ref', type: 'text', value: (a) => a.debitRef },
  { name: 'credit_ref', type: 'text', value: (a) => a.creditRef },
  { name: 'amount_minor', type: 'int8', value: (a) => a.amountMinor },
  { name: 'allocation_date', type: 'date', value: (a) => a.allocationDate },
];

/**
 * Appends allocations between documents of one source named by their references: the ids are
 * resolved by a join in the database instead of travelling to Node and back. Returns the count.
 */
export async function insertAllocationsByRef(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  source: string,
  allocations: readonly AllocationByRef[],
): Promise<number> {
  if (allocations.length === 0) return 0;
  const ranked = allocations.map((allocation, rank) => ({ ...allocation, rank }));
  await stageRows(trx, 'stage_fec_allocations', ranked, ALLOCATION_REF_COLUMNS);
  const result = await sql`
    insert into allocations (company_id, created_by, source, debit_document_id, credit_document_id,
      amount_minor, allocation_date)
    select ${companyId}, ${actor}, ${source}, d.document_id, c.document_id, s.amount_minor, s.allocation_date
    from stage_fec_allocations s
    join documents d on d.company_id = ${companyId} and d.source = ${source} and d.external_ref = s.debit_ref
    join documents c on c.company_id = ${companyId} and c.source = ${source} and c.external_ref = s.credit_ref
    order by s.rank`.execute(trx);
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
