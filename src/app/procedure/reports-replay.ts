/**
 * The measures report's replay section fed by the policy replay (replay.ts): run over the twelve
 * months to the report's date for a stored version or a proposal, and reduced to what it prints.
 */
import { addDays, addMonths } from '#core/calendar';
import type { ReplaySummary } from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import { label } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { getJob } from '../jobs/jobs.ts';
import { type ReplayOutput, replayProcedure } from './replay.ts';

type ReplayFigures = Pick<ReplayOutput, 'from' | 'to' | 'proposedLabel' | 'effects' | 'assumptions'> & {
  current: { reminders: number };
  proposed: { reminders: number };
  /** Absent from the results of replays run before the proposal could re-score. */
  scoring?: ReplayOutput['scoring'] | undefined;
};

export function replaySummaryOf(output: ReplayFigures): ReplaySummary {
  return {
    from: output.from,
    to: output.to,
    policy: output.proposedLabel,
    ordersHeld: output.effects.ordersStopped,
    ordersHeldMinor: output.effects.ordersStoppedMinor,
    remindersCurrent: output.current.reminders,
    remindersProposed: output.proposed.reminders,
    exposureAvoidedMinor: output.effects.exposureAvoidedMinor,
    badDebtsAvoidedMinor: output.effects.badDebtsAvoidedMinor,
    dsoBeforeDays: output.effects.dsoCurrentDays,
    dsoAfterDays: output.effects.dsoProposedDays,
    scoring: output.scoring
      ? { customersChanged: output.scoring.customersChanged, migration: output.scoring.migration }
      : null,
    assumptions: [...output.assumptions],
  };
}

/**
 * The replay a report states: a finished `procedure.replay` job's result, or a stored version or
 * a proposal replayed over the year to `asOf`; nothing asked, nothing run.
 */
export async function replayForReport(
  ctx: AppContext,
  asOf: IsoDate,
  ask: { jobId?: number | undefined; version?: string | undefined; proposal?: unknown },
): Promise<ReplaySummary | null> {
  if (ask.jobId !== undefined) {
    const job = await getJob(ctx, ask.jobId);
    if (job.kind !== 'procedure.replay')
      throw new DomainError('not_found', {
        key: 'errors.procedure.noReplay',
        params: { id: String(ask.jobId) },
      });
    if (job.status !== 'succeeded' || !job.result)
      throw new DomainError('conflict', {
        key: 'errors.procedure.replayNotSucceeded',
        params: {
          id: String(ask.jobId),
          status: (lang) => label(lang, 'jobStatus', job.status).toLowerCase(),
        },
      });
    return replaySummaryOf(job.result as ReplayFigures);
  }
  if (!ask.version && (ask.proposal === undefined || ask.proposal === null)) return null;
  const output = await replayProcedure(ctx, {
    version: ask.version,
    proposal: ask.proposal,
    from: addDays(addMonths(asOf, -12), 1),
    to: asOf,
    listLimit: 0,
  });
  return replaySummaryOf(output);
}
