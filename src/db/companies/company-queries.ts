/** Companies (tenants): look-up, list and creation. */
import type { Kysely } from 'kysely';
import type { IsoDate } from '#core/types';
import type { Database } from '../infra/schema.ts';

/** What a company's letters and invoices state besides its name (art. R123-237 and R123-238 C. com.). */
export interface CompanyLegalMentions {
  /** « SA », « SAS », « SARL »…, as the company writes it. */
  legalForm: string | null;
  shareCapitalMinor: number | null;
  /** The city of the registry the company is registered at: « RCS Lyon ». */
  rcsCity: string | null;
}

export interface CompanyIdentity extends CompanyLegalMentions {
  siren: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

export interface CompanyRow extends CompanyIdentity {
  companyId: string;
  name: string;
  currency: string;
  referenceDate: IsoDate | null;
}

const COMPANY_COLUMNS = [
  'company_id',
  'name',
  'currency',
  'reference_date',
  'siren',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'legal_form',
  'share_capital_minor',
  'rcs_city',
] as const;

function toCompanyRow(row: {
  company_id: string;
  name: string;
  currency: string;
  reference_date: IsoDate | null;
  siren: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  legal_form: string | null;
  share_capital_minor: number | null;
  rcs_city: string | null;
}): CompanyRow {
  return {
    companyId: row.company_id,
    name: row.name,
    currency: row.currency,
    referenceDate: row.reference_date,
    siren: row.siren,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
    legalForm: row.legal_form,
    shareCapitalMinor: row.share_capital_minor,
    rcsCity: row.rcs_city,
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

/** The legal-mention columns a new company is given: only those said, so an older schema loads too. */
function legalColumnsOf(identity: Partial<CompanyLegalMentions>) {
  return {
    ...(identity.legalForm != null ? { legal_form: identity.legalForm } : {}),
    ...(identity.shareCapitalMinor != null ? { share_capital_minor: identity.shareCapitalMinor } : {}),
    ...(identity.rcsCity != null ? { rcs_city: identity.rcsCity } : {}),
  };
}

/** Creates the company unless it exists (an existing one is left as it is); true when created. */
export async function insertCompanyIfAbsent(
  db: Kysely<Database>,
  company: {
    companyId: string;
    name: string;
    currency: string;
    referenceDate: IsoDate | null;
    identity?: Partial<CompanyIdentity> | undefined;
  },
): Promise<boolean> {
  // Identity columns only when given: a ledger can be loaded before the migration that added them
  // (the upgrade tests load one on an older schema).
  const identity = company.identity;
  const result = await db
    .insertInto('companies')
    .values({
      company_id: company.companyId,
      name: company.name,
      currency: company.currency,
      reference_date: company.referenceDate,
      ...(identity
        ? {
            siren: identity.siren ?? null,
            address_line1: identity.addressLine1 ?? null,
            address_line2: identity.addressLine2 ?? null,
            postal_code: identity.postalCode ?? null,
            city: identity.city ?? null,
            ...(identity.country ? { country: identity.country } : {}),
            ...legalColumnsOf(identity),
          }
        : {}),
    })
    .onConflict((conflict) => conflict.column('company_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Replaces the company's name and identity (the header of its documents and letters). */
export async function updateCompanyIdentity(
  db: Kysely<Database>,
  companyId: string,
  company: CompanyIdentity & { name: string },
): Promise<void> {
  await db
    .updateTable('companies')
    .set({
      name: company.name,
      siren: company.siren,
      address_line1: company.addressLine1,
      address_line2: company.addressLine2,
      postal_code: company.postalCode,
      city: company.city,
      country: company.country,
      legal_form: company.legalForm,
      share_capital_minor: company.shareCapitalMinor,
      rcs_city: company.rcsCity,
    })
    .where('company_id', '=', companyId)
    .execute();
}

export async function companyExists(db: Kysely<Database>, companyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('companies')
    .select('company_id')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row !== undefined;
}
