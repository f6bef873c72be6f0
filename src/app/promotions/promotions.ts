/**
 * Marketing promotions: sales or marketing submit a promotion's credit terms, the credit manager
 * approves or rejects them with a comment (never the person who submitted them), orders use an
 * approved promotion through the order check, and the effect is tracked: orders and amounts, and
 * how the invoices sold under the promotion are paid compared with the others.
 */
import type { Kysely } from 'kysely';
import { minDate } from '#core/calendar';
import type { PaymentMode } from '#core/credit/order-check';
import type { OrderPromotion } from '#core/credit/order-promotion';
import type { Problem } from '#core/credit/reason';
import { formatPaymentTermsSpec, parsePaymentTerms } from '#core/ledger/payment-terms';
import {
  type OutcomeSummary,
  type PromotionStatus,
  type PromotionTerms,
  promotionRefusal,
  summariseOutcomes,
  termDays,
  validatePromotionTerms,
} from '#core/promotions/promotions';
import type { Database } from '#db/infra/schema';
import {
  insertPromotion,
  type PromotionOrders,
  type PromotionRow,
  selectCustomerTerms,
  selectInvoiceOutcomes,
  selectPromotion,
  selectPromotionOrders,
  selectPromotions,
  tagInvoices,
  updatePromotionDecision,
} from '#db/promotions/promotion-queries';
import { type Lang, translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf, findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export interface PromotionView extends Omit<PromotionRow, 'submittedAt' | 'decidedAt'> {
  submittedAt: string;
  decidedAt: string | null;
  orders: Omit<PromotionOrders, 'promotionCode'>;
}

const NO_ORDERS = { orderCount: 0, orderedMinor: 0, approvedCount: 0, heldCount: 0, refusedCount: 0 };

function viewOf(row: PromotionRow, orders: PromotionOrders | undefined): PromotionView {
  const { promotionCode: _code, ...counts } = orders ?? { promotionCode: '', ...NO_ORDERS };
  return {
    ...row,
    submittedAt: new Date(row.submittedAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    orders: counts,
  };
}

/** The problems of submitted terms in words, one after the other. */
function problemsText(problems: readonly Problem[]): (lang: Lang) => string {
  return (lang) =>
    problems
      .map((problem) =>
        translator(lang)('errors.promotions.problem', {
          problem: problem.code,
          value: String(Object.values(problem.params)[0] ?? ''),
        }),
      )
      .join(lang === 'fr' ? '\u00a0; ' : '; ');
}

async function requirePromotion(ctx: AppContext, db: Kysely<Database>, code: string, lock = false) {
  const promotion = await selectPromotion(db, ctx.companyId, code, lock);
  if (!promotion) throw new DomainError('not_found', { key: 'errors.promotions.unknown', params: { code } });
  return promotion;
}

export async function submitPromotion(ctx: AppContext, input: PromotionTerms): Promise<PromotionView> {
  // Everyday wordings ("60 jours nets") are stored as their canonical spec.
  const parsed = parsePaymentTerms(input.paymentTerms);
  const terms = {
    ...input,
    code: input.code.trim(),
    paymentTerms: parsed ? formatPaymentTermsSpec(parsed) : input.paymentTerms,
  };
  const problems = validatePromotionTerms(terms);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.promotions.invalid', params: { problems: problemsText(problems) } },
      { problems },
    );
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await insertPromotion(trx, ctx.companyId, ctx.actor, terms)))
      throw new DomainError('conflict', { key: 'errors.promotions.exists', params: { code: terms.code } });
    await recordAudit(ctx, trx, {
      action: 'promotion.submit',
      entity: 'promotion',
      entityKey: terms.code,
      before: null,
      after: terms,
    });
    return viewOf(await requirePromotion(ctx, trx, terms.code), undefined);
  });
}

export async function decidePromotion(
  ctx: AppContext,
  code: string,
  input: { decision: 'approve' | 'reject'; comment?: string | undefined },
): Promise<PromotionView> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'reject' && comment === null)
    throw new DomainError('invalid_input', { key: 'errors.promotions.comment' });
  return ctx.db.transaction().execute(async (trx) => {
    const promotion = await requirePromotion(ctx, trx, code, true);
    if (promotion.status !== 'submitted')
      throw new DomainError('conflict', {
        key: 'errors.promotions.decided',
        params: { code, status: promotion.status },
      });
    // Segregation of duties: whoever proposed the terms does not grant them.
    if (promotion.submittedBy === ctx.actor)
      throw new DomainError('forbidden', { key: 'errors.promotions.ownDecision' });
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await updatePromotionDecision(trx, ctx.companyId, code, {
      status,
      by: ctx.actor,
      comment,
      at: ctx.clock.now(),
    });
    await recordAudit(ctx, trx, {
      action: `promotion.${input.decision}`,
      entity: 'promotion',
      entityKey: code,
      before: { status: promotion.status },
      after: { status, comment },
    });
    const orders = (await selectPromotionOrders(trx, ctx.companyId)).find((o) => o.promotionCode === code);
    return viewOf(await requirePromotion(ctx, trx, code), orders);
  });
}

export async function listPromotions(
  ctx: AppContext,
  filter: { status?: PromotionStatus | undefined } = {},
): Promise<PromotionView[]> {
  const [rows, orders] = await Promise.all([
    selectPromotions(ctx.db, ctx.companyId, filter.status),
    selectPromotionOrders(ctx.db, ctx.companyId),
  ]);
  return rows.map((row) =>
    viewOf(
      row,
      orders.find((o) => o.promotionCode === row.code),
    ),
  );
}

export interface PromotionDetail extends PromotionView {
  asOf: string;
  currency: string;
  /** Invoices issued during the promotion up to asOf: under it, and the others of the same days. */
  effect: { promotion: OutcomeSummary; others: OutcomeSummary };
}

export async function getPromotion(
  ctx: AppContext,
  code: string,
  input: { asOf?: string | undefined } = {},
): Promise<PromotionDetail> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  const company = await findCompany(ctx, ctx.companyId);
  const currency = company?.currency ?? 'EUR';
  const promotion = await requirePromotion(ctx, ctx.db, code);
  const orders = (await selectPromotionOrders(ctx.db, ctx.companyId)).find((o) => o.promotionCode === code);
  const to = minDate(promotion.validTo, asOf);
  const invoices =
    promotion.validFrom <= to
      ? await selectInvoiceOutcomes(ctx.db, ctx.companyId, { from: promotion.validFrom, to, asOf, currency })
      : [];
  return {
    ...viewOf(promotion, orders),
    asOf,
    currency,
    effect: {
      promotion: summariseOutcomes(
        invoices.filter((i) => i.promotionCode === code),
        asOf,
      ),
      others: summariseOutcomes(
        invoices.filter((i) => i.promotionCode === null),
        asOf,
      ),
    },
  };
}

/** Marks invoices as sold under an approved promotion (only untagged ones; audited). */
export async function tagPromotionInvoices(
  ctx: AppContext,
  code: string,
  invoiceRefs: readonly string[],
): Promise<{ tagged: string[] }> {
  if (invoiceRefs.length === 0)
    throw new DomainError('invalid_input', { key: 'errors.promotions.noInvoice' });
  return ctx.db.transaction().execute(async (trx) => {
    const promotion = await requirePromotion(ctx, trx, code);
    if (promotion.status !== 'approved')
      throw new DomainError('conflict', {
        key: 'errors.promotions.notApproved',
        params: { code, status: promotion.status },
      });
    const tagged = await tagInvoices(trx, ctx.companyId, code, invoiceRefs);
    const missing = invoiceRefs.filter((ref) => !tagged.includes(ref));
    if (missing.length > 0)
      throw new DomainError(
        'invalid_input',
        { key: 'errors.promotions.tagged', params: { refs: missing.join(', ') } },
        { missing },
      );
    await recordAudit(ctx, trx, {
      action: 'promotion.tag_invoices',
      entity: 'promotion',
      entityKey: code,
      before: null,
      after: { invoices: tagged },
    });
    return { tagged };
  });
}

/** The promotion an order names, judged for this customer, payment and date (order check input). */
export async function promotionForOrder(
  ctx: AppContext,
  db: Kysely<Database>,
  input: { promotionCode: string; customerCode: string; payment: PaymentMode; asOf: string },
): Promise<OrderPromotion> {
  const promotion = await selectPromotion(db, ctx.companyId, input.promotionCode);
  if (!promotion)
    throw new DomainError('invalid_input', {
      key: 'errors.promotions.unknown',
      params: { code: input.promotionCode },
    });
  const customer = await selectCustomerTerms(db, ctx.companyId, input.customerCode);
  if (!customer)
    throw new DomainError('not_found', {
      key: 'errors.customers.unknown',
      params: { code: input.customerCode },
    });
  return {
    code: promotion.code,
    refusal: promotionRefusal(promotion, {
      asOf: input.asOf,
      customerCode: input.customerCode,
      customerType: customer.customerType,
      payment: input.payment,
    }),
    termDays: termDays(promotion.paymentTerms, input.asOf),
    customerTermDays: termDays(customer.paymentTerms, input.asOf),
    guarantees: promotion.guarantees,
  };
}
