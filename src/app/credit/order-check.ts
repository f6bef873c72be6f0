/**
 * `checkOrder`: approve, hold or refuse an order in real time, with the reasons in the reader's
 * language. Without an order reference it is a question ("could this customer order this?") and
 * writes nothing. With one, the decision is recorded, audited and told (customer e-mail,
 * salesperson and approver notifications) in one transaction that first locks the customer's row:
 * two checks of the same customer run one after the other, and the second counts the first's
 * order in the exposure, so parallel checks cannot together exceed the available credit.
 * The same idempotency key returns the decision already recorded.
 */
import type { Kysely } from 'kysely';
import { checkOrder as decide, type OrderCheckResult, type PaymentMode } from '#core/credit/order-check';
import type { CustomerType } from '#core/types';
import { findOrderDecision, insertOrderDecision, type OrderDecisionRow } from '#db/credit/order-decisions';
import type { Database } from '#db/infra/schema';
import { setOrderPromotion } from '#db/promotions/promotion-queries';
import { type Lang, label } from '#text/catalogue';
import { wordedChoices } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { promotionForOrder } from '../promotions/promotions.ts';
import { readCheck } from './check-reads.ts';
import type { CreditConfig } from './configuration.ts';
import { type CustomerRisk, checkedCustomer, readCustomerRisk } from './customer-risk.ts';
import { tellDecision } from './decision-messages.ts';
import { answerOf, answerOfRecord, type OrderCheckAnswer } from './order-check-answer.ts';

export interface CheckOrderInput {
  customerCode: string;
  amountMinor: number;
  currency?: string | undefined;
  payment?: PaymentMode | undefined;
  /** Recorded with its decision when given. */
  orderRef?: string | undefined;
  idempotencyKey?: string | undefined;
  /** Elements present on the order; when not given, the order is taken as complete. */
  elements?: readonly string[] | undefined;
  /** The promotion the order uses: its terms count in the check, and it must be usable. */
  promotionCode?: string | undefined;
  lang?: Lang | undefined;
}

function validate(input: CheckOrderInput): void {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0)
    throw new DomainError('invalid_input', { key: 'errors.credit.orderAmount' });
  if (input.payment !== undefined && !['prepaid', 'cod', 'terms'].includes(input.payment))
    throw new DomainError('invalid_input', {
      key: 'errors.credit.paymentMode',
      params: {
        payment: input.payment,
        allowed: wordedChoices(['prepaid', 'cod', 'terms'], (lang, mode) => label(lang, 'paymentMode', mode)),
      },
    });
  if (input.orderRef !== undefined && input.orderRef.trim() === '')
    throw new DomainError('invalid_input', { key: 'errors.credit.orderRefEmpty' });
}

const STATUS_OF = { approve: 'approved', hold: 'held', refuse: 'refused' } as const;

/** The core's decision on the customer's current figures, read through `db`. */
export async function evaluateOrder(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  input: CheckOrderInput & { asOf: string },
  lock: boolean,
  excludeOrderRef?: string,
) {
  const customer = await checkedCustomer(ctx, db, input.customerCode, lock);
  const risk = await readCustomerRisk(ctx, db, config, customer, input.asOf, excludeOrderRef, lock);
  return { customer, risk, result: await decideOrder(ctx, db, config, input, risk) };
}

/** The core's decision on figures already read. */
export async function decideOrder(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  input: CheckOrderInput & { asOf: string },
  risk: CustomerRisk,
): Promise<OrderCheckResult> {
  const customer = risk.customer;
  const rules = config.order_rules;
  const payment = input.payment ?? 'terms';
  const promotion = input.promotionCode
    ? await promotionForOrder(ctx, db, {
        promotionCode: input.promotionCode,
        customerCode: customer.code,
        payment,
        asOf: input.asOf,
      })
    : undefined;
  return decide(rules, {
    asOf: input.asOf,
    order: {
      amountMinor: input.amountMinor,
      currency: input.currency ?? customer.currency,
      payment,
      elements: input.elements ?? [...rules.requiredElements, ...(promotion?.guarantees ?? [])],
    },
    customer: {
      status: customer.status as never,
      riskClass: risk.riskClass,
      score: risk.score?.score ?? null,
      isNew: !customer.hasInvoices,
      customerType: customer.customerType as CustomerType,
    },
    exposure: {
      currency: risk.exposure.currency,
      totalMinor: risk.exposure.totalMinor,
      overdueMinor: risk.overdueMinor,
      oldestOverdueDays: risk.oldestOverdueDays,
    },
    limitMinor: risk.limit.limitMinor,
    group: risk.group && {
      parentCode: risk.group.parentCode,
      exposureMinor: risk.group.exposure.totalMinor,
      limitMinor: risk.group.limit.limitMinor,
    },
    cover: risk.cover,
    delegation: config.delegation_matrix,
    promotion,
  });
}

export async function checkOrder(ctx: AppContext, input: CheckOrderInput): Promise<OrderCheckAnswer> {
  validate(input);
  const lang = input.lang ?? 'fr';
  if (input.idempotencyKey !== undefined) {
    const earlier = await findOrderDecision(ctx.db, ctx.companyId, { idempotencyKey: input.idempotencyKey });
    if (earlier) return replay(lang, earlier, input);
  }
  if (input.orderRef === undefined) {
    const { asOf, config, risk } = await readCheck(ctx, ctx.db, input.customerCode, { lock: false });
    const customer = risk.customer;
    const result = await decideOrder(ctx, ctx.db, config, { ...input, asOf }, risk);
    return answerOf(lang, result, customer.currency, {
      customerCode: customer.code,
      orderRef: null,
      status: null,
      created: false,
    });
  }
  const orderRef = input.orderRef.trim();
  return ctx.db.transaction().execute(async (trx) => {
    // The lock comes first: everything below reads what the previous check of this customer wrote.
    // An order the ERP already sent (pending in `orders`) is the order being judged: its amount is
    // the order's, not also part of the exposure it is judged against.
    const { asOf, config, risk } = await readCheck(ctx, trx, input.customerCode, {
      lock: true,
      excludeOrderRef: orderRef,
    });
    const customer = risk.customer;
    const result = await decideOrder(ctx, trx, config, { ...input, asOf }, risk);
    const earlier = await findOrderDecision(trx, ctx.companyId, { orderRef });
    if (earlier) return replay(lang, earlier, input);
    const status = STATUS_OF[result.decision];
    const figures = {
      exposureMinor: result.exposureMinor,
      orderMinor: result.orderMinor,
      exposureAfterOrderMinor: result.exposureAfterOrderMinor,
      limitMinor: result.limitMinor,
      availableMinor: result.availableMinor,
      riskClass: result.riskClass,
      score: result.score,
      asOf,
    };
    await insertOrderDecision(
      trx,
      ctx.companyId,
      ctx.actor,
      {
        orderRef,
        idempotencyKey: input.idempotencyKey ?? null,
        customerCode: customer.code,
        amountMinor: input.amountMinor,
        currency: input.currency ?? customer.currency,
        payment: input.payment ?? 'terms',
        decision: result.decision,
        status,
        reasons: result.reasons,
        waived: result.waived,
        figures,
        approverRole: result.approverRole,
        rulesVersion: result.rulesVersion,
      },
      ctx.clock.now(),
    );
    if (input.promotionCode) await setOrderPromotion(trx, ctx.companyId, orderRef, input.promotionCode);
    await recordAudit(ctx, trx, {
      at: ctx.clock.now(),
      action: 'credit.order_check',
      entity: 'order_decision',
      entityKey: orderRef,
      before: null,
      after: {
        customerCode: customer.code,
        amountMinor: input.amountMinor,
        decision: result.decision,
        reasons: result.reasons.map((r) => r.code),
        approverRole: result.approverRole,
        rulesVersion: result.rulesVersion,
        ...(input.promotionCode ? { promotionCode: input.promotionCode } : {}),
      },
    });
    await tellDecision(ctx, trx, config, {
      customer,
      orderRef,
      amountMinor: input.amountMinor,
      currency: input.currency ?? customer.currency,
      result,
      asOf,
    });
    return answerOf(lang, result, customer.currency, {
      customerCode: customer.code,
      orderRef,
      status,
      created: true,
    });
  });
}

function replay(lang: Lang, earlier: OrderDecisionRow, input: CheckOrderInput): OrderCheckAnswer {
  const same =
    earlier.customerCode === input.customerCode &&
    earlier.amountMinor === input.amountMinor &&
    (input.orderRef === undefined || earlier.orderRef === input.orderRef.trim());
  if (!same)
    throw new DomainError(
      'conflict',
      {
        key: 'errors.credit.orderChecked',
        params: { orderRef: earlier.orderRef, customer: earlier.customerCode },
      },
      { reason: 'order_already_checked', orderRef: earlier.orderRef },
    );
  return answerOfRecord(lang, earlier, false);
}
