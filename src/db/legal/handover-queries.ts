/** Partners, legal files, their invoices and the partners' step reports (migration 0020). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface PartnerRow {
  partnerId: number;
  name: string;
  kind: string;
  email: string | null;
  addressLines: string[];
  amicableCommissionBps: number;
  judicialCommissionBps: number;
  fileFeeMinor: number;
  judicialFeeMinor: number;
  currency: string;
}

export type PartnerInput = Omit<PartnerRow, 'partnerId'>;

const PARTNER_COLUMNS = sql`partner_id as "partnerId", name, kind, email, address_lines as "addressLines",
  amicable_commission_bps as "amicableCommissionBps", judicial_commission_bps as "judicialCommissionBps",
  file_fee_minor as "fileFeeMinor", judicial_fee_minor as "judicialFeeMinor", currency`;

export async function selectPartners(
  db: Kysely<Database>,
  companyId: string,
  filter: { partnerId?: number; name?: string } = {},
): Promise<PartnerRow[]> {
  const result = await sql<PartnerRow>`
    select ${PARTNER_COLUMNS} from legal_partners where company_id = ${companyId}
      ${filter.partnerId === undefined ? sql`` : sql`and partner_id = ${filter.partnerId}`}
      ${filter.name === undefined ? sql`` : sql`and name = ${filter.name}`}
    order by name`.execute(db);
  return result.rows;
}

/** Adds the partner, or changes the terms of the one with that name; returns its id. */
export async function upsertPartner(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  partner: PartnerInput,
): Promise<number> {
  const values = {
    kind: partner.kind,
    email: partner.email,
    address_lines: JSON.stringify(partner.addressLines),
    amicable_commission_bps: partner.amicableCommissionBps,
    judicial_commission_bps: partner.judicialCommissionBps,
    file_fee_minor: partner.fileFeeMinor,
    judicial_fee_minor: partner.judicialFeeMinor,
    currency: partner.currency,
    updated_by: actor,
  };
  const row = await db
    .insertInto('legal_partners')
    .values({ company_id: companyId, name: partner.name, created_by: actor, ...values })
    .onConflict((oc) => oc.columns(['company_id', 'name']).doUpdateSet({ ...values, updated_at: sql`now()` }))
    .returning('partner_id')
    .executeTakeFirstOrThrow();
  return row.partner_id;
}

export interface NewLegalFile {
  customerCode: string;
  partnerId: number;
  handedOverOn: string;
  scope: 'customer' | 'invoices';
  currency: string;
  partnerReference: string | null;
  amicableCommissionBps: number;
  judicialCommissionBps: number;
  fileFeeMinor: number;
  judicialFeeMinor: number;
  note: string | null;
  invoices: FileInvoiceRow[];
}

export interface FileInvoiceRow {
  documentId: number;
  documentRef: string;
  dueDate: string;
  handedMinor: number;
  interestMinor: number;
  indemnityMinor: number;
}

export async function insertLegalFile(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  file: NewLegalFile,
): Promise<number> {
  const { file_id: fileId } = await db
    .insertInto('legal_files')
    .values({
      company_id: companyId,
      customer_code: file.customerCode,
      partner_id: file.partnerId,
      handed_over_on: file.handedOverOn,
      scope: file.scope,
      currency: file.currency,
      partner_reference: file.partnerReference,
      amicable_commission_bps: file.amicableCommissionBps,
      judicial_commission_bps: file.judicialCommissionBps,
      file_fee_minor: file.fileFeeMinor,
      judicial_fee_minor: file.judicialFeeMinor,
      pieces_provided: '[]',
      note: file.note,
      created_by: actor,
    })
    .returning('file_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('legal_file_invoices')
    .values(
      file.invoices.map((invoice) => ({
        company_id: companyId,
        file_id: fileId,
        document_id: invoice.documentId,
        document_ref: invoice.documentRef,
        due_date: invoice.dueDate,
        handed_minor: invoice.handedMinor,
        interest_minor: invoice.interestMinor,
        indemnity_minor: invoice.indemnityMinor,
      })),
    )
    .execute();
  return fileId;
}

/** Of these documents, the ones already in a file not taken back (withdrawn) — with that file. */
export async function selectDocumentsInActiveFiles(
  db: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
): Promise<{ documentId: number; documentRef: string; fileId: number }[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<{ documentId: number; documentRef: string; fileId: number }>`
    select i.document_id as "documentId", i.document_ref as "documentRef", i.file_id as "fileId"
    from legal_file_invoices i
    where i.company_id = ${companyId} and i.document_id = any (${[...documentIds]}::int8[])
      and not exists (select 1 from legal_file_steps s where s.company_id = i.company_id
        and s.file_id = i.file_id and s.step_code = 'withdrawn')
    order by i.file_id, i.document_id`.execute(db);
  return result.rows;
}

export interface StepRow {
  stepId: number;
  step: string;
  date: string;
  recoveredMinor: number;
  costsMinor: number;
  partnerOutstandingMinor: number | null;
  note: string | null;
  source: string;
  createdBy: string;
}

export interface LegalFileRow {
  fileId: number;
  customerCode: string;
  customerName: string;
  partnerId: number;
  partnerName: string;
  partnerKind: string;
  handedOverOn: string;
  scope: string;
  currency: string;
  partnerReference: string | null;
  amicableCommissionBps: number;
  judicialCommissionBps: number;
  fileFeeMinor: number;
  judicialFeeMinor: number;
  piecesProvided: string[];
  note: string | null;
  createdBy: string;
  invoices: (FileInvoiceRow & { issueDate: string; amountMinor: number; openMinor: number })[];
  steps: StepRow[];
}

/**
 * Files with their invoices (each with its open amount at `asOf`, by the as-of rule on its own
 * allocations) and every step reported, oldest first.
 */
export async function selectLegalFiles(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  filter: { fileId?: number | undefined; customerCode?: string | undefined } = {},
): Promise<LegalFileRow[]> {
  const result = await sql<LegalFileRow>`
    select f.file_id as "fileId", f.customer_code as "customerCode", c.name as "customerName",
      f.partner_id as "partnerId", p.name as "partnerName", p.kind as "partnerKind",
      f.handed_over_on as "handedOverOn", f.scope, f.currency, f.partner_reference as "partnerReference",
      f.amicable_commission_bps as "amicableCommissionBps", f.judicial_commission_bps as "judicialCommissionBps",
      f.file_fee_minor as "fileFeeMinor", f.judicial_fee_minor as "judicialFeeMinor",
      f.pieces_provided as "piecesProvided", f.note, f.created_by as "createdBy",
      coalesce((select json_agg(json_build_object('documentId', i.document_id, 'documentRef', i.document_ref,
          'dueDate', i.due_date, 'handedMinor', i.handed_minor, 'interestMinor', i.interest_minor,
          'indemnityMinor', i.indemnity_minor, 'issueDate', d.issue_date, 'amountMinor', d.amount_minor,
          'openMinor', d.amount_minor - coalesce((select sum(a.amount_minor) from allocations a
            where a.company_id = d.company_id and a.debit_document_id = d.document_id
              and a.allocation_date <= ${asOf}::date), 0))
          order by i.due_date, i.document_id)
        from legal_file_invoices i
        join documents d on d.company_id = i.company_id and d.document_id = i.document_id
        where i.company_id = f.company_id and i.file_id = f.file_id), '[]'::json) as invoices,
      coalesce((select json_agg(json_build_object('stepId', s.step_id, 'step', s.step_code,
          'date', s.step_date, 'recoveredMinor', s.recovered_minor, 'costsMinor', s.costs_minor,
          'partnerOutstandingMinor', s.partner_outstanding_minor, 'note', s.note, 'source', s.source,
          'createdBy', s.created_by) order by s.step_date, s.step_id)
        from legal_file_steps s where s.company_id = f.company_id and s.file_id = f.file_id), '[]'::json) as steps
    from legal_files f
    join customers c on c.company_id = f.company_id and c.code = f.customer_code
    join legal_partners p on p.company_id = f.company_id and p.partner_id = f.partner_id
    where f.company_id = ${companyId} and f.handed_over_on <= ${asOf}::date
      ${filter.fileId === undefined ? sql`` : sql`and f.file_id = ${filter.fileId}`}
      ${filter.customerCode === undefined ? sql`` : sql`and f.customer_code = ${filter.customerCode}`}
    order by f.file_id desc`.execute(db);
  return result.rows;
}

export interface NewStep {
  fileId: number;
  step: string;
  date: string;
  recoveredMinor: number;
  costsMinor: number;
  partnerOutstandingMinor: number | null;
  note: string | null;
  source: 'manual' | 'csv' | 'api';
  reportKey: string;
}

/** Records the reports not recorded yet (by file and key); returns the ids of the new ones. */
export async function insertSteps(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  steps: readonly NewStep[],
): Promise<number[]> {
  if (steps.length === 0) return [];
  const rows = await db
    .insertInto('legal_file_steps')
    .values(
      steps.map((s) => ({
        company_id: companyId,
        file_id: s.fileId,
        step_code: s.step,
        step_date: s.date,
        recovered_minor: s.recoveredMinor,
        costs_minor: s.costsMinor,
        partner_outstanding_minor: s.partnerOutstandingMinor,
        note: s.note,
        source: s.source,
        report_key: s.reportKey,
        created_by: actor,
      })),
    )
    .onConflict((oc) => oc.columns(['company_id', 'file_id', 'report_key']).doNothing())
    .returning('step_id')
    .execute();
  return rows.map((row) => row.step_id);
}

/** The files of the company by id, with their customer (to check a report names real files). */
export async function selectFileKeys(
  db: Kysely<Database>,
  companyId: string,
): Promise<
  { fileId: number; customerCode: string; partnerReference: string | null; handedOverOn: string }[]
> {
  const result = await sql<{
    fileId: number;
    customerCode: string;
    partnerReference: string | null;
    handedOverOn: string;
  }>`select file_id as "fileId", customer_code as "customerCode", partner_reference as "partnerReference",
      handed_over_on as "handedOverOn"
    from legal_files where company_id = ${companyId} order by file_id`.execute(db);
  return result.rows;
}

export async function updateFileDetails(
  db: Kysely<Database>,
  companyId: string,
  fileId: number,
  change: { piecesProvided?: string[]; partnerReference?: string | null },
): Promise<void> {
  await db
    .updateTable('legal_files')
    .set({
      ...(change.piecesProvided ? { pieces_provided: JSON.stringify(change.piecesProvided) } : {}),
      ...(change.partnerReference !== undefined ? { partner_reference: change.partnerReference } : {}),
    })
    .where('company_id', '=', companyId)
    .where('file_id', '=', fileId)
    .execute();
}
