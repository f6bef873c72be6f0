/**
 * `cash.match`: cash application as a job, enqueued by every bank statement import that brings
 * receipts or returns (inside the import's transaction: a rolled-back import queues nothing).
 * It applies what reaches the threshold, ranks suggestions for the rest, then records the
 * returns the payer's own identifiers prove. One job at a time: an import while one is queued
 * joins it (the run reads the receipts waiting when it gets to them).
 */

import { wordedLabel } from '#text/error-words';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { matchReceipts } from './match-receipts.ts';
import { bounceReturns } from './returns.ts';

export const CASH_MATCH_KIND = 'cash.match';

export interface CashMatchPayload {
  /** Apply above the threshold (true by default, as after an import). */
  auto: boolean;
}

function parsePayload(payload: unknown): CashMatchPayload {
  const input = (payload ?? {}) as { auto?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.cash.jobPayload',
      params: { job: wordedLabel('jobKind', CASH_MATCH_KIND) },
    });
  if (input.auto !== undefined && typeof input.auto !== 'boolean')
    throw new DomainError('invalid_input', { key: 'errors.cash.autoFlag' });
  return { auto: input.auto ?? true };
}

export const cashMatchJob = defineJob<CashMatchPayload, null>(
  CASH_MATCH_KIND,
  async (run) => {
    await run.reportProgress(0, 2, 'cash.job.progress', {});
    const summary = await matchReceipts(run.ctx, { auto: run.payload.auto });
    await run.reportProgress(1, 2, 'cash.job.progress', {});
    const returns = run.payload.auto ? await bounceReturns(run.ctx) : { bounced: [], waiting: 0 };
    await run.reportProgress(2, 2, 'cash.job.progress', {});
    return {
      receipts: summary.receipts,
      applied: summary.applied,
      suggested: summary.suggested,
      unmatched: summary.unmatched,
      bounced: returns.bounced.length,
      returnsWaiting: returns.waiting,
    };
  },
  { startableBy: ['admin', 'credit_manager', 'collector'], parsePayload },
);
