/** Disputes (litiges) and promises to pay; the call tasks are in task-queries.ts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface InvoiceRef {
  documentId: number;
  documentRef: string;
  customerCode: string;
  amountMinor: number;
  currency: string;
}

/** An invoice of the company by its reference (any source); null when none or ambiguous. */
export async function selectInvoiceByRef(
  db: Kysely<Database>,
  companyId: string,
  documentRef: string,
): Promise<InvoiceRef | null> {
  const rows = await db
    .selectFrom('documents')
    .select([
      'document_id as documentId',
      'external_ref as documentRef',
      'customer_code as customerCode',
      'amount_minor as amountMinor',
      'currency',
    ])
    .where('company_id', '=', companyId)
    .where('external_ref', '=', documentRef)
    .where('kind', '=', 'invoice')
    .limit(2)
    .execute();
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

export interface DisputeRow {
  disputeId: number;
  /** The complaint this invoice's dispute belongs to (several invoices may share one). */
  caseId: number;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  documentId: number;
  documentRef: string;
  reason: string;
  department: string;
  amountMinor: number;
  currency: string;
  note: string;
  openedOn: string;
  respondBy: string | null;
  status: string;
  resolution: string | null;
  resolutionNote: string | null;
  resolvedOn: string | null;
  openedBy: string;
  resolvedBy: string | null;
  attachmentCount: number;
}

export async function insertDispute(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: {
    customerCode: string;
    documentId: number;
    documentRef: string;
    reason: string;
    department: string;
    amountMinor: number;
    currency: string;
    note: string;
    openedOn: string;
    respondBy: string | null;
  },
): Promise<number | null> {
  const result = await db
    .insertInto('dunning_disputes')
    .values({
      company_id: companyId,
      customer_code: row.customerCode,
      document_id: row.documentId,
      document_ref: row.documentRef,
      reason: row.reason,
      department: row.department,
      amount_minor: row.amountMinor,
      currency: row.currency,
      note: row.note,
      opened_on: row.openedOn,
      respond_by: row.respondBy,
      opened_by: actor,
    })
    .onConflict((oc) => oc.columns(['company_id', 'document_id']).where('status', '=', 'open').doNothing())
    .returning('dispute_id')
    .executeTakeFirst();
  return result?.dispute_id ?? null;
}

export async function resolveDisputeRow(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  disputeId: number,
  resolution: { resolution: string; note: string; resolvedOn: string },
): Promise<boolean> {
  const result = await db
    .updateTable('dunning_disputes')
    .set({
      status: 'resolved',
      resolution: resolution.resolution,
      resolution_note: resolution.note,
      resolved_on: resolution.resolvedOn,
      resolved_by: actor,
    })
    .where('company_id', '=', companyId)
    .where('dispute_id', '=', disputeId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function selectDisputes(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    status?: string | undefined;
    salesperson?: string | undefined;
    disputeId?: number | undefined;
    caseId?: number | undefined;
    customerCode?: string | undefined;
  },
): Promise<DisputeRow[]> {
  const result = await sql<DisputeRow>`
    select x.dispute_id as "disputeId", coalesce(x.case_id, x.dispute_id) as "caseId", x.customer_code as "customerCode", c.name as "customerName",
      c.salesperson, x.document_id as "documentId", x.document_ref as "documentRef", x.reason, x.department,
      x.amount_minor as "amountMinor", x.currency, x.note, x.opened_on as "openedOn",
      x.respond_by as "respondBy", x.status, x.resolution, x.resolution_note as "resolutionNote",
      x.resolved_on as "resolvedOn", x.opened_by as "openedBy", x.resolved_by as "resolvedBy",
      (select count(*) from dunning_dispute_attachments a
        where a.company_id = x.company_id and a.dispute_id = x.dispute_id)::int8 as "attachmentCount"
    from dunning_disputes x join customers c on c.company_id = x.company_id and c.code = x.customer_code
    where x.company_id = ${companyId}
      ${filter.status !== undefined ? sql`and x.status = ${filter.status}` : sql``}
      ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
      ${filter.disputeId !== undefined ? sql`and x.dispute_id = ${filter.disputeId}` : sql``}
      ${filter.caseId !== undefined ? sql`and coalesce(x.case_id, x.dispute_id) = ${filter.caseId}` : sql``}
      ${filter.customerCode !== undefined ? sql`and x.customer_code = ${filter.customerCode}` : sql``}
    order by x.status, x.opened_on desc, x.dispute_id desc`.execute(db);
  return result.rows;
}

export interface PromiseRow {
  promiseId: number;
  customerCode: string;
  madeOn: string;
  currency: string;
  note: string;
  createdBy: string;
  /** When the promise was recorded: the payments recorded before it were already netted at the call. */
  recordedAt: Date;
  instalments: { dueDate: string; amountMinor: number }[];
  documentRefs: string[];
}

export async function insertPromise(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: {
    customerCode: string;
    madeOn: string;
    currency: string;
    note: string;
    instalments: { dueDate: string; amountMinor: number }[];
    documentIds: number[];
  },
): Promise<number> {
  const { promise_id: promiseId } = await db
    .insertInto('dunning_promises')
    .values({
      company_id: companyId,
      customer_code: row.customerCode,
      made_on: row.madeOn,
      currency: row.currency,
      note: row.note,
      created_by: actor,
    })
    .returning('promise_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dunning_promise_instalments')
    .values(
      row.instalments.map((instalment, index) => ({
        company_id: companyId,
        promise_id: promiseId,
        position: index + 1,
        due_date: instalment.dueDate,
        amount_minor: instalment.amountMinor,
      })),
    )
    .execute();
  if (row.documentIds.length > 0)
    await db
      .insertInto('dunning_promise_invoices')
      .values(
        row.documentIds.map((documentId) => ({
          company_id: companyId,
          promise_id: promiseId,
          document_id: documentId,
        })),
      )
      .execute();
  return promiseId;
}

/** Promises made on or before the date, with their instalments and invoices. */
export async function selectPromises(
  db: Kysely<Database>,
  companyId: string,
  filter: { asOf: string; customerCodes?: readonly string[] | undefined; promiseId?: number | undefined },
): Promise<PromiseRow[]> {
  const result = await sql<PromiseRow>`
    select p.promise_id as "promiseId", p.customer_code as "customerCode", p.made_on as "madeOn",
      p.currency, p.note, p.created_by as "createdBy", p.created_at as "recordedAt",
      (select json_agg(json_build_object('dueDate', i.due_date, 'amountMinor', i.amount_minor) order by i.position)
        from dunning_promise_instalments i where i.company_id = p.company_id and i.promise_id = p.promise_id)
        as instalments,
      coalesce((select json_agg(d.external_ref order by d.external_ref) from dunning_promise_invoices v
        join documents d on d.company_id = v.company_id and d.document_id = v.document_id
        where v.company_id = p.company_id and v.promise_id = p.promise_id), '[]'::json) as "documentRefs"
    from dunning_promises p
    where p.company_id = ${companyId} and p.made_on <= ${filter.asOf}::date
      ${filter.customerCodes ? sql`and p.customer_code = any (${[...filter.customerCodes]}::text[])` : sql``}
      ${filter.promiseId !== undefined ? sql`and p.promise_id = ${filter.promiseId}` : sql``}
    order by p.customer_code, p.made_on, p.promise_id`.execute(db);
  return result.rows;
}

/**
 * Payments of the customers, by date, with when each was recorded: what keeps a promise (a payment
 * recorded before the promise was already out of the overdue the collector saw at the call).
 */
export async function selectCustomerPayments(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
  asOf: string,
): Promise<{ customerCode: string; date: string; recordedAt: Date; amountMinor: number }[]> {
  if (customerCodes.length === 0) return [];
  const result = await sql<{ customerCode: string; date: string; recordedAt: Date; amountMinor: number }>`
    select customer_code as "customerCode", issue_date as date, created_at as "recordedAt",
      (-amount_minor)::int8 as "amountMinor"
    from documents
    where company_id = ${companyId} and kind = 'payment' and issue_date <= ${asOf}::date
      and customer_code = any (${[...customerCodes]}::text[])
    order by customer_code, issue_date`.execute(db);
  return result.rows;
}

/**
 * What a customer still owes on its invoices (its open debits), or on the invoices named: the most
 * a promise to pay can cover. Read through the customer's documents (open items have no index by
 * customer).
 */
export async function selectOpenDebitsMinor(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  documentIds: readonly number[],
): Promise<number> {
  const named = documentIds.length > 0;
  const result = await sql<{ openMinor: number | null }>`
    select sum(o.open_minor)::int8 as "openMinor"
    from documents d join open_items o on o.company_id = d.company_id and o.document_id = d.document_id
    where d.company_id = ${companyId} and d.customer_code = ${customerCode} and o.open_minor > 0
      ${named ? sql`and d.document_id in (${sql.join(documentIds)})` : sql``}`.execute(db);
  return result.rows[0]?.openMinor ?? 0;
}
