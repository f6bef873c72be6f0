/** A savepoint inside a transaction: work that may be refused without losing the rest of the transaction. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Runs `work`; when it throws, everything it wrote is rolled back and the error is rethrown. */
export async function withSavepoint<T>(trx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`savepoint cash_step`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint cash_step`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint cash_step`.execute(trx);
    await sql`release savepoint cash_step`.execute(trx);
    throw error;
  }
}
