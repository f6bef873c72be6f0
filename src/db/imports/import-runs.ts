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

/**
 * Makes the imports of one entity of one company take turns, until the transaction ends. Two
 * uploads of one file at once (a double click, two tabs) otherwise both read the company before
 * either wrote: the second then wrote what the first had just written (each new customer's limit
 * recorded twice in its history). Behind the lock the second reads what the first committed and
 * finds the file already imported.
 */
export async function takeImportTurn(
  trx: Kysely<Database>,
  companyId: string,
  entity: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`encours.import/${companyId}/${entity}`}, 0))`.execute(
    trx,
  );
}
