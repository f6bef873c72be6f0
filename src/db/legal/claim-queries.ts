/**
 * The claim declarations beyond the watch's: the customers in proceedings a claim is derived for
 * (name, currency, the story line telling of the procedure), and the writes of a person preparing
 * a claim from the customer's status or story and recording it as declared.
 */
import { type Kysely, sql } from 'kysely';
import type { StoryMessage } from '#core/types';
import type { Database } from '../infra/schema.ts';

export interface ProceedingsCustomerRow {
  code: string;
  name: string;
  status: string;
  currency: string;
}

export async function selectProceedingsCustomers(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<ProceedingsCustomerRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['code', 'name', 'status', 'currency'])
    .where('company_id', '=', companyId)
    .where('code', 'in', [...codes])
    .execute();
}

export interface InsolvencyLineRow {
  customerCode: string;
  eventDate: string;
  detail: string;
  message: StoryMessage | null;
}

/**
 * The customers' story lines of kind 'insolvency' up to `asOf`, newest first, in one read for the
 * whole list: the first of each customer is the latest thing its story says of the procedure,
 * whoever wrote it; those without a message are the company's own words, from which the judgment,
 * the court and the mandataire are read (the lines Encours wrote itself, a claim prepared or a
 * BODACC reading, carry their message and repeat what is recorded).
 */
export async function selectInsolvencyStoryLines(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: string,
): Promise<InsolvencyLineRow[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('customer_events')
    .select([
      'customer_code as customerCode',
      'event_date as eventDate',
      'detail',
      sql<string | null>`message_key`.as('messageKey'),
      sql<StoryMessage['params'] | null>`message_params`.as('messageParams'),
    ])
    .where('company_id', '=', companyId)
    .where('customer_code', 'in', [...codes])
    .where('kind', '=', 'insolvency')
    .where('event_date', '<=', asOf)
    .orderBy('customer_code')
    .orderBy('event_date', 'desc')
    .orderBy('event_id', 'desc')
    .execute();
  return rows.map(({ messageKey, messageParams, ...row }) => ({
    ...row,
    message: messageKey === null ? null : { key: messageKey, params: messageParams ?? {} },
  }));
}

export interface OpeningRow {
  customerCode: string;
  announcementId: string;
  /** The judgment's date, else (BODACC gave none) its publication's, as the proceedings read it. */
  judgedOn: string;
  publicationDate: string;
  court: string | null;
}

/** The BODACC announcements of a procedure's judgments of the customers (opening, conversion, plan, closing). */
export async function selectProcedureAnnouncements(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<(OpeningRow & { judgmentKind: string })[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('legal_announcements')
    .select([
      'customer_code as customerCode',
      'announcement_id as announcementId',
      'judgment_kind as judgmentKind',
      'judgment_date as judgmentDate',
      'publication_date as publicationDate',
      'court',
    ])
    .where('company_id', '=', companyId)
    .where('customer_code', 'in', [...codes])
    .where('judgment_kind', 'in', ['opening', 'conversion', 'plan', 'closing'])
    .execute();
  return rows.map(({ judgmentDate, judgmentKind, ...row }) => ({
    ...row,
    judgmentKind: judgmentKind ?? 'other',
    judgedOn: judgmentDate ?? row.publicationDate,
  }));
}

/** The claim prepared for the customer and judgment without an announcement, if any. */
export async function selectPreparedClaimId(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  judgmentDate: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('legal_claims')
    .select('claim_id')
    .where('company_id', '=', companyId)
    .where('customer_code', '=', customerCode)
    .where('judgment_date', '=', judgmentDate)
    .where('announcement_id', 'is', null)
    .executeTakeFirst();
  return row?.claim_id ?? null;
}

export interface ClaimStateRow {
  claimId: number;
  customerCode: string;
  status: string;
  judgmentDate: string;
  mandataire: string | null;
  mandataireAddress: string | null;
  declaredOn: string | null;
}

export async function selectClaimStateForUpdate(
  db: Kysely<Database>,
  companyId: string,
  claimId: number,
): Promise<ClaimStateRow | null> {
  const row = await db
    .selectFrom('legal_claims')
    .select([
      'claim_id as claimId',
      'customer_code as customerCode',
      'status',
      'judgment_date as judgmentDate',
      'mandataire',
      'mandataire_address as mandataireAddress',
      'declared_on as declaredOn',
    ])
    .where('company_id', '=', companyId)
    .where('claim_id', '=', claimId)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function updateClaimDeclared(
  db: Kysely<Database>,
  companyId: string,
  claimId: number,
  values: { declaredOn: string; by: string; mandataire: string | null; mandataireAddress: string | null },
): Promise<void> {
  await db
    .updateTable('legal_claims')
    .set({
      status: 'declared',
      declared_on: values.declaredOn,
      declared_by: values.by,
      mandataire: values.mandataire,
      mandataire_address: values.mandataireAddress,
    })
    .where('company_id', '=', companyId)
    .where('claim_id', '=', claimId)
    .execute();
}

export interface ClaimInvoiceDueRow {
  customerCode: string;
  ref: string;
  dueDate: string;
}

/** The due dates of the customers' invoices named by their claims (a claim stores references only). */
export async function selectClaimInvoiceDueDates(
  db: Kysely<Database>,
  companyId: string,
  claims: readonly { customerCode: string; refs: readonly string[] }[],
): Promise<ClaimInvoiceDueRow[]> {
  const codes = [...new Set(claims.map((claim) => claim.customerCode))];
  const refs = [...new Set(claims.flatMap((claim) => claim.refs))];
  if (codes.length === 0 || refs.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(['customer_code as customerCode', 'external_ref as ref', 'due_date as dueDate'])
    .where('company_id', '=', companyId)
    .where('customer_code', 'in', codes)
    .where('external_ref', 'in', refs)
    .where('amount_minor', '>', 0)
    .execute();
}
