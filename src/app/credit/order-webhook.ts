/**
 * The order check called by an ERP: `POST /api/credit/order-check/webhook`, signed with
 * HMAC-SHA256 under a secret of the company. The signature covers `<timestamp>.<raw body>`, so
 * neither the order nor the time can be changed; a timestamp outside the replay window, or a
 * signature already accepted, is refused. The answer tells the ERP to release or hold the order.
 *
 * The delivery is recorded before the check runs (its own short transaction): a check that then
 * fails is retried by the ERP with a new timestamp, and the order reference keeps it idempotent.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PaymentMode } from '#core/credit/order-check';
import { findWebhookSecret, recordWebhookDelivery, saveWebhookSecret } from '#db/credit/webhook-queries';
import type { Lang } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkOrder } from './order-check.ts';
import type { OrderCheckAnswer } from './order-check-answer.ts';

/** Seconds a signed call stays valid either side of the server's clock. */
export const WEBHOOK_WINDOW_SECONDS = 300;

export type SignatureCheck = 'ok' | 'malformed' | 'stale' | 'bad_signature';

export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Pure check of one call: the timestamp in the window, then the signature in constant time. */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string;
  signature: string;
  rawBody: string;
  now: Date;
}): SignatureCheck {
  if (!/^\d{1,12}$/.test(input.timestamp) || !/^sha256=[0-9a-f]{64}$/.test(input.signature))
    return 'malformed';
  const skewSeconds = Math.abs(input.now.getTime() / 1000 - Number(input.timestamp));
  if (skewSeconds > WEBHOOK_WINDOW_SECONDS) return 'stale';
  const expected = Buffer.from(signWebhook(input.secret, input.timestamp, input.rawBody));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'bad_signature';
}

/** Makes (or replaces) the company's secret; it is shown once, here, and never again. */
export async function createWebhookSecret(ctx: AppContext): Promise<{ secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  await ctx.db.transaction().execute(async (trx) => {
    await saveWebhookSecret(trx, ctx.companyId, ctx.actor, secret, ctx.clock.now());
    await recordAudit(ctx, trx, {
      action: 'credit.webhook_secret',
      entity: 'credit_webhook',
      entityKey: ctx.companyId,
      before: null,
      // The secret itself never goes to the audit log.
      after: { rotated: true },
    });
  });
  return { secret };
}

export interface WebhookOrder {
  customerCode: string;
  amountMinor: number;
  orderRef: string;
  currency?: string | undefined;
  payment?: PaymentMode | undefined;
  elements?: string[] | undefined;
}

function parseOrder(rawBody: string): WebhookOrder {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.credit.webhookNotJson' });
  }
  const order = (body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (!text(order['customerCode']) || !text(order['orderRef']))
    throw new DomainError('invalid_input', { key: 'errors.credit.webhookRequired' });
  const elements = order['elements'];
  if (elements !== undefined && !(Array.isArray(elements) && elements.every((e) => typeof e === 'string')))
    throw new DomainError('invalid_input', { key: 'errors.credit.webhookElements' });
  return {
    customerCode: order['customerCode'] as string,
    orderRef: order['orderRef'] as string,
    amountMinor: order['amountMinor'] as number,
    currency: typeof order['currency'] === 'string' ? order['currency'] : undefined,
    payment: order['payment'] as PaymentMode | undefined,
    elements: elements as string[] | undefined,
  };
}

export type WebhookAnswer = OrderCheckAnswer & { action: 'release' | 'hold' };

export async function checkOrderFromWebhook(
  ctx: AppContext,
  call: { timestamp: string; signature: string; rawBody: string; lang?: Lang },
): Promise<WebhookAnswer> {
  const secret = await findWebhookSecret(ctx.db, ctx.companyId);
  const now = ctx.clock.now();
  const check: SignatureCheck =
    secret === null
      ? 'bad_signature'
      : verifyWebhookSignature({
          secret,
          timestamp: call.timestamp,
          signature: call.signature,
          rawBody: call.rawBody,
          now,
        });
  if (check !== 'ok')
    throw new DomainError(
      'forbidden',
      { key: 'errors.credit.webhookRefused', params: { reason: check } },
      { reason: check },
    );
  const signedAt = new Date(Number(call.timestamp) * 1000);
  const fresh = await recordWebhookDelivery(ctx.db, ctx.companyId, {
    signature: call.signature,
    signedAt,
    receivedAt: now,
    forgetBefore: new Date(now.getTime() - 2 * WEBHOOK_WINDOW_SECONDS * 1000),
  });
  if (!fresh)
    throw new DomainError(
      'forbidden',
      { key: 'errors.credit.webhookRefused', params: { reason: 'replayed' } },
      { reason: 'replayed' },
    );
  const order = parseOrder(call.rawBody);
  const answer = await checkOrder(ctx, { ...order, lang: call.lang ?? 'fr' });
  // Only an approved order leaves the ERP's hold; a held one waits for its approver, a refused one stays.
  return { ...answer, action: answer.decision === 'approve' ? 'release' : 'hold' };
}
