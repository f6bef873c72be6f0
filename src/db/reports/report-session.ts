/**
 * Reports read inside one read-only transaction: every figure of a report comes from the same
 * snapshot, and the transaction carries the settings analytic queries need. With PostgreSQL's
 * default 4 MB of work memory, grouping the open items of 100,000 customers spills to disk; JIT
 * compilation costs ~100 ms per heavy statement and pays off only on far longer queries.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

const REPORT_WORK_MEMORY = '64MB';

export async function inReportSnapshot<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  // Already inside a transaction (a use case composing reports): reuse it as it is.
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await applyReportSettings(trx);
      return work(trx);
    });
}

/** The analytic settings, local to the transaction. */
export async function applyReportSettings(trx: Transaction<Database>): Promise<void> {
  await sql`select set_config('work_mem', ${REPORT_WORK_MEMORY}, true), set_config('jit', 'off', true)`.execute(
    trx,
  );
}
