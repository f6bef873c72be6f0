/**
 * The invoices assigned to a factor and the current-account movements (migration 0021); what the
 * aged balance and the dunning read about assigned invoices at a date.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { MovementKind } from '#core/legal/factoring-account';
import type { Database } from '../infra/schema.ts';
import type { NewItem } from './factoring.ts';

/** An assigned invoice as stored (the batch's figures for it), with its batch and what closed it. */
export interface ItemRow extends NewItem {
  batchId: number;
  contractId: number;
  contractCode: string;
  financingDate: string;
  currency: string;
  closedOn: string | null;
  closedAs: string | null;
  paymentDocumentId: number | null;
}

export async function selectItems(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    batchId?: number | undefined;
    refs?: readonly string[] | undefined;
    open?: boolean | undefined;
    lock?: boolean | undefined;
  } = {},
): Promise<ItemRow[]> {
  const result = await sql<ItemRow>`
    select i.batch_id as "batchId", b.contract_id as "contractId", b.contract_code as "contractCode",
      b.financing_date as "financingDate", b.currency, i.document_id as "documentId", i.document_ref as ref,
      i.customer_code as "customerCode", i.due_date as "dueDate", i.amount_minor as "amountMinor",
      i.reserve_minor as "reserveMinor", i.advance_minor as "advanceMinor",
      i.commission_minor as "commissionMinor", i.interest_days as "interestDays",
      i.interest_minor as "interestMinor", i.closed_on as "closedOn", i.closed_as as "closedAs",
      i.payment_document_id as "paymentDocumentId"
    from factoring_items i
    join factoring_batches b on b.company_id = i.company_id and b.batch_id = i.batch_id
    where i.company_id = ${companyId}
      ${filter.batchId === undefined ? sql`` : sql`and i.batch_id = ${filter.batchId}`}
      ${filter.refs === undefined ? sql`` : sql`and i.document_ref = any (${[...filter.refs]}::text[])`}
      ${filter.open ? sql`and i.closed_on is null` : sql``}
    order by i.batch_id, i.due_date, i.document_ref
    ${filter.lock ? sql`for update of i` : sql``}`.execute(db);
  return result.rows;
}

export async function closeItem(
  db: Kysely<Database>,
  companyId: string,
  item: Pick<ItemRow, 'batchId' | 'documentId'>,
  closing: { closedOn: string; closedAs: 'collected' | 'charged_back'; paymentDocumentId: number | null },
): Promise<void> {
  await db
    .updateTable('factoring_items')
    .set({
      closed_on: closing.closedOn,
      closed_as: closing.closedAs,
      payment_document_id: closing.paymentDocumentId,
    })
    .where('company_id', '=', companyId)
    .where('batch_id', '=', item.batchId)
    .where('document_id', '=', item.documentId)
    .where('closed_on', 'is', null)
    .execute();
}

export interface NewMovement {
  contractCode: string;
  batchId: number | null;
  documentId: number | null;
  kind: string;
  date: string;
  reference: string;
  amountMinor: number;
  currency: string;
}

export async function insertMovements(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  movements: readonly NewMovement[],
): Promise<void> {
  if (movements.length === 0) return;
  await db
    .insertInto('factoring_movements')
    .values(
      movements.map((m) => ({
        company_id: companyId,
        contract_code: m.contractCode,
        batch_id: m.batchId,
        document_id: m.documentId,
        kind: m.kind,
        movement_date: m.date,
        reference: m.reference,
        amount_minor: m.amountMinor,
        currency: m.currency,
        created_by: actor,
      })),
    )
    .execute();
}

export interface MovementRow extends NewMovement {
  movementId: number;
  kind: MovementKind;
}

export async function selectMovements(
  db: Kysely<Database>,
  companyId: string,
  filter: { contractCode: string; from?: string | undefined; to?: string | undefined },
): Promise<MovementRow[]> {
  const result = await sql<MovementRow>`
    select movement_id as "movementId", contract_code as "contractCode", batch_id as "batchId",
      document_id as "documentId", kind, movement_date as date, reference, amount_minor as "amountMinor",
      currency
    from factoring_movements
    where company_id = ${companyId} and contract_code = ${filter.contractCode}
      ${filter.from === undefined ? sql`` : sql`and movement_date >= ${filter.from}::date`}
      ${filter.to === undefined ? sql`` : sql`and movement_date <= ${filter.to}::date`}
    order by movement_date, movement_id`.execute(db);
  return result.rows;
}

/** The invoices assigned at `asOf`: in a batch dated ≤ asOf and not closed by then (one row each). */
export function assignedAsOf(companyId: string, asOf: string): RawBuilder<unknown> {
  return sql`
    select distinct on (i.document_id) i.document_id, i.batch_id, b.contract_id from factoring_items i
    join factoring_batches b on b.company_id = i.company_id and b.batch_id = i.batch_id
    where i.company_id = ${companyId} and b.batch_date <= ${asOf}::date
      and (i.closed_on is null or i.closed_on > ${asOf}::date)
    order by i.document_id, i.batch_id desc`;
}

export interface AssignedInvoiceRow {
  documentId: number;
  batchId: number;
  contractCode: string;
  factorName: string;
  factorIban: string | null;
  factorBic: string | null;
  factorCollects: boolean;
}

/** The invoices among `documentIds` assigned at `asOf`, with the factor the customer must pay. */
export async function selectAssignedInvoices(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  documentIds: readonly number[],
): Promise<AssignedInvoiceRow[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<AssignedInvoiceRow>`
    select a.document_id as "documentId", a.batch_id as "batchId", k.code as "contractCode",
      k.factor_name as "factorName", k.factor_iban as "factorIban", k.factor_bic as "factorBic",
      k.factor_collects as "factorCollects"
    from (${assignedAsOf(companyId, asOf)}) a
    join factoring_contracts k on k.company_id = ${companyId} and k.contract_id = a.contract_id
    where a.document_id = any (${[...documentIds]}::int8[])`.execute(db);
  return result.rows;
}
