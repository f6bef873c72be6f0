/**
 * `dunning.run`: the daily run as a job. The run is one transaction, so a job killed mid-way
 * leaves nothing behind and its retry plans again from the log; a run after missed days takes each
 * invoice one step further (the step after its last one, never straight to a later one). A company
 * that reviews before sending (its dunning settings) gets a proposal to approve instead of a run.
 */
import { isValidIsoDate } from '#core/calendar';
import { wordedLabel } from '#text/error-words';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { notADate } from './error-params.ts';
import { carryOutDunningRun } from './execute-run.ts';
import { proposeDunningRun } from './run-proposals.ts';
import { readSettings } from './settings.ts';

export interface DunningJobPayload {
  /** The run's date; none: the company's today (its reference date for the demo company). */
  asOf?: string | undefined;
}

function parsePayload(payload: unknown): DunningJobPayload {
  const input = (payload ?? {}) as { asOf?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.jobs.payloadObject',
      params: { kind: wordedLabel('jobKind', 'dunning.run') },
    });
  if (input.asOf !== undefined && (typeof input.asOf !== 'string' || !isValidIsoDate(input.asOf)))
    throw notADate('asOf', input.asOf);
  return input.asOf === undefined ? {} : { asOf: input.asOf };
}

export const dunningRunJob = defineJob<DunningJobPayload, null>(
  'dunning.run',
  async (run) => {
    await run.reportProgress(0, 1, 'dunning.job.progress', {});
    if ((await readSettings(run.ctx.db, run.ctx.companyId)).reviewBeforeSending) {
      const { asOf, proposal, superseded } = await proposeDunningRun(run.ctx, { asOf: run.payload.asOf });
      await run.reportProgress(1, 1, 'dunning.job.progress', {});
      return {
        proposalId: proposal?.proposalId ?? null,
        asOf,
        customers: proposal?.customers ?? 0,
        actions: proposal?.actions ?? 0,
        superseded,
      };
    }
    // Counts only: a job at scale keeps no view of its actions (memory follows one slice).
    const result = await carryOutDunningRun(run.ctx, { asOf: run.payload.asOf });
    await run.reportProgress(1, 1, 'dunning.job.progress', {});
    return {
      runId: result.runId,
      asOf: result.asOf,
      sent: result.sentActions,
      skipped: result.skippedItems,
      tasksCreated: result.tasksCreated,
    };
  },
  { startableBy: ['admin', 'credit_manager', 'collector'], parsePayload },
);
