/**
 * Concurrent report queries (PostgreSQL: one connection each, sharing one exported snapshot;
 * PGlite: one after the other on its single connection) see the same data, and a write committed
 * while they run is seen by none of them.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inParallelReportSnapshot } from '#db/reports/report-parallel';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await sql`create table parallel_probe (n int)`.execute(database.runtime.handle.db);
  await sql`insert into parallel_probe values (1)`.execute(database.runtime.handle.db);
});
afterAll(async () => database?.close());

describe('inParallelReportSnapshot', () => {
  it('reads one snapshot in every query, in a read-only transaction', async () => {
    const db = database.runtime.handle.db;
    const countRows = async (trx: typeof db) => {
      const result = await sql<{ n: number }>`select count(*)::int as n from parallel_probe`.execute(trx);
      return result.rows[0]?.n;
    };
    const counts = await inParallelReportSnapshot(db, async (run) => {
      // Committed by another session after the snapshot was taken, before the queries start: on
      // their own connections they must still not see it (the embedded engine has no other one).
      if (database.runtime.handle.kind === 'postgres')
        await sql`insert into parallel_probe values (2)`.execute(database.runtime.handle.db);
      return Promise.all([run(countRows), run(countRows), run(countRows)]);
    });
    expect(counts).toEqual([1, 1, 1]);
    const readOnly = await inParallelReportSnapshot(db, (run) =>
      run((trx) => sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(trx)),
    );
    expect(readOnly.rows[0]?.ro).toBe('on');
  });
});
