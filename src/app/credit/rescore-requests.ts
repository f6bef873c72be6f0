/**
 * Scores follow their inputs: a payment import, a dispute, a new balance sheet or profile queues
 * the customers concerned and starts the `credit.rescore_changed` job, inside the caller's
 * transaction (a rolled-back import queues nothing). One job at a time: while one is queued or
 * running, the customers simply join the queue it drains.
 */
import type { Kysely } from 'kysely';
import { queueRescore } from '#db/credit/rescore-queue';
import type { Database } from '#db/infra/schema';
import type { AppContext } from '../context.ts';
import { jobsOf } from '../jobs/jobs.ts';

export const RESCORE_CHANGED_KIND = 'credit.rescore_changed';

export type RescoreReason = 'payment_import' | 'dispute' | 'balance_sheet' | 'profile';

export async function requestRescore(
  ctx: AppContext,
  db: Kysely<Database>,
  customerCodes: readonly string[],
  reason: RescoreReason,
): Promise<void> {
  if (customerCodes.length === 0) return;
  await queueRescore(db, ctx.companyId, customerCodes, reason, ctx.clock.now());
  await jobsOf(ctx).enqueue(RESCORE_CHANGED_KIND, {}, { db, ifActive: 'return' });
}
