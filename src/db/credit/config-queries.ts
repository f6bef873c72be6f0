/** Versioned credit configuration: every version kept, never edited. */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ConfigRow {
  kind: string;
  version: string;
  effectiveFrom: string;
  body: unknown;
  createdBy: string;
  createdAt: Date;
}

export async function selectConfigurations(
  db: Kysely<Database>,
  companyId: string,
  kind?: string,
): Promise<ConfigRow[]> {
  let query = db
    .selectFrom('credit_configurations')
    .select([
      'kind',
      'version',
      'effective_from as effectiveFrom',
      'body',
      'created_by as createdBy',
      'created_at as createdAt',
    ])
    .where('company_id', '=', companyId)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc');
  if (kind !== undefined) query = query.where('kind', '=', kind);
  return query.execute();
}

/** False when the version already exists (versions are never overwritten). */
export async function insertConfiguration(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: { kind: string; version: string; effectiveFrom: string; body: unknown },
): Promise<boolean> {
  const inserted = await db
    .insertInto('credit_configurations')
    .values({
      company_id: companyId,
      kind: row.kind,
      version: row.version,
      effective_from: row.effectiveFrom,
      body: JSON.stringify(row.body),
      created_by: actor,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted !== undefined;
}
