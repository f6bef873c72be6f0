/** Recorded order decisions: the held-orders queue and their release or refusal. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import {
  type CustomerRecordFilter,
  customerRecordConditions,
  selectWithCustomer,
} from './customer-records.ts';

export type OrderDecisionStatus = 'approved' | 'held' | 'released' | 'refused';

export interface OrderDecisionRow {
  orderRef: string;
  idempotencyKey: string | null;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  amountMinor: number;
  currency: string;
  payment: 'prepaid' | 'cod' | 'terms';
  decision: 'approve' | 'hold' | 'refuse';
  status: OrderDecisionStatus;
  reasons: unknown;
  waived: unknown;
  figures: Record<string, unknown>;
  approverRole: string | null;
  rulesVersion: string;
  checkedBy: string;
  checkedAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionComment: string | null;
}

export type NewOrderDecision = Omit<
  OrderDecisionRow,
  | 'customerName'
  | 'salesperson'
  | 'checkedBy'
  | 'checkedAt'
  | 'resolvedBy'
  | 'resolvedAt'
  | 'resolutionComment'
>;

const COLUMNS = sql`k.order_ref as "orderRef", k.idempotency_key as "idempotencyKey", k.customer_code as "customerCode",
  c.name as "customerName", c.salesperson, k.amount_minor as "amountMinor", k.currency, k.payment, k.decision,
  k.status, k.reasons, k.waived, k.figures, k.approver_role as "approverRole", k.rules_version as "rulesVersion",
  k.checked_by as "checkedBy", k.checked_at as "checkedAt", k.resolved_by as "resolvedBy",
  k.resolved_at as "resolvedAt", k.resolution_comment as "resolutionComment"`;

export async function insertOrderDecision(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: NewOrderDecision,
  at: Date,
): Promise<void> {
  await db
    .insertInto('credit_order_decisions')
    .values({
      company_id: companyId,
      order_ref: row.orderRef,
      idempotency_key: row.idempotencyKey,
      customer_code: row.customerCode,
      amount_minor: row.amountMinor,
      currency: row.currency,
      payment: row.payment,
      decision: row.decision,
      status: row.status,
      reasons: JSON.stringify(row.reasons),
      waived: JSON.stringify(row.waived),
      figures: JSON.stringify(row.figures),
      approver_role: row.approverRole,
      rules_version: row.rulesVersion,
      checked_by: actor,
      checked_at: at,
    })
    .execute();
}

/** A decision by order reference or by idempotency key. */
export async function findOrderDecision(
  db: Kysely<Database>,
  companyId: string,
  by: { orderRef?: string | undefined; idempotencyKey?: string | undefined },
  lock = false,
): Promise<OrderDecisionRow | undefined> {
  const where =
    by.idempotencyKey !== undefined
      ? sql`k.idempotency_key = ${by.idempotencyKey}`
      : sql`k.order_ref = ${by.orderRef ?? ''}`;
  const result = await sql<OrderDecisionRow>`
    ${selectWithCustomer(COLUMNS, 'credit_order_decisions', 'k')}
     where k.company_id = ${companyId} and ${where} ${lock ? sql`for update of k` : sql``}`.execute(db);
  return result.rows[0];
}

export interface DecisionFilter extends CustomerRecordFilter {
  status?: OrderDecisionStatus | undefined;
  limit: number;
}

export async function listOrderDecisions(
  db: Kysely<Database>,
  companyId: string,
  filter: DecisionFilter,
): Promise<OrderDecisionRow[]> {
  const result = await sql<OrderDecisionRow>`
    ${selectWithCustomer(COLUMNS, 'credit_order_decisions', 'k')}
     where k.company_id = ${companyId} ${customerRecordConditions('k', filter)}
     order by k.checked_at, k.order_ref limit ${filter.limit}`.execute(db);
  return result.rows;
}

/** Customers with held orders (the automatic release looks only at them). */
export async function customersWithHeldOrders(
  db: Kysely<Database>,
  companyId: string,
  customerCodes?: readonly string[],
): Promise<string[]> {
  const only =
    customerCodes === undefined ? sql`` : sql`and customer_code = any (${[...customerCodes]}::text[])`;
  const result = await sql<{ code: string }>`
    select distinct customer_code as code from credit_order_decisions
     where company_id = ${companyId} and status = 'held' ${only} order by 1`.execute(db);
  return result.rows.map((row) => row.code);
}

export async function resolveOrderDecision(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  orderRef: string,
  resolution: { status: 'released' | 'refused'; comment: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('credit_order_decisions')
    .set({
      status: resolution.status,
      resolved_by: actor,
      resolved_at: resolution.at,
      resolution_comment: resolution.comment,
    })
    .where('company_id', '=', companyId)
    .where('order_ref', '=', orderRef)
    .execute();
}

/**
 * Keeps the latest judgement of a held order under `figures.recheck`, beside the check's own
 * figures, reasons and date (which the policy replay and the procedure report read as recorded).
 */
export async function recordRecheck(
  db: Kysely<Database>,
  companyId: string,
  orderRef: string,
  recheck: Record<string, unknown>,
): Promise<void> {
  await sql`
    update credit_order_decisions
       set figures = figures || jsonb_build_object('recheck', ${JSON.stringify(recheck)}::jsonb)
     where company_id = ${companyId} and order_ref = ${orderRef} and status = 'held'`.execute(db);
}
