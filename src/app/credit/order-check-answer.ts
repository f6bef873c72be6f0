/**
 * The answer of the order check, fresh or replayed from its record: the decision with its reasons
 * in the reader's language and the figures before and after the order as the core computed them
 * (an order on a promotion's longer terms weighs more than its amount), so no shell adds them up.
 */
import type { OrderCheckResult } from '#core/credit/order-check';
import type { Role } from '#core/types';
import type { OrderDecisionRow } from '#db/credit/order-decisions';
import type { Lang } from '#text/catalogue';
import { type ExplainedReason, explainReasons } from './reasons.ts';

export interface OrderCheckAnswer {
  decision: 'approve' | 'hold' | 'refuse';
  reasons: ExplainedReason[];
  waived: ExplainedReason[];
  approverRole: Role | null;
  exposureMinor: number;
  /** Exposure once the order counts, at what it weighs against the limit. */
  exposureAfterOrderMinor: number;
  limitMinor: number | null;
  availableMinor: number | null;
  /** Limit − exposure after the order (negative beyond it); null without a limit. */
  availableAfterOrderMinor: number | null;
  class: string | null;
  score: number | null;
  currency: string;
  customerCode: string;
  orderRef: string | null;
  /** held/approved/refused once recorded; null for a question. */
  status: string | null;
  rulesVersion: string;
  /** False when the idempotency key (or reference) returned a decision recorded earlier. */
  created: boolean;
}

type AnswerFigures = Pick<
  OrderCheckResult,
  | 'decision'
  | 'reasons'
  | 'waived'
  | 'approverRole'
  | 'exposureMinor'
  | 'exposureAfterOrderMinor'
  | 'limitMinor'
  | 'availableMinor'
  | 'availableAfterOrderMinor'
  | 'riskClass'
  | 'score'
  | 'rulesVersion'
>;

export function answerOf(
  lang: Lang,
  result: AnswerFigures,
  currency: string,
  extra: { customerCode: string; orderRef: string | null; status: string | null; created: boolean },
): OrderCheckAnswer {
  return {
    decision: result.decision,
    reasons: explainReasons(lang, result.reasons, currency),
    waived: explainReasons(lang, result.waived, currency),
    approverRole: result.approverRole,
    exposureMinor: result.exposureMinor,
    exposureAfterOrderMinor: result.exposureAfterOrderMinor,
    limitMinor: result.limitMinor,
    availableMinor: result.availableMinor,
    availableAfterOrderMinor: result.availableAfterOrderMinor,
    class: result.riskClass,
    score: result.score,
    currency,
    rulesVersion: result.rulesVersion,
    ...extra,
  };
}

/** The answer of a decision recorded earlier (idempotent replay, the held-orders queue). */
export function answerOfRecord(lang: Lang, row: OrderDecisionRow, created = false): OrderCheckAnswer {
  const figures = row.figures as Record<string, number | string | null>;
  const limitMinor = figures['limitMinor'] as number | null;
  // Every record keeps the core's exposure after the order; the credit left after it follows from it.
  const exposureAfterOrderMinor = figures['exposureAfterOrderMinor'] as number;
  const result = {
    decision: row.decision,
    reasons: row.reasons,
    waived: row.waived,
    approverRole: row.approverRole,
    exposureMinor: figures['exposureMinor'],
    exposureAfterOrderMinor,
    limitMinor,
    availableMinor: figures['availableMinor'],
    availableAfterOrderMinor: limitMinor === null ? null : limitMinor - exposureAfterOrderMinor,
    riskClass: figures['riskClass'],
    score: figures['score'],
    rulesVersion: row.rulesVersion,
  } as AnswerFigures;
  return answerOf(lang, result, row.currency, {
    customerCode: row.customerCode,
    orderRef: row.orderRef,
    status: row.status,
    created,
  });
}
