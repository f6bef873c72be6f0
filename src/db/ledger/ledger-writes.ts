/** Appends allocations and customer events in bulk, and resolves document ids from references. */
import { type Kysely, sql } from 'kysely';
import type { CustomerEvent } from '#core/types';
import { EVENT_COLUMNS } from '../imports/entity-columns.ts';
import { batches, type ColumnSpec, stagedValue, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';

export interface NewAllocation {
  debitDocumentId: number;
  creditDocumentId: number;
  amountMinor: number;
  allocationDate: string;
  reversesAllocationId: number | null;
  source: string;
}

const ALLOCATION_COLUMNS: ColumnSpec<NewAllocation>[] = [
  { name: 'debit_document_id', type: 'int8', value: (a) => a.debitDocumentId },
  { name: 'credit_document_id', type: 'int8', value: (a) => a.creditDocumentId },
  { name: 'amount_minor', type: 'int8', value: (a) => a.amountMinor },
  { name: 'allocation_date', type: 'date', value: (a) => a.allocationDate },
  { name: 'reverses_allocation_id', type: 'int8', value: (a) => a.reversesAllocationId },
  { name: 'source', type: 'text', value: (a) => a.source },
];

/** Appends allocations; returns their ids in input order. */
export async function insertAllocations(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  allocations: readonly NewAllocation[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of batches(allocations, 5000)) {
    const names = ALLOCATION_COLUMNS.map((column) => sql.ref(column.name));
    const result = await sql<{ allocation_id: number }>`
      insert into allocations (company_id, created_by, ${sql.join(names)})
      select ${companyId}, ${actor}, ${sql.join(names)} from (${unnestSelect(batch, ALLOCATION_COLUMNS)}) as staged
      returning allocation_id`.execute(trx);
    // Identity values are assigned in insertion order within one statement.
    ids.push(...result.rows.map((row) => row.allocation_id).sort((a, b) => a - b));
  }
  return ids;
}

/**
 * Appends story lines with their catalogue messages (EVENT_COLUMNS). The dunning run's COPY path
 * (dunning/run-events.ts) writes the same columns from the same list. `at`: when they are written,
 * from the use case's clock; the database's now() without it (a loaded data set's lines keep the
 * instant of their company's creation, which tells that they came with the load).
 */
export async function insertEvents(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  events: readonly CustomerEvent[],
  at?: Date,
): Promise<void> {
  for (const batch of batches(events, 5000)) {
    const names = EVENT_COLUMNS.map((column) => sql.ref(column.name));
    // The message's parameters travel as JSON text (unnestSelect) and become jsonb again here.
    const values = EVENT_COLUMNS.map((column) => stagedValue(column as ColumnSpec<unknown>));
    await sql`
      insert into customer_events (company_id, created_by, created_at, ${sql.join(names)})
      select ${companyId}, ${actor}, coalesce(${at ?? null}::timestamptz, now()), ${sql.join(values)}
        from (${unnestSelect(batch, EVENT_COLUMNS)}) as staged`.execute(trx);
  }
}

/** external_ref → document_id for one source (all documents of that source), or of every source. */
export async function documentIdsByRef(
  db: Kysely<Database>,
  companyId: string,
  source: string | null,
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('documents')
    .select(['document_id', 'external_ref'])
    .where('company_id', '=', companyId);
  if (source !== null) query = query.where('source', '=', source);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.external_ref, row.document_id]));
}

/** Deletes every row of a company, children first (used to reset the demo company). */
export async function deleteCompanyData(trx: Kysely<Database>, companyId: string): Promise<void> {
  // Allocations are append-only; the delete guard lets them go only with their company.
  await sql`select set_config('encours.deleting_company', ${companyId}, true)`.execute(trx);
  for (const table of [
    'allocations',
    'customer_events',
    'orders',
    'documents',
    'users',
    'audit_log',
    'import_runs',
    'customers',
    'companies',
  ] as const) {
    await trx.deleteFrom(table).where('company_id', '=', companyId).execute();
  }
}
