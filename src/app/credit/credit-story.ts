/**
 * Credit decisions in the customer's story: a limit given (by an approved request or by hand) and
 * a held order released or refused, by a person or automatically once back within the rules. Each
 * is a catalogue message worded in the reader's language, with the approver's comment when given,
 * so the timeline and the customer-file PDF tell what became of a held order or a request.
 */
import type { Kysely } from 'kysely';
import type { IsoDate, StoryParam } from '#core/types';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import { storyLine } from '#text/story';
import type { AppContext } from '../context.ts';

/** The approver's comment as a nested message, or nothing (the line then ends at its sentence). */
function commentParam(comment: string | null | undefined): StoryParam {
  const text = comment?.trim();
  return text ? { key: 'credit.event.comment', params: { text } } : '';
}

function limitParam(minor: number | null, currency: string): StoryParam {
  return minor === null ? { key: 'common.noLimit', params: {} } : { minor, currency };
}

export interface LimitChangeToTell {
  customerCode: string;
  currency: string;
  kind: 'permanent' | 'temporary';
  previousMinor: number | null;
  amountMinor: number | null;
  expiresOn: IsoDate | null;
  asOf: IsoDate;
  /** The reason's message (a request approved, a manual change) or the words a person typed. */
  reason: StoryParam;
  comment?: string | null | undefined;
}

export async function tellLimitChange(
  ctx: AppContext,
  db: Kysely<Database>,
  change: LimitChangeToTell,
): Promise<void> {
  const comment = commentParam(change.comment);
  const temporary = change.kind === 'temporary' && change.expiresOn !== null;
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: change.customerCode,
    kind: 'limit_change',
    eventDate: change.asOf,
    documentRef: null,
    ...(temporary
      ? storyLine('credit.event.temporaryLimit', {
          amount: limitParam(change.amountMinor, change.currency),
          until: { date: change.expiresOn as IsoDate },
          reason: change.reason,
          comment,
        })
      : storyLine('credit.event.limitChange', {
          before: limitParam(change.previousMinor, change.currency),
          after: limitParam(change.amountMinor, change.currency),
          reason: change.reason,
          comment,
        })),
  });
}

export interface OrderResolutionToTell {
  customerCode: string;
  orderRef: string;
  amountMinor: number;
  currency: string;
  asOf: IsoDate;
}

/** A held order released or refused by a person, with the comment given. */
export async function tellOrderResolution(
  ctx: AppContext,
  db: Kysely<Database>,
  order: OrderResolutionToTell & { outcome: 'released' | 'refused'; comment: string | null },
): Promise<void> {
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: order.customerCode,
    kind: 'order_decision' as never,
    eventDate: order.asOf,
    documentRef: order.orderRef,
    ...storyLine(order.outcome === 'released' ? 'credit.event.orderReleased' : 'credit.event.orderRefused', {
      orderRef: order.orderRef,
      amount: { minor: order.amountMinor, currency: order.currency },
      comment: commentParam(order.comment),
    }),
  });
}

/** A held order the rules now approve (a payment, a new limit), with the figures that allow it. */
export async function tellAutomaticRelease(
  ctx: AppContext,
  db: Kysely<Database>,
  order: OrderResolutionToTell & { exposureMinor: number; limitMinor: number | null },
): Promise<void> {
  await insertCustomerEvent(db, ctx.companyId, ctx.actor, {
    customerCode: order.customerCode,
    kind: 'order_decision' as never,
    eventDate: order.asOf,
    documentRef: order.orderRef,
    ...storyLine('credit.event.orderAutoReleased', {
      orderRef: order.orderRef,
      amount: { minor: order.amountMinor, currency: order.currency },
      exposure: { minor: order.exposureMinor, currency: order.currency },
      limit: limitParam(order.limitMinor, order.currency),
    }),
  });
}
