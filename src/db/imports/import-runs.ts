/** The record of every import that was written (spreadsheets and FEC), for the audit trail. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ImportRun {
  companyId: string;
  /** 'customers', 'invoices'…, or 'fec'. */
  entity: string;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  actor: string;
  /** The day/month order the file's own values showed, and its kind as far as dates go (0055). */
  learnedDateOrder?: { dateColumnsKey: string; order: 'dmy' | 'mdy' } | null;
}

export async function recordImportRun(trx: Kysely<Database>, run: ImportRun): Promise<void> {
  // Raw SQL: the date columns of 0055 are read and written here only.
  await sql`
    insert into import_runs (company_id, entity, file_name, file_sha256, row_count, inserted, updated,
      unchanged, actor, date_columns, date_order)
    values (${run.companyId}, ${run.entity}, ${run.fileName}, ${run.fileSha256}, ${run.rowCount},
      ${run.inserted}, ${run.updated}, ${run.unchanged}, ${run.actor},
      ${run.learnedDateOrder?.dateColumnsKey ?? null}, ${run.learnedDateOrder?.order ?? null})`.execute(trx);
}

export interface RememberedImportDateOrder {
  order: 'dmy' | 'mdy';
  /** The file that showed it, as the user named it. */
  fileName: string;
}

/** The order the company's latest import of this kind of file showed, or null (never learned). */
export async function findRememberedDateOrder(
  db: Kysely<Database>,
  companyId: string,
  entity: string,
  dateColumnsKey: string,
): Promise<RememberedImportDateOrder | null> {
  const result = await sql<RememberedImportDateOrder>`
    select date_order as "order", file_name as "fileName"
    from import_runs
    where company_id = ${companyId} and entity = ${entity} and date_columns = ${dateColumnsKey}
      and date_order is not null
    order by import_id desc
    limit 1`.execute(db);
  return result.rows[0] ?? null;
}

/** PostgreSQL's code of a lock wait that ran past `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Makes the imports of one entity of one company take turns, until the transaction ends. Two
 * uploads of one file at once (a double click, two tabs) otherwise both read the company before
 * either wrote: the second then wrote what the first had just written (each new customer's limit
 * recorded twice in its history). Behind the lock the second reads what the first committed and
 * finds the file already imported.
 *
 * The wait for the turn lasts at most `waitMs` (0: no limit), so an import stuck behind another
 * (a huge file, a transaction left open) answers instead of hanging. False when the wait ran out:
 * the transaction is then aborted and can only be rolled back. `lock_timeout` is set for the lock
 * alone: the rest of the import waits for rows as it did. The embedded engine has one connection,
 * so the lock is always free there: its transactions already wait for each other on the pool.
 */
export async function takeImportTurn(
  trx: Kysely<Database>,
  companyId: string,
  entity: string,
  waitMs: number,
): Promise<boolean> {
  const key = sql`hashtextextended(${`encours.import/${companyId}/${entity}`}, 0)`;
  // Nobody importing: the turn at once, as before the limit (one statement).
  const free = await sql<{ taken: boolean; previousTimeout: string }>`
    select pg_try_advisory_xact_lock(${key}) as taken,
      current_setting('lock_timeout') as "previousTimeout"`.execute(trx);
  const { taken, previousTimeout } = free.rows[0] ?? { taken: false, previousTimeout: '0' };
  if (taken) return true;
  await sql`select set_config('lock_timeout', ${String(waitMs)}, true)`.execute(trx);
  try {
    await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
  await sql`select set_config('lock_timeout', ${previousTimeout}, true)`.execute(trx);
  return true;
}
