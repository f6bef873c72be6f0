/**
 * The legal watch's reads and writes: customers by SIREN, announcements and claim declarations
 * (insert-if-new on their unique keys, so a watch run over the same records writes nothing).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface WatchedCustomerRow {
  code: string;
  siren: string;
  status: string;
  currency: string;
  country: string;
}

export async function selectCustomersBySiren(
  db: Kysely<Database>,
  companyId: string,
  sirens: readonly string[],
): Promise<WatchedCustomerRow[]> {
  if (sirens.length === 0) return [];
  const rows = await db
    .selectFrom('customers')
    .select(['code', 'siren', 'status', 'currency', 'country'])
    .where('company_id', '=', companyId)
    .where('siren', 'in', [...sirens])
    .orderBy('code')
    .execute();
  return rows.map((row) => ({ ...row, siren: row.siren ?? '' }));
}

/** The distinct SIRENs of the portfolio's customers still trading with us (not closed): what the watch asks about. */
export async function selectPortfolioSirens(db: Kysely<Database>, companyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('siren')
    .distinct()
    .where('company_id', '=', companyId)
    .where('siren', 'is not', null)
    .where('status', '<>', 'closed')
    .orderBy('siren')
    .execute();
  return rows.flatMap((row) => (row.siren && /^\d{9}$/.test(row.siren) ? [row.siren] : []));
}

export interface AnnouncementRow {
  announcementId: string;
  customerCode: string;
  siren: string;
  family: string;
  procedure: string | null;
  judgmentKind: string | null;
  judgmentDate: string | null;
  publicationDate: string;
  court: string | null;
  nature: string | null;
}

/** Inserts the announcement for the customer unless already recorded; true when it is new. */
export async function insertAnnouncementIfNew(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: AnnouncementRow,
): Promise<boolean> {
  const inserted = await db
    .insertInto('legal_announcements')
    .values({
      company_id: companyId,
      announcement_id: row.announcementId,
      customer_code: row.customerCode,
      siren: row.siren,
      family: row.family,
      procedure: row.procedure,
      judgment_kind: row.judgmentKind,
      judgment_date: row.judgmentDate,
      publication_date: row.publicationDate,
      court: row.court,
      nature: row.nature,
      created_by: actor,
    })
    .onConflict((oc) => oc.columns(['company_id', 'announcement_id', 'customer_code']).doNothing())
    .returning('announcement_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The publication date of the customer's latest procedure announcement (to never step a status back). */
export async function selectLatestProcedurePublication(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('legal_announcements')
    .select((eb) => eb.fn.max('publication_date').as('latest'))
    .where('company_id', '=', companyId)
    .where('customer_code', '=', customerCode)
    .where('procedure', 'is not', null)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

export interface ClaimRow {
  customerCode: string;
  /** Null for a claim prepared from the customer's status or story (no BODACC announcement). */
  announcementId: string | null;
  procedure: string;
  judgmentDate: string;
  /** Null when unknown: the deadline was estimated from the judgment date. */
  publicationDate: string | null;
  deadline: string;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  secured: boolean;
  interestStatus: string;
  items: unknown;
}

export async function insertClaimIfNew(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: ClaimRow & { mandataire?: string | null; mandataireAddress?: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('legal_claims')
    .values({
      company_id: companyId,
      customer_code: row.customerCode,
      announcement_id: row.announcementId,
      procedure: row.procedure,
      judgment_date: row.judgmentDate,
      publication_date: row.publicationDate,
      deadline: row.deadline,
      currency: row.currency,
      principal_minor: row.principalMinor,
      interest_minor: row.interestMinor,
      secured: row.secured,
      interest_status: row.interestStatus,
      items: JSON.stringify(row.items),
      mandataire: row.mandataire ?? null,
      mandataire_address: row.mandataireAddress ?? null,
      created_by: actor,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('claim_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface StoredClaimRow extends ClaimRow {
  claimId: number;
  status: string;
  customerName: string;
  /** The court of the claim's announcement, when it came from BODACC. */
  court: string | null;
  mandataire: string | null;
  mandataireAddress: string | null;
  declaredOn: string | null;
  declaredBy: string | null;
}

/** The claims recorded (by the watch, or prepared by a person), nearest deadline first. */
export async function selectClaims(
  db: Kysely<Database>,
  companyId: string,
  customerCode?: string,
): Promise<StoredClaimRow[]> {
  let query = db
    .selectFrom('legal_claims as l')
    .innerJoin('customers as c', (join) =>
      join.onRef('c.company_id', '=', 'l.company_id').onRef('c.code', '=', 'l.customer_code'),
    )
    .leftJoin('legal_announcements as a', (join) =>
      join
        .onRef('a.company_id', '=', 'l.company_id')
        .onRef('a.announcement_id', '=', 'l.announcement_id')
        .onRef('a.customer_code', '=', 'l.customer_code'),
    )
    .select([
      'l.claim_id as claimId',
      'l.customer_code as customerCode',
      'c.name as customerName',
      'l.announcement_id as announcementId',
      'l.procedure',
      'l.judgment_date as judgmentDate',
      'l.publication_date as publicationDate',
      'l.deadline',
      'l.currency',
      'l.principal_minor as principalMinor',
      'l.interest_minor as interestMinor',
      'l.secured',
      'l.interest_status as interestStatus',
      'l.items',
      'l.status',
      'a.court',
      'l.mandataire',
      'l.mandataire_address as mandataireAddress',
      'l.declared_on as declaredOn',
      'l.declared_by as declaredBy',
    ])
    .where('l.company_id', '=', companyId);
  if (customerCode !== undefined) query = query.where('l.customer_code', '=', customerCode);
  return query.orderBy('l.deadline').orderBy('l.claim_id').execute();
}

export interface EnrichableCustomerRow {
  code: string;
  siren: string | null;
  siret: string | null;
}

/** One customer, or every customer (code order) when `code` is undefined. */
export async function selectEnrichableCustomers(
  db: Kysely<Database>,
  companyId: string,
  code?: string,
): Promise<EnrichableCustomerRow[]> {
  let query = db
    .selectFrom('customers')
    .select(['code', 'siren', 'siret'])
    .where('company_id', '=', companyId);
  if (code !== undefined) query = query.where('code', '=', code);
  return query.orderBy('code').execute();
}

export interface CompanyDataRow {
  customerCode: string;
  siren: string;
  legalName: string;
  legalFormCode: string | null;
  creationDate: string | null;
  nafCode: string | null;
  headcountBand: string | null;
  administrativeStatus: string;
  closingDate: string | null;
  headOffice: unknown;
  establishmentsCount: number | null;
  openEstablishmentsCount: number | null;
  fetchedAt: Date;
}

/** The administrative status stored before this write ('A', 'C'), or null when none was. */
export async function upsertCompanyData(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: CompanyDataRow,
): Promise<string | null> {
  const before = await db
    .selectFrom('legal_company_data')
    .select('administrative_status')
    .where('company_id', '=', companyId)
    .where('customer_code', '=', row.customerCode)
    .executeTakeFirst();
  const values = {
    siren: row.siren,
    legal_name: row.legalName,
    legal_form_code: row.legalFormCode,
    creation_date: row.creationDate,
    naf_code: row.nafCode,
    headcount_band: row.headcountBand,
    administrative_status: row.administrativeStatus,
    closing_date: row.closingDate,
    head_office: JSON.stringify(row.headOffice),
    establishments_count: row.establishmentsCount,
    open_establishments_count: row.openEstablishmentsCount,
    fetched_at: row.fetchedAt,
    updated_by: actor,
  };
  await db
    .insertInto('legal_company_data')
    .values({ company_id: companyId, customer_code: row.customerCode, ...values })
    .onConflict((oc) => oc.columns(['company_id', 'customer_code']).doUpdateSet(values))
    .execute();
  return before?.administrative_status ?? null;
}
