/**
 * What waits for a credit decision on the agenda: held orders and limit requests, per customer.
 * They come from the credit use cases (narrowed to a salesperson's customers as there).
 */
import type { IsoDate } from '#core/types';
import type { Lang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { listOrderDecisionViews } from '../credit/held-orders.ts';
import { listLimitRequestViews } from '../credit/limit-request-queue.ts';

export interface AgendaHeldOrder {
  orderRef: string;
  amountMinor: number;
  currency: string;
  heldOn: IsoDate;
  /** Why it was held, in the reader's language. */
  reasons: string[];
}

export interface AgendaLimitRequest {
  requestId: number;
  requestedMinor: number;
  currency: string;
  requestedOn: IsoDate;
}

export interface PendingCredit {
  heldOrders: AgendaHeldOrder[];
  limitRequests: AgendaLimitRequest[];
}

/** A page of this many of each is the agenda's bound: more would be a queue, not a day's work. */
const PENDING_LIMIT = 1_000;

export async function pendingCreditByCustomer(
  ctx: AppContext,
  lang: Lang,
): Promise<Map<string, PendingCredit>> {
  const [orders, requests] = await Promise.all([
    listOrderDecisionViews(ctx, { status: 'held', lang, limit: PENDING_LIMIT }),
    listLimitRequestViews(ctx, { status: 'pending', limit: PENDING_LIMIT }),
  ]);
  const byCustomer = new Map<string, PendingCredit>();
  const of = (code: string) => {
    let found = byCustomer.get(code);
    if (!found) {
      found = { heldOrders: [], limitRequests: [] };
      byCustomer.set(code, found);
    }
    return found;
  };
  for (const order of orders)
    of(order.customerCode).heldOrders.push({
      orderRef: order.orderRef ?? '',
      amountMinor: order.amountMinor,
      currency: order.currency,
      heldOn: order.checkedAt.slice(0, 10),
      reasons: order.reasons.map((reason) => reason.message),
    });
  for (const request of requests)
    of(request.customerCode).limitRequests.push({
      requestId: request.requestId,
      requestedMinor: request.requestedMinor,
      currency: request.currency,
      requestedOn: new Date(request.requestedAt).toISOString().slice(0, 10),
    });
  return byCustomer;
}
