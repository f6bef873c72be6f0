/**
 * What the procedure-review reports read beyond the analytics: the overdue invoices with whether
 * anybody reminded them, order decisions accepted over the limit and the ERP's invoiced orders with
 * the balance and the limit histories to judge them, scores as of a date (covers as of a date are
 * the credit pages' own, `db/credit/cover-queries.ts`),
 * and the company's edited section templates (migration 0017).
 */
import { type Kysely, sql } from 'kysely';
import type { ImportedLimitEvent, LimitChangeEntry } from '#core/credit/limit-history';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface OverdueInvoiceRow {
  documentId: number;
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
    select o.document_id::int8 as "documentId", o.customer_code as "customerCode", d.external_ref as "documentRef", o.due_date as "dueDate",
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

export interface InvoicedOrderRow {
  customerCode: string;
  orderRef: string;
  orderDate: string;
  amountMinor: number;
  /** The customer's balance at the end of the day before the order (documents issued before it). */
  balanceBeforeMinor: number;
  /** The customer's limit today (the limit history reads back the one of the order date). */
  creditLimitMinor: number | null;
}

/**
 * The orders the ERP reports invoiced, dated in the period, that never went through Encours's order
 * check (no decision of it names them), each with its customer's balance the day before: one sort of
 * those customers' documents and orders by day, a running sum giving each order the balance before
 * it (the orders of a day come before its documents, which may be their own invoices).
 */
export async function invoicedOrdersUnchecked(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  asOf: string,
): Promise<InvoicedOrderRow[]> {
  const result = await sql<InvoicedOrderRow>`
    with o as materialized (
      select o.customer_code, o.order_number, o.order_date, o.amount_minor
        from orders o
       where o.company_id = ${companyId} and o.status = 'invoiced'
         and o.order_date between ${from}::date and ${asOf}::date
         and not exists (select 1 from credit_order_decisions k
                          where k.company_id = o.company_id and k.order_ref = o.order_number)
    ), moves as (
      select d.customer_code, d.issue_date as day, 1 as after_orders, d.amount_minor as delta,
             null::text as order_ref, 0::int8 as order_minor
        from documents d
       where d.company_id = ${companyId} and d.issue_date <= ${asOf}::date
         and d.customer_code in (select customer_code from o)
      union all
      select customer_code, order_date, 0, 0, order_number, amount_minor from o
    ), running as (
      select m.*, sum(m.delta) over (partition by m.customer_code order by m.day, m.after_orders
                                     rows between unbounded preceding and current row) as balance
        from moves m
    )
    select r.customer_code as "customerCode", r.order_ref as "orderRef", r.day as "orderDate",
           r.order_minor::int8 as "amountMinor", r.balance::int8 as "balanceBeforeMinor",
           c.credit_limit_minor as "creditLimitMinor"
      from running r join customers c on c.company_id = ${companyId} and c.code = r.customer_code
     where r.order_ref is not null
     order by r.customer_code, r.day, r.order_ref`.execute(db);
  return result.rows;
}

export interface LimitChangeRow extends LimitChangeEntry {
  customerCode: string;
}

export interface ImportedLimitRow extends ImportedLimitEvent {
  customerCode: string;
}

/**
 * The limit histories of the given customers, as the customer file reads them one by one
 * (limit-queries.ts): Encours's own changes, latest first, and the limit changes of their
 * imported stories (lines without a catalogue message).
 */
export async function limitHistoriesOf(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
): Promise<{ entries: LimitChangeRow[]; imported: ImportedLimitRow[] }> {
  const codes = [...customerCodes];
  const entries = await sql<LimitChangeRow>`
    select h.entry_id as "entryId", h.customer_code as "customerCode", h.kind, h.amount_minor as "amountMinor",
           h.previous_minor as "previousMinor", h.currency, h.valid_from::text as "validFrom",
           h.expires_on::text as "expiresOn", h.reason, h.created_by as "createdBy"
      from credit_limit_history h
     where h.company_id = ${companyId} and h.customer_code = any (${codes}::text[])
     order by h.customer_code, h.entry_id desc`.execute(db);
  const imported = await sql<ImportedLimitRow>`
    select e.event_id as "eventId", e.customer_code as "customerCode", e.event_date::text as "eventDate",
           e.detail, c.currency, e.created_by as "createdBy"
      from customer_events e
      join customers c on c.company_id = e.company_id and c.code = e.customer_code
     where e.company_id = ${companyId} and e.customer_code = any (${codes}::text[])
       and e.kind = 'limit_change' and e.message_key is null
     order by e.customer_code, e.event_date desc, e.event_id desc`.execute(db);
  return { entries: entries.rows, imported: imported.rows };
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
