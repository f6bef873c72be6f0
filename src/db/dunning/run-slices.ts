/**
 * How a run goes through the company: under its lock, a slice of customer codes at a time, read
 * with the slices' settings on a second connection that sees what the run's transaction sees.
 *
 * The slices are read there while the slices before are written on the run's own connection, so
 * the server reads and writes at the same time (a connection runs one statement at a time: on one
 * connection a slice's state read waited for the slice before to be stored, and the reverse). The
 * reader imports the run's snapshot (`pg_export_snapshot`, taken once the run holds its lock) in
 * a read-only repeatable-read transaction: every slice is read as of that one instant. The run's
 * own writes are not visible there, and need not be: they are the actions of slices already read
 * (slices are disjoint sets of customers) and the run's record. PGlite accepts one connection:
 * there, and whenever no server client is found, the reads stay on the run's connection, one after
 * the other.
 */
import { type Kysely, sql } from 'kysely';
import { openSideConnection, serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';

/**
 * The next `limit` customer codes after `after` (null: from the first), in byte order — the
 * planner's order of codes — so that plans made slice by slice and put end to end are in the
 * order of one plan made at once. `among` restricts the codes (a run for chosen customers).
 */
export async function selectCustomerSlice(
  db: Kysely<Database>,
  companyId: string,
  after: string | null,
  limit: number,
  among?: readonly string[],
): Promise<string[]> {
  const result = await sql<{ code: string }>`
    select c.code from customers c
    where c.company_id = ${companyId}
      ${after === null ? sql`` : sql`and (c.code collate "C") > (${after}::text collate "C")`}
      ${among ? sql`and c.code = any (${[...among]}::text[])` : sql``}
    order by (c.code collate "C")
    limit ${limit}`.execute(db);
  return result.rows.map((row) => row.code);
}

/**
 * Settings for the slices' reads, local to the transaction (none outside one). No JIT: a slice's
 * state read is planned below `jit_above_cost` as sent, but the same statement with other
 * estimates (without the range: about 74 M) compiled for 3 to 6 s per slice, far more than the
 * read itself.
 */
export async function guardSliceReads(db: Kysely<Database>): Promise<void> {
  await sql`select set_config('jit', 'off', true)`.execute(db);
}

/** Serialises dunning runs of a company (until the transaction ends): nothing is planned twice. */
export async function lockDunning(db: Kysely<Database>, companyId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`dunning:${companyId}`}))`.execute(db);
}

/**
 * Runs `work` with a connection reading under `trx`'s snapshot, or with `trx` itself when no
 * second connection can share it (the embedded engine). The reader is a connection of its own,
 * outside the pool `trx` came from (`openSideConnection`), closed when `work` settles.
 */
export async function withSnapshotReads<T>(
  trx: Kysely<Database>,
  work: (reader: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const client = await serverClientOf(trx);
  const side = client ? await openSideConnection(client) : undefined;
  if (!side) return work(trx);
  try {
    const exported = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
    const snapshot = exported.rows[0]?.snapshot ?? '';
    return await side.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (reader) => {
        // The first statement of the transaction: it must come before any read.
        await sql`set transaction snapshot ${sql.lit(snapshot)}`.execute(reader);
        return work(reader);
      });
  } finally {
    await side.close();
  }
}
