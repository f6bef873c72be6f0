/**
 * Idempotent set-based upserts through a staging table: rows identical to what is stored are
 * left alone, changed rows are updated and their before/after written to the audit log, new
 * rows are inserted. Re-running the same input therefore changes nothing.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, createStageSql, insertStageSql } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { copyStageRows } from './copy-stage.ts';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface UpsertSpec<Row> {
  /** Target table. */
  table: keyof Database;
  /** Entity name written in the audit log ("customer", "document", "order"). */
  entity: string;
  /** Natural key columns, without company_id. */
  keyColumns: readonly string[];
  /** Staged columns: the key columns and every column compared and written. */
  columns: readonly ColumnSpec<Row>[];
  /** Columns written on insert but never compared or updated (e.g. kind). */
  insertOnlyColumns?: readonly string[];
  /** Extra assignment run on update ("updated_at = now()"). */
  touchColumn?: string;
  /** The audit entry's entity read from the stored row (a document's kind: invoice…), else `entity`. */
  auditEntityColumn?: string;
  /** The columns naming a changed row in the audit log (default: the key columns). */
  auditKeyColumns?: readonly string[];
}

/** The audit action of a row an import changed (worded by the catalogue's auditAction labels). */
export const IMPORT_AUDIT_ACTION = 'import.update';

/**
 * A column as the audit log names it: the field name every other entry uses (credit_limit_minor →
 * creditLimitMinor), so the log labels it and reads `…Minor` values as money.
 */
export function auditFieldOf(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

const BATCH_SIZE = 5000;

/** Tables that record who created a row (migration 0014): the evidence of internal-audit signals. */
const CREATED_BY_TABLES: ReadonlySet<string> = new Set(['customers', 'documents']);

/** The created_by column and value of an insert, for the tables that keep it. */
function creatorOf(table: string, actor: string) {
  return CREATED_BY_TABLES.has(table)
    ? { column: sql`, created_by`, value: sql`, ${actor}::text` }
    : { column: sql``, value: sql`` };
}

export async function stageRows<Row>(
  trx: Kysely<Database>,
  stage: string,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): Promise<void> {
  await createStageSql(stage, columns).execute(trx);
  // COPY on a server; batches of unnest arrays on the embedded engine (see copy-stage.ts).
  if (!(await copyStageRows(trx, stage, rows, columns)))
    for (const batch of batches(rows, BATCH_SIZE)) await insertStageSql(stage, batch, columns).execute(trx);
  await sql`analyze ${sql.table(stage)}`.execute(trx);
}

/**
 * Upserts rows already staged in `stage` (see stageRows). New rows get every staged column;
 * existing rows are compared and updated on `updateColumns` only (default: every column but
 * the keys and insert-only ones), so a file without a column leaves that field as it was.
 */
export async function upsertStaged<Row>(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  stage: string,
  spec: UpsertSpec<Row>,
  updateColumns?: readonly string[],
): Promise<UpsertCounts> {
  const target = sql.table(spec.table);
  const insertOnly = new Set(spec.insertOnlyColumns ?? []);
  const dataColumns = spec.columns.map((c) => c.name).filter((name) => name !== 'line');
  const compared = dataColumns.filter(
    (name) =>
      !spec.keyColumns.includes(name) &&
      !insertOnly.has(name) &&
      (updateColumns === undefined || updateColumns.includes(name)),
  );
  // Nothing to compare: existing rows are left alone (a `do nothing` keeps the counts right).
  if (compared.length === 0) return insertOnlyNew(trx, companyId, actor, stage, spec, dataColumns);
  const creator = creatorOf(spec.table, actor);
  const join = sql.join(
    spec.keyColumns.map((key) => sql`t.${sql.ref(key)} = s.${sql.ref(key)}`),
    sql` and `,
  );
  const rowOf = (alias: string) => sql.join(compared.map((name) => sql`${sql.raw(alias)}.${sql.ref(name)}`));
  const auditKey = sql.join(
    (spec.auditKeyColumns ?? spec.keyColumns).map((key) => sql`s.${sql.ref(key)}::text`),
    sql` || '/' || `,
  );
  const auditEntity = spec.auditEntityColumn
    ? sql`t.${sql.ref(spec.auditEntityColumn)}`
    : sql`${spec.entity}`;
  // The stored currency goes with the amounts when the file leaves it alone: hidden in the log, it
  // says how to read them.
  const stored = dataColumns.includes('currency') && !compared.includes('currency') ? ['currency'] : [];
  const side = (alias: string) =>
    sql`jsonb_build_object(${sql.join([
      ...compared.map((name) => sql`${auditFieldOf(name)}::text, ${sql.raw(alias)}.${sql.ref(name)}`),
      ...stored.map((name) => sql`${auditFieldOf(name)}::text, t.${sql.ref(name)}`),
    ])})`;
  await sql`
    insert into audit_log (company_id, actor, action, entity, entity_key, before, after)
    select ${companyId}, ${actor}, ${IMPORT_AUDIT_ACTION}, ${auditEntity}, ${auditKey}, ${side('t')}, ${side('s')}
    from ${sql.table(stage)} s join ${target} t on t.company_id = ${companyId} and ${join}
    where (${rowOf('t')}) is distinct from (${rowOf('s')})`.execute(trx);
  const assignments = compared.map((name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`);
  if (spec.touchColumn) assignments.push(sql`${sql.ref(spec.touchColumn)} = now()`);
  const result = await sql<{ inserted: number; written: number; total: number }>`
    with written as (
      insert into ${target} (company_id, ${sql.join(dataColumns.map((name) => sql.ref(name)))}${creator.column})
      select ${companyId}, ${sql.join(dataColumns.map((name) => sql`s.${sql.ref(name)}`))}${creator.value}
      from ${sql.table(stage)} s
      on conflict (company_id, ${sql.join(spec.keyColumns.map((key) => sql.ref(key)))}) do update
        set ${sql.join(assignments)}
        where (${rowOf(spec.table)}) is distinct from (${rowOf('excluded')})
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int8 as inserted, count(*)::int8 as written,
      (select count(*) from ${sql.table(stage)})::int8 as total
    from written`.execute(trx);
  const counts = result.rows[0] ?? { inserted: 0, written: 0, total: 0 };
  const inserted = counts.inserted;
  const updated = counts.written - inserted;
  return { inserted, updated, unchanged: counts.total - counts.written };
}

async function insertOnlyNew<Row>(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  stage: string,
  spec: UpsertSpec<Row>,
  dataColumns: readonly string[],
): Promise<UpsertCounts> {
  const creator = creatorOf(spec.table, actor);
  const result = await sql<{ inserted: number; total: number }>`
    with written as (
      insert into ${sql.table(spec.table)} (company_id, ${sql.join(dataColumns.map((name) => sql.ref(name)))}${creator.column})
      select ${companyId}, ${sql.join(dataColumns.map((name) => sql`s.${sql.ref(name)}`))}${creator.value}
      from ${sql.table(stage)} s
      on conflict (company_id, ${sql.join(spec.keyColumns.map((key) => sql.ref(key)))}) do nothing
      returning 1
    )
    select count(*)::int8 as inserted, (select count(*) from ${sql.table(stage)})::int8 as total
    from written`.execute(trx);
  const counts = result.rows[0] ?? { inserted: 0, total: 0 };
  return { inserted: counts.inserted, updated: 0, unchanged: counts.total - counts.inserted };
}
