/**
 * A held order re-judged after a payment or a limit change that still does not pass: what holds it
 * now (a new limit may leave only an overdue invoice, or a higher exposure) replaces, in the queue,
 * the agenda and the delegation check, the reasons of the day it was checked. The check itself
 * stays as recorded (its reasons, figures and date are what the policy replay and the procedure
 * report read); the latest judgement is kept beside it (`figures.recheck`) and audited.
 */
import type { Kysely } from 'kysely';
import type { OrderCheckResult } from '#core/credit/order-check';
import { type OrderDecisionRow, recordRecheck } from '#db/credit/order-decisions';
import type { Database } from '#db/infra/schema';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';

interface Recheck {
  asOf: string;
  reasons: unknown;
  waived: unknown;
  approverRole: string | null;
  rulesVersion: string;
  figures: Record<string, unknown>;
}

/** The order as last judged: the check's record, or its latest re-judgement when there is one. */
export function latestJudgement(row: OrderDecisionRow): OrderDecisionRow {
  const recheck = row.figures['recheck'] as Recheck | undefined;
  if (!recheck) return row;
  return {
    ...row,
    reasons: recheck.reasons,
    waived: recheck.waived,
    approverRole: recheck.approverRole,
    rulesVersion: recheck.rulesVersion,
    figures: { ...row.figures, ...recheck.figures },
  };
}

const codesOf = (reasons: unknown) => (reasons as { code: string }[]).map((reason) => reason.code);

/** JSON with sorted keys: a judgement read back from jsonb (keys reordered) equals the one written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Keeps a still-held order's new judgement when it says something else than the last one. */
export async function keepRecheck(
  ctx: AppContext,
  db: Kysely<Database>,
  order: OrderDecisionRow,
  result: OrderCheckResult,
  asOf: string,
): Promise<void> {
  const last = latestJudgement(order);
  if (canonical(last.reasons) === canonical(result.reasons) && last.approverRole === result.approverRole)
    return;
  const figures = {
    exposureMinor: result.exposureMinor,
    orderMinor: result.orderMinor,
    exposureAfterOrderMinor: result.exposureAfterOrderMinor,
    limitMinor: result.limitMinor,
    availableMinor: result.availableMinor,
    riskClass: result.riskClass,
    score: result.score,
  };
  const recheck: Recheck = {
    asOf,
    reasons: result.reasons,
    waived: result.waived,
    approverRole: result.approverRole,
    rulesVersion: result.rulesVersion,
    figures,
  };
  await recordRecheck(db, ctx.companyId, order.orderRef, { ...recheck });
  await recordAudit(ctx, db, {
    action: 'credit.order_recheck',
    entity: 'order_decision',
    entityKey: order.orderRef,
    before: {
      reasons: codesOf(last.reasons),
      approverRole: last.approverRole,
      limitMinor: last.figures['limitMinor'] ?? null,
    },
    after: {
      reasons: codesOf(result.reasons),
      approverRole: result.approverRole,
      limitMinor: result.limitMinor,
      exposureMinor: result.exposureMinor,
    },
  });
}
