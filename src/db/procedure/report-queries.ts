/**
 * What the procedure-review reports read beyond the analytics: the overdue invoices with whether
 * anybody reminded them, order decisions accepted over the limit, scores and covers as of a date,
 * and the company's edited section templates (migration 0017).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface OverdueInvoiceRow {
  customerCode: string;
  documentRef: string;
  dueDate: string;
  openMinor: number;
  daysLate: number;
  /** A reminder (event of the customer's story or sent dunning action) since its due date. */
  reminded: boolean;
}

/** Open invoices past due as of the date, each with whether it was reminded since it fell due. */
export async function overdueInvoices(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<OverdueInvoiceRow[]> {
  const open = openItemsAsOf({ companyId, asOf });
  const result = await sql<OverdueInvoiceRow>`
    select o.customer_code as "customerCode", d.external_ref as "documentRef", o.due_date as "dueDate",
      o.open_minor::int8 as "openMinor", (${asOf}::date - o.due_date)::int as "daysLate",
      (exists (select 1 from customer_events e where e.company_id = ${companyId}
         and e.customer_code = o.customer_code and e.kind = 'reminder'
         and e.event_date > o.due_date and e.event_date <= ${asOf})
       or exists (select 1 from dunning_action_items i join dunning_actions a
         on a.company_id = i.company_id and a.action_id = i.action_id
         where i.company_id = ${companyId} and i.document_id = o.document_id and a.status = 'sent'
           and a.action_date <= ${asOf})) as reminded
    from (${open}) o join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    where d.kind = 'invoice' and o.open_minor > 0 and o.due_date < ${asOf}
    order by o.customer_code, o.due_date, d.external_ref`.execute(db);
  return result.rows;
}

export interface OrderOverLimitRow {
  customerCode: string;
  orderRef: string;
  amountMinor: number;
  exposureAfterMinor: number;
  limitMinor: number;
}

/** Orders the check let through (approved, or released by hand) beyond the customer's limit. */
export async function ordersAcceptedOverLimit(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  asOf: string,
): Promise<OrderOverLimitRow[]> {
  const result = await sql<OrderOverLimitRow>`
    select customer_code as "customerCode", order_ref as "orderRef", amount_minor::int8 as "amountMinor",
      (figures->>'exposureAfterOrderMinor')::int8 as "exposureAfterMinor",
      (figures->>'limitMinor')::int8 as "limitMinor"
    from credit_order_decisions
    where company_id = ${companyId} and status in ('approved', 'released')
      and (checked_at at time zone 'UTC')::date between ${from} and ${asOf}
      and figures->>'limitMinor' is not null
      and (figures->>'exposureAfterOrderMinor')::int8 > (figures->>'limitMinor')::int8
    order by customer_code, order_ref`.execute(db);
  return result.rows;
}

/** Each customer's latest risk class scored on or before the date. */
export async function riskClassesAsOf(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<Map<string, string | null>> {
  const result = await sql<{ customerCode: string; riskClass: string | null }>`
    select distinct on (customer_code) customer_code as "customerCode", risk_class as "riskClass"
      from credit_scores where company_id = ${companyId} and as_of <= ${asOf}
     order by customer_code, as_of desc, score_id desc`.execute(db);
  return new Map(result.rows.map((row) => [row.customerCode, row.riskClass]));
}

export interface CoverStateRow {
  customerCode: string;
  status: string;
  grantedMinor: number;
  expiresOn: string | null;
}

/** Each customer's latest insurer cover recorded on or before the date. */
export async function coversAsOf(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<CoverStateRow[]> {
  const result = await sql<CoverStateRow>`
    select distinct on (customer_code) customer_code as "customerCode", status,
      granted_minor::int8 as "grantedMinor", expires_on as "expiresOn"
      from credit_insurer_covers
     where company_id = ${companyId} and (created_at at time zone 'UTC')::date <= ${asOf}
     order by customer_code, cover_id desc`.execute(db);
  return result.rows;
}

export interface ReportTemplateRow {
  report: string;
  section: string;
  lang: string;
  version: number;
  body: string;
  createdBy: string;
  createdAt: Date;
}

/** The latest edited version of each section template of the company. */
export async function latestReportTemplates(
  db: Kysely<Database>,
  companyId: string,
): Promise<ReportTemplateRow[]> {
  const result = await sql<ReportTemplateRow>`
    select distinct on (report, section, lang) report, section, lang, version, body,
      created_by as "createdBy", created_at as "createdAt"
      from report_templates where company_id = ${companyId}
     order by report, section, lang, version desc`.execute(db);
  return result.rows;
}

/** Stores the next version of a section template (versions are never rewritten). */
export async function insertReportTemplate(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  template: { report: string; section: string; lang: string; body: string },
): Promise<number> {
  const result = await sql<{ version: number }>`
    insert into report_templates (company_id, report, section, lang, version, body, created_by)
    select ${companyId}, ${template.report}, ${template.section}, ${template.lang},
      coalesce(max(version), 0) + 1, ${template.body}, ${actor}
      from report_templates
     where company_id = ${companyId} and report = ${template.report}
       and section = ${template.section} and lang = ${template.lang}
    returning version`.execute(db);
  return result.rows[0]?.version ?? 0;
}
