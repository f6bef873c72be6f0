/**
 * Credit limits: a request (from a salesperson or a collector, with its justification and the
 * order that triggered it) goes to the role the delegation matrix names for the customer's class
 * and the amount, with a due time; that role or a more senior one approves or refuses it. Every
 * limit given — by a request or by hand — lands in the limit history with who and why; a
 * permanent one also becomes the customer's credit limit. A limit change may release held orders.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { requiredRole } from '#core/credit/delegation';
import type { RiskClass } from '#core/credit/scoring-method';
import type { IsoDate } from '#core/types';
import {
  decideLimitRequest,
  findLimitRequest,
  importedLimitEvents,
  insertLimitHistory,
  insertLimitRequest,
  type LimitRequestRow,
  limitHistory,
  setCustomerLimit,
} from '#db/credit/limit-queries';
import { latestScores } from '#db/credit/score-queries';
import type { Database } from '#db/infra/schema';
import type { Lang } from '#text/catalogue';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { creditConfig } from './configuration.ts';
import { tellLimitChange } from './credit-story.ts';
import { checkedCustomer } from './customer-risk.ts';
import { releaseHeldOrdersWithinRules } from './held-orders.ts';
import {
  LIMIT_REASON,
  limitHistoryView,
  limitReasonMessage,
  limitReasonParam,
  storedLimitReason,
} from './limit-history-view.ts';
import { notifyApprovers } from './limit-request-mail.ts';
import { mayDecideLimitRequest } from './limit-request-queue.ts';

/** Hours a request may wait for its approver before it is late. */
export const REQUEST_DUE_HOURS = 48;

export interface LimitRequestInput {
  customerCode: string;
  requestedMinor: number;
  kind?: 'permanent' | 'temporary' | undefined;
  expiresOn?: IsoDate | null | undefined;
  justification: string;
  orderRef?: string | null | undefined;
}

function checkLimitInput(input: { amountMinor: number; kind: string; expiresOn: string | null }): void {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0)
    throw new DomainError('invalid_input', { key: 'errors.credit.limitAmount' });
  if (input.kind === 'temporary' && (!input.expiresOn || !isValidIsoDate(input.expiresOn)))
    throw new DomainError('invalid_input', { key: 'errors.credit.temporaryExpiry' });
}

export async function requestLimit(ctx: AppContext, input: LimitRequestInput): Promise<LimitRequestRow> {
  const kind = input.kind ?? 'permanent';
  const expiresOn = kind === 'temporary' ? (input.expiresOn ?? null) : null;
  checkLimitInput({ amountMinor: input.requestedMinor, kind, expiresOn });
  if (!input.justification?.trim())
    throw new DomainError('invalid_input', { key: 'errors.credit.justification' });
  const asOf = await defaultAsOf(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const customer = await checkedCustomer(ctx, trx, input.customerCode, true);
    const config = await creditConfig(ctx, asOf, trx);
    const riskClass = ((await latestScores(trx, ctx.companyId, [customer.code])).get(customer.code)
      ?.riskClass ?? null) as RiskClass | null;
    const role = requiredRole(config.delegation_matrix, riskClass, input.requestedMinor) ?? 'director';
    const now = ctx.clock.now();
    const requestId = await insertLimitRequest(
      trx,
      ctx.companyId,
      ctx.actor,
      {
        customerCode: customer.code,
        requestedMinor: input.requestedMinor,
        currency: customer.currency,
        kind,
        expiresOn,
        justification: input.justification.trim(),
        orderRef: input.orderRef ?? null,
        requiredRole: role,
        riskClass,
        dueAt: new Date(now.getTime() + REQUEST_DUE_HOURS * 3600_000),
      },
      now,
    );
    await recordAudit(ctx, trx, {
      at: now,
      action: 'credit.limit_request',
      entity: 'limit_request',
      entityKey: String(requestId),
      before: null,
      after: { customerCode: customer.code, requestedMinor: input.requestedMinor, kind, requiredRole: role },
    });
    await notifyApprovers(
      ctx,
      trx,
      requestId,
      role,
      customer.code,
      customer.name,
      input.requestedMinor,
      customer.currency,
    );
    return requestId;
  });
  return (await findLimitRequest(ctx.db, ctx.companyId, id))!;
}

/** Approves (the limit is given) or refuses a pending request; needs the role it names or above. */
export async function decideLimit(
  ctx: AppContext,
  input: { requestId: number; approve: boolean; comment?: string | null | undefined },
): Promise<LimitRequestRow> {
  const asOf = await defaultAsOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const request = await findLimitRequest(trx, ctx.companyId, input.requestId, true);
    if (!request)
      throw new DomainError('not_found', {
        key: 'errors.credit.unknownRequest',
        params: { requestId: input.requestId },
      });
    if (request.status !== 'pending')
      throw new DomainError('conflict', {
        key: 'errors.credit.requestDecided',
        params: { requestId: input.requestId, status: request.status },
      });
    const config = await creditConfig(ctx, asOf, trx);
    if (!mayDecideLimitRequest(ctx, config.delegation_matrix, request))
      throw new DomainError(
        'forbidden',
        { key: 'errors.credit.requestRole', params: { role: wordedLabel('role', request.requiredRole) } },
        { requiredRole: request.requiredRole },
      );
    const comment = input.comment?.trim() || null;
    const status = input.approve ? 'approved' : 'refused';
    await decideLimitRequest(trx, ctx.companyId, ctx.actor, request.requestId, {
      status,
      comment,
      at: ctx.clock.now(),
    });
    await recordAudit(ctx, trx, {
      action: 'credit.limit_decision',
      entity: 'limit_request',
      entityKey: String(request.requestId),
      before: { status: 'pending' },
      after: { status, comment },
    });
    if (input.approve) {
      await applyLimit(ctx, trx, {
        customerCode: request.customerCode,
        amountMinor: request.requestedMinor,
        kind: request.kind,
        expiresOn: request.expiresOn,
        asOf,
        reason: LIMIT_REASON.request,
        requestId: request.requestId,
        comment,
      });
    }
  });
  if (input.approve) {
    const request = await findLimitRequest(ctx.db, ctx.companyId, input.requestId);
    if (request) await releaseHeldOrdersWithinRules(ctx, [request.customerCode]);
  }
  return (await findLimitRequest(ctx.db, ctx.companyId, input.requestId))!;
}

/** Writes a limit (history, customer file for a permanent one, audit) inside the caller's transaction. */
export async function applyLimit(
  ctx: AppContext,
  db: Kysely<Database>,
  limit: {
    customerCode: string;
    amountMinor: number | null;
    kind: 'permanent' | 'temporary';
    expiresOn: IsoDate | null;
    asOf: IsoDate;
    /** A person's words, or the catalogue key of Encours's own reason (limit-history-view.ts). */
    reason: string;
    requestId: number | null;
    /** The approver's comment on the request, told in the story. */
    comment?: string | null;
  },
): Promise<void> {
  const customer = await checkedCustomer(ctx, db, limit.customerCode, true);
  if (limit.amountMinor !== null)
    checkLimitInput({ amountMinor: limit.amountMinor, kind: limit.kind, expiresOn: limit.expiresOn });
  await insertLimitHistory(db, ctx.companyId, ctx.actor, {
    customerCode: customer.code,
    kind: limit.kind,
    amountMinor: limit.amountMinor,
    previousMinor: customer.creditLimitMinor,
    currency: customer.currency,
    validFrom: limit.asOf,
    expiresOn: limit.kind === 'temporary' ? limit.expiresOn : null,
    reason: limit.reason,
    requestId: limit.requestId,
  });
  if (limit.kind === 'permanent')
    await setCustomerLimit(db, ctx.companyId, customer.code, limit.amountMinor, ctx.clock.now());
  // The audit keeps a person's words; a reason of Encours's own is the request (or a manual change).
  const typedReason = limitReasonMessage(limit) === null ? limit.reason : null;
  await recordAudit(ctx, db, {
    action: 'credit.limit_change',
    entity: 'credit_limit',
    entityKey: customer.code,
    before: { creditLimitMinor: customer.creditLimitMinor },
    after: {
      creditLimitMinor: limit.amountMinor,
      kind: limit.kind,
      expiresOn: limit.expiresOn,
      ...(typedReason ? { reason: typedReason } : {}),
      requestId: limit.requestId,
    },
  });
  await tellLimitChange(ctx, db, {
    customerCode: customer.code,
    currency: customer.currency,
    kind: limit.kind,
    previousMinor: customer.creditLimitMinor,
    amountMinor: limit.amountMinor,
    expiresOn: limit.expiresOn,
    asOf: limit.asOf,
    reason: limitReasonParam(limit),
    comment: limit.comment,
  });
}

/** A limit set by hand by the credit department (no request), then held orders re-judged. */
export async function setLimit(
  ctx: AppContext,
  input: {
    customerCode: string;
    amountMinor: number | null;
    kind?: 'permanent' | 'temporary';
    expiresOn?: IsoDate | null;
    reason?: string;
  },
): Promise<{ released: string[] }> {
  const asOf = await defaultAsOf(ctx);
  await ctx.db.transaction().execute((trx) =>
    applyLimit(ctx, trx, {
      customerCode: input.customerCode,
      amountMinor: input.amountMinor,
      kind: input.kind ?? 'permanent',
      expiresOn: input.expiresOn ?? null,
      asOf,
      reason: storedLimitReason(input.reason, LIMIT_REASON.manual),
      requestId: null,
    }),
  );
  return { released: await releaseHeldOrdersWithinRules(ctx, [input.customerCode]) };
}

/**
 * Every limit change of the customer, those of an imported story included (marked as imported),
 * each reason in `lang`, with the approver's comment of a change from a request.
 */
export async function getLimitHistory(ctx: AppContext, customerCode: string, lang: Lang = 'fr') {
  await checkedCustomer(ctx, ctx.db, customerCode, false);
  const [entries, imported] = await Promise.all([
    limitHistory(ctx.db, ctx.companyId, customerCode),
    importedLimitEvents(ctx.db, ctx.companyId, customerCode),
  ]);
  return limitHistoryView(lang, entries, imported);
}
