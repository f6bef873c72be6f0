/**
 * Dispute cases (one complaint, one or more invoices, one dunning_disputes row each) and the
 * disputes known only from the imported customer story ('dispute' events naming an invoice).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface CaseInvoice {
  documentId: number;
  documentRef: string;
  amountMinor: number;
  currency: string;
}

/**
 * Opens a dispute on each invoice, all under one case (the first row's number). Returns the rows'
 * numbers, or null when an invoice already has an open dispute (nothing is then kept by the caller's
 * transaction, which rolls back).
 */
export async function insertDisputeCase(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: {
    customerCode: string;
    reason: string;
    department: string;
    note: string;
    openedOn: string;
    respondBy: string | null;
    invoices: readonly CaseInvoice[];
  },
): Promise<{ caseId: number; disputeIds: number[] } | null> {
  const inserted = await sql<{ disputeId: number }>`
    insert into dunning_disputes (company_id, customer_code, document_id, document_ref, reason, department,
      amount_minor, currency, note, opened_on, respond_by, opened_by)
    select ${companyId}, ${row.customerCode}, i.document_id, i.document_ref, ${row.reason}, ${row.department},
      i.amount_minor, i.currency, ${row.note}, ${row.openedOn}::date, ${row.respondBy}::date, ${actor}
    from unnest(${row.invoices.map((i) => i.documentId)}::int8[], ${row.invoices.map((i) => i.documentRef)}::text[],
      ${row.invoices.map((i) => i.amountMinor)}::int8[], ${row.invoices.map((i) => i.currency)}::text[])
      with ordinality as i(document_id, document_ref, amount_minor, currency, position)
    order by i.position
    on conflict (company_id, document_id) where status = 'open' do nothing
    returning dispute_id::int8 as "disputeId"`.execute(db);
  if (inserted.rows.length !== row.invoices.length) return null;
  const disputeIds = inserted.rows.map((r) => r.disputeId).sort((a, b) => a - b);
  const caseId = disputeIds[0];
  if (caseId === undefined) return null;
  await sql`update dunning_disputes set case_id = ${caseId}
    where company_id = ${companyId} and dispute_id = any (${disputeIds}::int8[])`.execute(db);
  return { caseId, disputeIds };
}

/** Writes the record that closes a dispute known only from the imported story: opened then, resolved now. */
export async function insertResolvedDispute(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: {
    customerCode: string;
    invoice: CaseInvoice;
    reason: string;
    department: string;
    note: string;
    openedOn: string;
    resolution: string;
    resolutionNote: string;
    resolvedOn: string;
  },
): Promise<number> {
  const result = await sql<{ disputeId: number }>`
    insert into dunning_disputes (company_id, customer_code, document_id, document_ref, reason, department,
      amount_minor, currency, note, opened_on, status, resolution, resolution_note, resolved_on, opened_by,
      resolved_by)
    values (${companyId}, ${row.customerCode}, ${row.invoice.documentId}, ${row.invoice.documentRef},
      ${row.reason}, ${row.department}, ${row.invoice.amountMinor}, ${row.invoice.currency}, ${row.note},
      ${row.openedOn}::date, 'resolved', ${row.resolution}, ${row.resolutionNote}, ${row.resolvedOn}::date,
      ${actor}, ${actor})
    returning dispute_id::int8 as "disputeId"`.execute(db);
  const disputeId = result.rows[0]?.disputeId;
  if (disputeId === undefined) throw new Error('insert returned no dispute');
  await sql`update dunning_disputes set case_id = dispute_id
    where company_id = ${companyId} and dispute_id = ${disputeId}`.execute(db);
  return disputeId;
}

export interface ImportedDisputeRow {
  /** The first 'dispute' event naming the invoice: the dispute's number until a record replaces it. */
  eventId: number;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  documentId: number;
  documentRef: string;
  amountMinor: number;
  openMinor: number;
  currency: string;
  openedOn: string;
  note: string;
}

/**
 * The invoices still open that the run leaves out because an imported 'dispute' event names them and
 * no dispute record says otherwise (the rule of dunning-state.ts, whatever the date of the event).
 */
export async function selectImportedDisputes(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    salesperson?: string | undefined;
    eventId?: number | undefined;
    customerCode?: string | undefined;
  },
): Promise<ImportedDisputeRow[]> {
  const result = await sql<ImportedDisputeRow>`
    select * from (
      select distinct on (d.document_id) e.event_id::int8 as "eventId", e.customer_code as "customerCode",
        c.name as "customerName", c.salesperson, d.document_id::int8 as "documentId",
        d.external_ref as "documentRef", d.amount_minor::int8 as "amountMinor",
        o.open_minor::int8 as "openMinor", d.currency, e.event_date as "openedOn", e.detail as note
      from customer_events e
      join customers c on c.company_id = e.company_id and c.code = e.customer_code
      join documents d on d.company_id = e.company_id and d.customer_code = e.customer_code
        and d.external_ref = e.document_ref and d.kind = 'invoice'
      join open_items o on o.company_id = d.company_id and o.document_id = d.document_id and o.open_minor > 0
      where e.company_id = ${companyId} and e.kind = 'dispute' and e.document_ref is not null
        and not exists (select 1 from dunning_disputes x
          where x.company_id = d.company_id and x.document_id = d.document_id)
        ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
        ${filter.customerCode !== undefined ? sql`and e.customer_code = ${filter.customerCode}` : sql``}
      order by d.document_id, e.event_date, e.event_id
    ) imported
    ${filter.eventId !== undefined ? sql`where "eventId" = ${filter.eventId}` : sql``}
    order by "openedOn" desc, "eventId" desc`.execute(db);
  return result.rows;
}

export interface SettledImportedDisputeRow extends Omit<ImportedDisputeRow, 'openMinor' | 'salesperson'> {
  /** When the invoice was settled (not before the complaint): the day the dispute ended. */
  resolvedOn: string;
  /** What credit notes settled of it (reversals netted): full, partial or no credit note. */
  creditedMinor: number;
}

/**
 * The imported disputes that ended with their invoice: a 'dispute' event of the story naming an
 * invoice now settled (by a credit note or a payment) and no dispute record. History imported from
 * another system says nothing else of how a complaint ended, and without these the analytics would
 * count no resolved dispute at all for a company that has just come over.
 */
export async function selectSettledImportedDisputes(
  db: Kysely<Database>,
  companyId: string,
  filter: { salesperson?: string | undefined; customerCode?: string | undefined },
): Promise<SettledImportedDisputeRow[]> {
  const result = await sql<SettledImportedDisputeRow>`
    select * from (
      select distinct on (d.document_id) e.event_id::int8 as "eventId", e.customer_code as "customerCode",
        c.name as "customerName", d.document_id::int8 as "documentId", d.external_ref as "documentRef",
        d.amount_minor::int8 as "amountMinor", d.currency, e.event_date as "openedOn", e.detail as note,
        greatest(s.settled_on, e.event_date) as "resolvedOn",
        coalesce((select sum(a.amount_minor) from allocations a
          join documents k on k.company_id = a.company_id and k.document_id = a.credit_document_id
            and k.kind = 'credit_note'
          where a.company_id = d.company_id and a.debit_document_id = d.document_id), 0)::int8 as "creditedMinor"
      from customer_events e
      join customers c on c.company_id = e.company_id and c.code = e.customer_code
      join documents d on d.company_id = e.company_id and d.customer_code = e.customer_code
        and d.external_ref = e.document_ref and d.kind = 'invoice'
      join settled_documents s on s.company_id = d.company_id and s.document_id = d.document_id
      where e.company_id = ${companyId} and e.kind = 'dispute' and e.document_ref is not null
        and not exists (select 1 from dunning_disputes x
          where x.company_id = d.company_id and x.document_id = d.document_id)
        ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
        ${filter.customerCode !== undefined ? sql`and e.customer_code = ${filter.customerCode}` : sql``}
      order by d.document_id, e.event_date, e.event_id
    ) settled
    order by "resolvedOn" desc, "eventId" desc`.execute(db);
  return result.rows;
}

/** What an invoice still owes today (0 once settled: open_items keeps only what is open). */
export async function selectInvoiceOpenMinor(
  db: Kysely<Database>,
  companyId: string,
  documentId: number,
): Promise<number> {
  const result = await sql<{ openMinor: number }>`
    select open_minor::int8 as "openMinor" from open_items
    where company_id = ${companyId} and document_id = ${documentId}`.execute(db);
  return Math.max(0, result.rows[0]?.openMinor ?? 0);
}

export interface DisputeEdit {
  reason: string;
  department: string;
  amountMinor: number;
  respondBy: string | null;
  note: string;
}

/** Rewrites an open dispute's particulars; false when it is no longer open (resolved meanwhile). */
export async function updateOpenDispute(
  db: Kysely<Database>,
  companyId: string,
  disputeId: number,
  edit: DisputeEdit,
): Promise<boolean> {
  const result = await sql`
    update dunning_disputes set reason = ${edit.reason}, department = ${edit.department},
      amount_minor = ${edit.amountMinor}, respond_by = ${edit.respondBy}::date, note = ${edit.note}
    where company_id = ${companyId} and dispute_id = ${disputeId} and status = 'open'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * The latest dispute record on the invoice a 'dispute' event of the story names: what supersedes an
 * imported dispute once it was taken over or resolved. Null when the event names no such invoice,
 * no record names it, or the customer is not in the salesperson's portfolio.
 */
export async function selectRecordOfDisputeEvent(
  db: Kysely<Database>,
  companyId: string,
  filter: { eventId: number; salesperson?: string | undefined },
): Promise<{ disputeId: number; documentRef: string; status: string } | null> {
  const result = await sql<{ disputeId: number; documentRef: string; status: string }>`
    select x.dispute_id::int8 as "disputeId", x.document_ref as "documentRef", x.status
    from customer_events e
    join customers c on c.company_id = e.company_id and c.code = e.customer_code
    join documents d on d.company_id = e.company_id and d.customer_code = e.customer_code
      and d.external_ref = e.document_ref and d.kind = 'invoice'
    join dunning_disputes x on x.company_id = d.company_id and x.document_id = d.document_id
    where e.company_id = ${companyId} and e.event_id = ${filter.eventId} and e.kind = 'dispute'
      ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
    order by x.dispute_id desc
    limit 1`.execute(db);
  return result.rows[0] ?? null;
}
