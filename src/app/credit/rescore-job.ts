/**
 * `credit.rescore`: re-scores every customer of the company as of a date (the company's
 * reference date or today by default), nightly by a schedule or on request. One set-based pass:
 * the work is a single transaction, so a run killed mid-way leaves nothing and simply runs again.
 */
import { isValidIsoDate } from '#core/calendar';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { rescoreCustomers } from './scoring.ts';

export interface RescorePayload {
  asOf: string | null;
}

function parsePayload(payload: unknown): RescorePayload {
  const input = (payload ?? {}) as { asOf?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', 'the payload of credit.rescore must be an object');
  const asOf = input.asOf ?? null;
  if (asOf !== null && (typeof asOf !== 'string' || !isValidIsoDate(asOf)))
    throw new DomainError('invalid_input', 'asOf must be a date (YYYY-MM-DD)');
  return { asOf };
}

export const creditRescoreJob = defineJob<RescorePayload, null>(
  'credit.rescore',
  async (run) => {
    await run.reportProgress(0, null, 'credit.progress.rescore', { customers: 0 });
    const summary = await rescoreCustomers(run.ctx, { asOf: run.payload.asOf ?? undefined });
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
