/**
 * `procedure.replay`: the policy replay as a job, with progress a month at a time. It only reads,
 * so it keeps no checkpoint: a retried run starts again from the snapshot and gives the same result.
 */
import { isValidIsoDate } from '#core/calendar';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { jobKindWords } from '../jobs/error-words.ts';
import { replayProcedure } from './replay.ts';
import { parseProposal } from './replay-proposal.ts';

export interface ReplayJobPayload {
  proposal?: unknown;
  version?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function parsePayload(payload: unknown): ReplayJobPayload {
  const input = (payload ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.jobs.payloadObject',
      params: { kind: jobKindWords('procedure.replay') },
    });
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !isValidIsoDate(value)))
      throw new DomainError('invalid_input', {
        key: 'errors.procedure.notADate',
        params: { field, value: String(value) },
      });
  }
  if (input['version'] !== undefined && typeof input['version'] !== 'string')
    throw new DomainError('invalid_input', { key: 'errors.procedure.versionName' });
  if (input['proposal'] === undefined && input['version'] === undefined)
    throw new DomainError('invalid_input', { key: 'errors.procedure.noProposal' });
  if (input['proposal'] !== undefined) parseProposal(input['proposal']);
  return {
    proposal: input['proposal'],
    version: input['version'] as string | undefined,
    from: input['from'] as string | undefined,
    to: input['to'] as string | undefined,
  };
}

export const procedureReplayJob = defineJob<ReplayJobPayload, null>(
  'procedure.replay',
  async (run) => {
    await run.reportProgress(0, null, 'procedure.progress.loading', {});
    return replayProcedure(run.ctx, run.payload, async (done, total, day) => {
      await run.reportProgress(done, total, 'procedure.progress.replay', { day });
      return !run.isCancelled();
    });
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload },
);
