/** Companies (tenants): look-up, list and creation. */
import type { Kysely } from 'kysely';
import type { IsoDate } from '#core/types';
import type { Database } from '../infra/schema.ts';

export interface CompanyRow {
  companyId: string;
  name: string;
  currency: string;
  referenceDate: IsoDate | null;
}

const COMPANY_COLUMNS = ['company_id', 'name', 'currency', 'reference_date'] as const;

function toCompanyRow(row: {
  company_id: string;
  name: string;
  currency: string;
  reference_date: IsoDate | null;
}): CompanyRow {
  return {
    companyId: row.company_id,
    name: row.name,
    currency: row.currency,
    referenceDate: row.reference_date,
  };
}

export async function selectCompany(db: Kysely<Database>, companyId: string): Promise<CompanyRow | null> {
  const row = await db
    .selectFrom('companies')
    .select(COMPANY_COLUMNS)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row ? toCompanyRow(row) : null;
}

export async function selectCompanies(db: Kysely<Database>): Promise<CompanyRow[]> {
  const rows = await db.selectFrom('companies').select(COMPANY_COLUMNS).orderBy('company_id').execute();
  return rows.map(toCompanyRow);
}

/** Creates the company unless it exists; an existing company is left as it is. */
export async function insertCompanyIfAbsent(
  db: Kysely<Database>,
  company: { companyId: string; name: string; currency: string; referenceDate: IsoDate | null },
): Promise<void> {
  await db
    .insertInto('companies')
    .values({
      company_id: company.companyId,
      name: company.name,
      currency: company.currency,
      reference_date: company.referenceDate,
    })
    .onConflict((conflict) => conflict.column('company_id').doNothing())
    .execute();
}
