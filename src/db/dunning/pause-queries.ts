/** Pauses of one invoice's dunning: recorded, listed, lifted (never edited otherwise). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface InvoicePauseRow {
  pauseId: number;
  customerCode: string;
  documentId: number;
  documentRef: string;
  reason: string;
  pausedOn: string;
  pausedUntil: string;
  createdBy: string;
  liftedOn: string | null;
  liftedBy: string | null;
}

export interface OpenInvoiceRef {
  documentId: number;
  documentRef: string;
  customerCode: string;
}

/** The customer's invoice with this reference (its external reference), if there is one. */
export async function selectInvoiceByRef(
  db: Kysely<Database>,
  companyId: string,
  documentRef: string,
  customerCode?: string,
): Promise<OpenInvoiceRef[]> {
  let query = db
    .selectFrom('documents')
    .select(['document_id as documentId', 'external_ref as documentRef', 'customer_code as customerCode'])
    .where('company_id', '=', companyId)
    .where('kind', '=', 'invoice')
    .where('external_ref', '=', documentRef);
  if (customerCode !== undefined) query = query.where('customer_code', '=', customerCode);
  return (await query.orderBy('document_id').execute()) as OpenInvoiceRef[];
}

export async function insertInvoicePause(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  pause: Omit<InvoicePauseRow, 'pauseId' | 'createdBy' | 'liftedOn' | 'liftedBy'>,
): Promise<number> {
  const row = await db
    .insertInto('dunning_invoice_pauses')
    .values({
      company_id: companyId,
      customer_code: pause.customerCode,
      document_id: pause.documentId,
      document_ref: pause.documentRef,
      reason: pause.reason,
      paused_on: pause.pausedOn,
      paused_until: pause.pausedUntil,
      created_by: actor,
    })
    .returning('pause_id')
    .executeTakeFirstOrThrow();
  return row.pause_id;
}

/** Stamps the pause as lifted; false when it does not exist or already was. */
export async function liftInvoicePause(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  pauseId: number,
  liftedOn: string,
): Promise<boolean> {
  const result = await db
    .updateTable('dunning_invoice_pauses')
    .set({ lifted_on: liftedOn, lifted_by: actor })
    .where('company_id', '=', companyId)
    .where('pause_id', '=', pauseId)
    .where('lifted_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function selectInvoicePauses(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    pauseId?: number | undefined;
    customerCode?: string | undefined;
    activeOn?: string | undefined;
    salesperson?: string | undefined;
  },
): Promise<InvoicePauseRow[]> {
  const result = await sql<InvoicePauseRow>`
    select p.pause_id as "pauseId", p.customer_code as "customerCode", p.document_id as "documentId",
      p.document_ref as "documentRef", p.reason, p.paused_on as "pausedOn",
      p.paused_until as "pausedUntil", p.created_by as "createdBy", p.lifted_on as "liftedOn",
      p.lifted_by as "liftedBy"
    from dunning_invoice_pauses p
    join customers c on c.company_id = p.company_id and c.code = p.customer_code
    where p.company_id = ${companyId}
      ${filter.pauseId === undefined ? sql`` : sql`and p.pause_id = ${filter.pauseId}`}
      ${filter.customerCode === undefined ? sql`` : sql`and p.customer_code = ${filter.customerCode}`}
      ${filter.salesperson === undefined ? sql`` : sql`and c.salesperson = ${filter.salesperson}`}
      ${
        filter.activeOn === undefined
          ? sql``
          : sql`and p.paused_on <= ${filter.activeOn}::date and p.paused_until >= ${filter.activeOn}::date
            and (p.lifted_on is null or p.lifted_on > ${filter.activeOn}::date)`
      }
    order by p.paused_on desc, p.pause_id desc`.execute(db);
  return result.rows;
}
