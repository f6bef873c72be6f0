/** The record of every import that was written (spreadsheets and FEC), for the audit trail. */
import type { Kysely } from 'kysely';
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
}

export async function recordImportRun(trx: Kysely<Database>, run: ImportRun): Promise<void> {
  await trx
    .insertInto('import_runs')
    .values({
      company_id: run.companyId,
      entity: run.entity,
      file_name: run.fileName,
      file_sha256: run.fileSha256,
      row_count: run.rowCount,
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      actor: run.actor,
    })
    .execute();
}
