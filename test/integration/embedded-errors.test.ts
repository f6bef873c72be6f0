/** A failed statement must not break the next one (the embedded engine's socket once did). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('after a failed statement', () => {
  it('the next queries run normally, inside and outside transactions', async () => {
    const db = database.runtime.handle.db;
    await expect(sql`select 1 / ${0}::int`.execute(db)).rejects.toThrow(/division by zero/);
    expect((await sql<{ x: number }>`select 42::int8 as x`.execute(db)).rows).toEqual([{ x: 42 }]);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await sql<{ x: number }>`select 43::int8 as x`.execute(db)).rows).toEqual([{ x: 43 }]);
  });
});
