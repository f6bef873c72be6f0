/**
 * `procedure.replay`: the policy replay as a job, with progress a month at a time. It only reads,
 * so it keeps no checkpoint: a retried run starts again from the snapshot and gives the same result.
 */
import { isValidIsoDate } from '#core/calendar';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
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
    throw new DomainError('invalid_input', 'the payload of procedure.replay must be an object');
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !isValidIsoDate(value)))
      throw new DomainError('invalid_input', `${field} must be a date (YYYY-MM-DD)`);
  }
  if (input['version'] !== undefined && typeof input['version'] !== 'string')
    throw new DomainError('invalid_input', 'version must be the name of a stored version');
  if (input['proposal'] === undefined && input['version'] === undefined)
    throw new DomainError('invalid_input', 'name a proposed policy: a JSON policy or a stored version');
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
