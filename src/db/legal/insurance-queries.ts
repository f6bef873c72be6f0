/** Credit-insurance policies and claims (migration 0020); covers live in db/credit. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface PolicyRow {
  policyId: number;
  insurer: string;
  policyNumber: string | null;
  threatenedLossDays: number;
  waitingDays: number;
  warningDays: number;
  createdBy: string;
}

/** `at`: when it is recorded, from the use case's clock (the database's now() without it). */
export async function insertPolicy(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  policy: Omit<PolicyRow, 'policyId' | 'createdBy'>,
  at?: Date,
): Promise<number> {
  const row = await db
    .insertInto('insurance_policies')
    .values({
      company_id: companyId,
      insurer: policy.insurer,
      policy_number: policy.policyNumber,
      threatened_loss_days: policy.threatenedLossDays,
      waiting_days: policy.waitingDays,
      warning_days: policy.warningDays,
      created_by: actor,
      ...(at === undefined ? {} : { created_at: at }),
    })
    .returning('policy_id')
    .executeTakeFirstOrThrow();
  return row.policy_id;
}

/** The policy in force of each insurer: its latest row. */
export async function selectCurrentPolicies(db: Kysely<Database>, companyId: string): Promise<PolicyRow[]> {
  const result = await sql<PolicyRow>`
    select distinct on (lower(insurer)) policy_id as "policyId", insurer, policy_number as "policyNumber",
      threatened_loss_days as "threatenedLossDays", waiting_days as "waitingDays",
      warning_days as "warningDays", created_by as "createdBy"
    from insurance_policies where company_id = ${companyId}
    order by lower(insurer), policy_id desc`.execute(db);
  return result.rows;
}

export interface InsuredInvoiceRow {
  customerCode: string;
  customerName: string;
  customerStatus: string;
  documentId: number;
  ref: string;
  dueDate: string;
  openMinor: number;
  currency: string;
  /** The insurance claim already declaring this invoice, if any, and the day it was declared. */
  claimId: number | null;
  claimDeclaredOn: string | null;
}

/** Invoices overdue at `asOf` of the given customers (those with a cover), with any claim naming them. */
export async function selectOverdueInvoices(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes: readonly string[],
): Promise<InsuredInvoiceRow[]> {
  if (customerCodes.length === 0) return [];
  // One customer (the risk panel, the order check): its own documents only, by their index.
  const customerCode = customerCodes.length === 1 ? customerCodes[0] : undefined;
  const result = await sql<InsuredInvoiceRow>`
    select o.customer_code as "customerCode", c.name as "customerName", c.status as "customerStatus",
      d.document_id as "documentId", d.external_ref as ref, d.due_date as "dueDate",
      o.open_minor::int8 as "openMinor", d.currency,
      k.claim_id as "claimId", k.declared_on as "claimDeclaredOn"
    from (${openItemsAsOf({ companyId, asOf, customerCode })}) o
    join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    join customers c on c.company_id = d.company_id and c.code = d.customer_code
    left join lateral (
      select k.claim_id, k.declared_on from insurance_claims k, jsonb_array_elements(k.items) x
       where k.company_id = d.company_id and (x->>'documentId')::int8 = d.document_id
       order by k.claim_id desc limit 1) k on true
    where d.kind = 'invoice' and o.open_minor > 0 and d.due_date < ${asOf}::date
      and o.customer_code = any (${[...customerCodes]}::text[])
    order by d.due_date, o.customer_code, d.document_id`.execute(db);
  return result.rows;
}

export interface ClaimItem {
  documentId: number;
  ref: string;
  dueDate: string;
  openMinor: number;
  deadline: string;
}

export interface InsuranceClaimRow {
  claimId: number;
  customerCode: string;
  customerName: string;
  insurer: string;
  policyId: number;
  coverId: number | null;
  declaredOn: string;
  currency: string;
  items: ClaimItem[];
  outstandingMinor: number;
  grantedMinor: number;
  insuredShareBps: number;
  insuredMinor: number;
  indemnityExpectedOn: string;
  status: string;
  indemnityMinor: number | null;
  indemnityReceivedOn: string | null;
  statusNote: string | null;
  createdBy: string;
  updatedBy: string;
}

export type NewInsuranceClaim = Omit<
  InsuranceClaimRow,
  | 'claimId'
  | 'customerName'
  | 'status'
  | 'indemnityMinor'
  | 'indemnityReceivedOn'
  | 'statusNote'
  | 'createdBy'
  | 'updatedBy'
>;

export async function insertInsuranceClaim(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  claim: NewInsuranceClaim,
): Promise<number> {
  const row = await db
    .insertInto('insurance_claims')
    .values({
      company_id: companyId,
      customer_code: claim.customerCode,
      insurer: claim.insurer,
      policy_id: claim.policyId,
      cover_id: claim.coverId,
      declared_on: claim.declaredOn,
      currency: claim.currency,
      items: JSON.stringify(claim.items),
      outstanding_minor: claim.outstandingMinor,
      granted_minor: claim.grantedMinor,
      insured_share_bps: claim.insuredShareBps,
      insured_minor: claim.insuredMinor,
      indemnity_expected_on: claim.indemnityExpectedOn,
      created_by: actor,
      updated_by: actor,
    })
    .returning('claim_id')
    .executeTakeFirstOrThrow();
  return row.claim_id;
}

export async function selectInsuranceClaims(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    claimId?: number;
    customerCode?: string | undefined;
    status?: string | undefined;
    lock?: boolean;
  } = {},
): Promise<InsuranceClaimRow[]> {
  const result = await sql<InsuranceClaimRow>`
    select k.claim_id as "claimId", k.customer_code as "customerCode", c.name as "customerName", k.insurer,
      k.policy_id as "policyId", k.cover_id as "coverId", k.declared_on as "declaredOn", k.currency, k.items,
      k.outstanding_minor as "outstandingMinor", k.granted_minor as "grantedMinor",
      k.insured_share_bps as "insuredShareBps", k.insured_minor as "insuredMinor",
      k.indemnity_expected_on as "indemnityExpectedOn", k.status, k.indemnity_minor as "indemnityMinor",
      k.indemnity_received_on as "indemnityReceivedOn", k.status_note as "statusNote",
      k.created_by as "createdBy", k.updated_by as "updatedBy"
    from insurance_claims k
    join customers c on c.company_id = k.company_id and c.code = k.customer_code
    where k.company_id = ${companyId}
      ${filter.claimId === undefined ? sql`` : sql`and k.claim_id = ${filter.claimId}`}
      ${filter.customerCode === undefined ? sql`` : sql`and k.customer_code = ${filter.customerCode}`}
      ${filter.status === undefined ? sql`` : sql`and k.status = ${filter.status}`}
    order by k.claim_id desc
    ${filter.lock ? sql`for update of k` : sql``}`.execute(db);
  return result.rows;
}

export async function updateInsuranceClaim(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  claimId: number,
  change: {
    status: string;
    indemnityMinor: number | null;
    indemnityReceivedOn: string | null;
    statusNote: string | null;
  },
): Promise<void> {
  await db
    .updateTable('insurance_claims')
    .set({
      status: change.status,
      indemnity_minor: change.indemnityMinor,
      indemnity_received_on: change.indemnityReceivedOn,
      status_note: change.statusNote,
      updated_at: sql`now()`,
      updated_by: actor,
    })
    .where('company_id', '=', companyId)
    .where('claim_id', '=', claimId)
    .execute();
}
