/**
 * Independent queries of one report run concurrently on a PostgreSQL server, each on its own
 * connection, all in the snapshot of one leading read-only transaction (pg_export_snapshot), so
 * the figures are as consistent as in a single transaction. The embedded engine has a single
 * connection: there, and inside an enclosing transaction, the queries run one after the other in
 * one snapshot (report-session.ts).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { applyReportSettings, inReportSnapshot } from './report-session.ts';

export type ReportQuery<R> = (trx: Kysely<Database>) => Promise<R>;
export type RunInSnapshot = <R>(query: ReportQuery<R>) => Promise<R>;

/**
 * A report holds one connection and asks the pool for more: two reports fanning out at once could
 * each hold a connection while waiting for the others', so one fans out at a time and the others
 * run their queries in sequence (never waiting on the pool while holding a connection).
 */
let fanOutBusy = false;

export async function inParallelReportSnapshot<T>(
  db: Kysely<Database>,
  work: (run: RunInSnapshot) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(serialRunner(db));
  return inReportSnapshot(db, async (leader) => {
    if (fanOutBusy || (await isEmbedded(db, leader))) return work(serialRunner(leader));
    fanOutBusy = true;
    try {
      const snapshot = await exportSnapshot(leader);
      return await work((query) => inImportedSnapshot(db, snapshot, query));
    } finally {
      fanOutBusy = false;
    }
  });
}

/** Queries one after the other on one connection (node-postgres would queue them anyway). */
function serialRunner(trx: Kysely<Database>): RunInSnapshot {
  let previous: Promise<unknown> = Promise.resolve();
  return <R>(query: ReportQuery<R>) => {
    const next = previous.then(() => query(trx));
    previous = next.catch(() => {});
    return next;
  };
}

/** The engine behind a database handle does not change: asked once per handle. */
const embeddedByHandle = new WeakMap<Kysely<Database>, boolean>();

async function isEmbedded(db: Kysely<Database>, trx: Transaction<Database>): Promise<boolean> {
  const known = embeddedByHandle.get(db);
  if (known !== undefined) return known;
  const result = await sql<{ embedded: boolean }>`select version() like '%PGlite%' as embedded`.execute(trx);
  const embedded = result.rows[0]?.embedded === true;
  embeddedByHandle.set(db, embedded);
  return embedded;
}

async function exportSnapshot(trx: Transaction<Database>): Promise<string> {
  const result = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
  const id = result.rows[0]?.id ?? '';
  // SET TRANSACTION SNAPSHOT takes no parameter: the identifier is spliced in, so check its shape.
  if (!/^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i.test(id)) throw new Error(`unexpected snapshot identifier: ${id}`);
  return id;
}

function inImportedSnapshot<R>(db: Kysely<Database>, snapshot: string, query: ReportQuery<R>): Promise<R> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql.raw(`set transaction snapshot '${snapshot}'`).execute(trx);
      await applyReportSettings(trx);
      return query(trx);
    });
}
