/** The company's financing rate (migration 0068): read, and set by upsert. */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** The table of migration 0068, typed here so the shared schema needs no entry for one row per company. */
interface FinancingSettingsTable {
  company_id: string;
  rate_bps: number;
  updated_at: Date;
  updated_by: string;
}

function withSettings(db: Kysely<Database>) {
  return db.withTables<{ financing_settings: FinancingSettingsTable }>();
}

export interface FinancingRateRow {
  rateBps: number;
  updatedAt: Date;
  updatedBy: string;
}

export async function selectFinancingRate(
  db: Kysely<Database>,
  companyId: string,
): Promise<FinancingRateRow | null> {
  const row = await withSettings(db)
    .selectFrom('financing_settings')
    .select(['rate_bps', 'updated_at', 'updated_by'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row ? { rateBps: row.rate_bps, updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
}

export async function upsertFinancingRate(
  db: Kysely<Database>,
  companyId: string,
  change: { rateBps: number; actor: string; at: Date },
): Promise<void> {
  const values = { rate_bps: change.rateBps, updated_at: change.at, updated_by: change.actor };
  await withSettings(db)
    .insertInto('financing_settings')
    .values({ company_id: companyId, ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
    .execute();
}
