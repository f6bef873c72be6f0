/**
 * The version of a company's forecast inputs that a transaction's snapshot sees: what the training,
 * the collection curves' history and the predictions read changes with it and only with it (the
 * log of migration 0078, kept by the database's own triggers), so that what a read derives from
 * them can be kept under it. Unlike the snapshot, a sign-in, an audit line of another kind, a job
 * or another company's write leaves it as it is. Inside a repeatable-read transaction it is the
 * version every statement of the transaction reads.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../infra/schema.ts';

export async function selectForecastInputVersion(
  trx: Transaction<Database>,
  companyId: string,
): Promise<string> {
  // A sum, not the latest write's id: a transaction committing after a later-begun one counts too.
  const result = await sql<{ writes: string }>`
    select coalesce(sum(writes), 0)::text as writes from forecast_input_writes
     where company_id = ${companyId}`.execute(trx);
  const writes = result.rows[0]?.writes;
  if (writes === undefined) throw new Error('no forecast input version');
  return writes;
}
