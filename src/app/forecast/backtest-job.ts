/**
 * `forecast.backtest`: the back-test as a job (it replays a year of monthly cut-offs, tens of
 * seconds; with the random forest, minutes), its result kept with the job for the web page.
 */
import { label } from '#text/catalogue';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { backtestPredictions } from './backtest.ts';

export interface BacktestPayload {
  from: string | null;
  to: string | null;
  withForest: boolean;
}

function parsePayload(payload: unknown): BacktestPayload {
  const input = (payload ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.forecast.payload',
      params: { job: (lang) => label(lang, 'jobKind', 'forecast.backtest') },
    });
  const date = (value: unknown, name: string): string | null => {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string')
      throw new DomainError('invalid_input', { key: 'errors.forecast.payloadDate', params: { name } });
    return value;
  };
  return {
    from: date(input['from'], 'from'),
    to: date(input['to'], 'to'),
    withForest: input['withForest'] === true,
  };
}

export const forecastBacktestJob = defineJob<BacktestPayload, null>(
  'forecast.backtest',
  async (run) => {
    await run.reportProgress(0, null, 'forecast.progress.backtest', {});
    return backtestPredictions(run.ctx, {
      from: run.payload.from ?? undefined,
      to: run.payload.to ?? undefined,
      withForest: run.payload.withForest,
    });
  },
  { startableBy: ['admin', 'credit_manager', 'director'], parsePayload },
);
