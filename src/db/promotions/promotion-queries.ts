/** Promotions (their credit terms and the credit manager's decision), the orders and invoices under them. */
import { type Kysely, sql } from 'kysely';
import type { InvoiceOutcome, Promotion, PromotionStatus, PromotionTerms } from '#core/promotions/promotions';
import type { Database } from '../infra/schema.ts';

export interface PromotionRow extends Promotion {
  submittedBy: string;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

const COLUMNS = sql`promotion_code as code, name, payment_terms as "paymentTerms",
  payment_methods as "paymentMethods", guarantees, valid_from as "validFrom", valid_to as "validTo",
  eligible_customers as "eligibleCustomers", eligible_customer_types as "eligibleCustomerTypes", status,
  submitted_by as "submittedBy", submitted_at as "submittedAt", decided_by as "decidedBy",
  decided_at as "decidedAt", decision_comment as "decisionComment"`;

export async function insertPromotion(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  terms: PromotionTerms,
): Promise<boolean> {
  const result = await db
    .insertInto('promotions')
    .values({
      company_id: companyId,
      promotion_code: terms.code,
      name: terms.name,
      payment_terms: terms.paymentTerms,
      payment_methods: terms.paymentMethods,
      guarantees: terms.guarantees,
      valid_from: terms.validFrom,
      valid_to: terms.validTo,
      eligible_customers: terms.eligibleCustomers,
      eligible_customer_types: terms.eligibleCustomerTypes,
      submitted_by: actor,
    })
    .onConflict((oc) => oc.columns(['company_id', 'promotion_code']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function selectPromotion(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  lock = false,
): Promise<PromotionRow | undefined> {
  const result = await sql<PromotionRow>`
    select ${COLUMNS} from promotions where company_id = ${companyId} and promotion_code = ${code}
    ${lock ? sql`for update` : sql``}`.execute(db);
  return result.rows[0];
}

export async function selectPromotions(
  db: Kysely<Database>,
  companyId: string,
  status: PromotionStatus | undefined,
): Promise<PromotionRow[]> {
  const result = await sql<PromotionRow>`
    select ${COLUMNS} from promotions
     where company_id = ${companyId} ${status ? sql`and status = ${status}` : sql``}
     order by valid_from desc, promotion_code`.execute(db);
  return result.rows;
}

/** Records the credit manager's decision on a promotion still awaiting one; false if it was decided. */
export async function updatePromotionDecision(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  decision: { status: 'approved' | 'rejected'; by: string; comment: string | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('promotions')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: decision.at,
      decision_comment: decision.comment,
    })
    .where('company_id', '=', companyId)
    .where('promotion_code', '=', code)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What the order check needs of the customer to judge a promotion. */
export async function selectCustomerTerms(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<{ paymentTerms: string; customerType: string } | undefined> {
  const result = await sql<{ paymentTerms: string; customerType: string }>`
    select payment_terms as "paymentTerms", customer_type as "customerType"
      from customers where company_id = ${companyId} and code = ${customerCode}`.execute(db);
  return result.rows[0];
}

/** Marks a recorded order decision as made under a promotion. */
export async function setOrderPromotion(
  db: Kysely<Database>,
  companyId: string,
  orderRef: string,
  promotionCode: string,
): Promise<void> {
  await sql`update credit_order_decisions set promotion_code = ${promotionCode}
             where company_id = ${companyId} and order_ref = ${orderRef}`.execute(db);
}

export interface PromotionOrders {
  promotionCode: string;
  orderCount: number;
  orderedMinor: number;
  approvedCount: number;
  heldCount: number;
  refusedCount: number;
}

export async function selectPromotionOrders(
  db: Kysely<Database>,
  companyId: string,
): Promise<PromotionOrders[]> {
  const result = await sql<PromotionOrders>`
    select promotion_code as "promotionCode", count(*)::int8 as "orderCount",
      coalesce(sum(amount_minor), 0)::int8 as "orderedMinor",
      count(*) filter (where status in ('approved', 'released'))::int8 as "approvedCount",
      count(*) filter (where status = 'held')::int8 as "heldCount",
      count(*) filter (where status = 'refused')::int8 as "refusedCount"
      from credit_order_decisions
     where company_id = ${companyId} and promotion_code is not null
     group by promotion_code`.execute(db);
  return result.rows;
}

/** Invoices issued in the period, as of `asOf`: settled on (if by then) and still open. */
export async function selectInvoiceOutcomes(
  db: Kysely<Database>,
  companyId: string,
  period: { from: string; to: string; asOf: string; currency: string },
): Promise<InvoiceOutcome[]> {
  const result = await sql<InvoiceOutcome>`
    select d.promotion_code as "promotionCode", d.amount_minor as "amountMinor", d.issue_date as "issueDate",
      d.due_date as "dueDate",
      case when s.settled_on <= ${period.asOf} then s.settled_on end as "settledOn",
      (d.amount_minor - coalesce((select sum(a.amount_minor) from allocations a
                                   where a.company_id = d.company_id and a.debit_document_id = d.document_id
                                     and a.allocation_date <= ${period.asOf}), 0))::int8 as "openMinor"
      from documents d
      left join settled_documents s on s.company_id = d.company_id and s.document_id = d.document_id
     where d.company_id = ${companyId} and d.kind = 'invoice' and d.currency = ${period.currency}
       and d.issue_date between ${period.from} and ${period.to}`.execute(db);
  return result.rows;
}

/** Tags the named invoices that carry no promotion yet; returns the references tagged. */
export async function tagInvoices(
  db: Kysely<Database>,
  companyId: string,
  promotionCode: string,
  invoiceRefs: readonly string[],
): Promise<string[]> {
  const result = await sql<{ ref: string }>`
    update documents set promotion_code = ${promotionCode}
     where company_id = ${companyId} and kind = 'invoice' and promotion_code is null
       and external_ref = any(${[...invoiceRefs]}::text[])
    returning external_ref as ref`.execute(db);
  return result.rows.map((row) => row.ref);
}
