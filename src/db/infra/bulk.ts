/**
 * Set-based loading: rows travel as one array per column through `unnest`, which is the
 * fastest portable path on both PostgreSQL and PGlite (no COPY protocol needed).
 */
import { type RawBuilder, sql } from 'kysely';

export type PgArrayType = 'text' | 'date' | 'int8' | 'int4' | 'bool' | 'jsonb' | 'text[]';

export interface ColumnSpec<Row> {
  name: string;
  type: PgArrayType;
  value: (row: Row) => unknown;
}

/** Splits rows into batches so that one statement never carries an unbounded payload. */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** `select * from unnest($1::text[], …) as t(col, …)` for the given rows. */
export function unnestSelect<Row>(
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): RawBuilder<unknown> {
  const arrays = columns.map((column) => {
    if (column.type === 'text[]') {
      // Arrays of arrays cannot be unnested one level, so lists travel as JSON text.
      const values = rows.map((row) => JSON.stringify(column.value(row) ?? []));
      return sql`${values}::text[]`;
    }
    const values = rows.map((row) => {
      const value = column.value(row);
      if (column.type === 'jsonb' && value !== null && value !== undefined) return JSON.stringify(value);
      return value ?? null;
    });
    return sql`${values}::${sql.raw(column.type === 'jsonb' ? 'text' : column.type)}[]`;
  });
  const names = columns.map((column) => sql.ref(column.name));
  return sql`select * from unnest(${sql.join(arrays)}) as t(${sql.join(names)})`;
}

/** The SQL expression that turns a staged column back into its real type. */
export function stagedValue(column: ColumnSpec<unknown>): RawBuilder<unknown> {
  if (column.type === 'jsonb') return sql`${sql.ref(column.name)}::jsonb`;
  if (column.type === 'text[]')
    return sql`array(select jsonb_array_elements_text(${sql.ref(column.name)}::jsonb))`;
  return sql.ref(column.name);
}

/** The SQL type of each staged column type. */
export const STAGE_TYPES: Record<PgArrayType, string> = {
  text: 'text',
  date: 'date',
  int8: 'bigint',
  int4: 'integer',
  bool: 'boolean',
  jsonb: 'jsonb',
  'text[]': 'text[]',
};

/** A temporary table dropped at commit, holding one import file's rows with their line numbers. */
export function createStageSql<Row>(table: string, columns: readonly ColumnSpec<Row>[]): RawBuilder<unknown> {
  const definitions = columns.map(
    (column) => sql`${sql.ref(column.name)} ${sql.raw(STAGE_TYPES[column.type])}`,
  );
  return sql`create temp table ${sql.table(table)} (${sql.join(definitions)}) on commit drop`;
}

export function insertStageSql<Row>(
  table: string,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): RawBuilder<unknown> {
  const names = columns.map((column) => sql.ref(column.name));
  const values = columns.map((column) => stagedValue(column as ColumnSpec<unknown>));
  return sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(values)} from (${unnestSelect(rows, columns)}) as staged`;
}
