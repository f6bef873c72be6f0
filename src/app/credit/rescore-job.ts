/**
 * `credit.rescore`: re-scores every customer of the company as of a date (the company's
 * reference date or today by default), nightly by a schedule or on request. One set-based pass:
 * the work is a single transaction, so a run killed mid-way leaves nothing and simply runs again.
 */
import { isValidIsoDate } from '#core/calendar';
import { clearRescoreQueue, dequeueRescore, nextQueuedRescores } from '#db/credit/rescore-queue';
import { wordedLabel } from '#text/error-words';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { rescoreCustomers } from './scoring.ts';

export interface RescorePayload {
  asOf: string | null;
}

function parsePayload(payload: unknown): RescorePayload {
  const input = (payload ?? {}) as { asOf?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.credit.jobPayload',
      params: { job: wordedLabel('jobKind', 'credit.rescore') },
    });
  const asOf = input.asOf ?? null;
  if (asOf !== null && (typeof asOf !== 'string' || !isValidIsoDate(asOf)))
    throw new DomainError('invalid_input', { key: 'errors.credit.jobAsOf' });
  return { asOf };
}

export const creditRescoreJob = defineJob<RescorePayload, null>(
  'credit.rescore',
  async (run) => {
    await run.reportProgress(0, null, 'credit.progress.rescore', { customers: 0 });
    const startedAt = run.ctx.clock.now();
    const summary = await rescoreCustomers(run.ctx, { asOf: run.payload.asOf ?? undefined });
    // Everyone was just scored: the customers queued by a change before the start need nothing more.
    await clearRescoreQueue(run.ctx.db, run.ctx.companyId, startedAt);
    await run.reportProgress(summary.customers, summary.customers, 'credit.progress.rescore', {
      customers: summary.customers,
    });
    return {
      asOf: summary.asOf,
      methodVersion: summary.methodVersion,
      customers: summary.customers,
      scored: summary.scored,
      insufficientData: summary.insufficientData,
      downgrades: summary.downgrades.length,
    };
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload },
);

const BATCH = 200;

/**
 * `credit.rescore_changed`: scores the customers queued by a change of their inputs, batch by
 * batch until the queue is empty (customers queued while it runs are taken too); each customer is
 * one short transaction, then leaves the queue unless it was queued again meanwhile.
 */
export const creditRescoreChangedJob = defineJob<Record<string, never>, null>(
  'credit.rescore_changed',
  async (run) => {
    let done = 0;
    for (;;) {
      const batch = await nextQueuedRescores(run.ctx.db, run.ctx.companyId, BATCH);
      if (batch.length === 0 || run.isCancelled()) break;
      for (const entry of batch) {
        await rescoreCustomers(run.ctx, { customerCode: entry.customerCode }).catch((error: unknown) => {
          // A customer deleted since it was queued has nothing left to score.
          if (!(error instanceof DomainError && error.code === 'not_found')) throw error;
        });
        await dequeueRescore(run.ctx.db, run.ctx.companyId, entry);
        done += 1;
      }
      await run.reportProgress(done, null, 'credit.progress.rescore', { customers: done });
    }
    return { customers: done };
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload: () => ({}) },
);
