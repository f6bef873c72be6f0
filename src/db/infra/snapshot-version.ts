/**
 * The transaction's snapshot as text (`xmin:xmax:xip…`): two transactions with the same one see
 * the same committed data, and every write that commits (on any connection) changes it — its
 * transaction id is then below `xmax` and no longer in progress. What a read derives from the
 * data can thus be kept under it. Inside a repeatable-read transaction it is the snapshot every
 * statement of the transaction reads.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export async function selectSnapshotVersion(trx: Transaction<Database>): Promise<string> {
  const result = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(trx);
  const snapshot = result.rows[0]?.snapshot;
  if (snapshot === undefined) throw new Error('no snapshot');
  return snapshot;
}
