/**
 * `forecast.snapshot`: stores the week's predictions and collection forecast (weekly by a
 * schedule), or backfills one stored forecast per past week so that forecast vs actual has a
 * history from the first day. One week per step, checkpointed: a killed backfill resumes.
 */
import { isValidIsoDate } from '#core/calendar';
import { label } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { backfillDates, storeForecastSnapshot } from './snapshot.ts';

export interface SnapshotPayload {
  asOf: string | null;
  /** Also the forecasts of the weeks before (one per Sunday); 0 stores today's only. */
  backfillWeeks: number;
}

function parsePayload(payload: unknown): SnapshotPayload {
  const input = (payload ?? {}) as { asOf?: unknown; backfillWeeks?: unknown };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new DomainError('invalid_input', {
      key: 'errors.forecast.payload',
      params: { job: (lang) => label(lang, 'jobKind', 'forecast.snapshot') },
    });
  const asOf = input.asOf ?? null;
  if (asOf !== null && (typeof asOf !== 'string' || !isValidIsoDate(asOf)))
    throw new DomainError('invalid_input', { key: 'errors.forecast.payloadDate', params: { name: 'asOf' } });
  const backfillWeeks = input.backfillWeeks ?? 0;
  if (typeof backfillWeeks !== 'number' || !Number.isInteger(backfillWeeks) || backfillWeeks < 0)
    throw new DomainError('invalid_input', { key: 'errors.forecast.backfillWeeks' });
  if (backfillWeeks > 0) backfillDates('2000-01-02', backfillWeeks);
  return { asOf, backfillWeeks };
}

export const forecastSnapshotJob = defineJob<SnapshotPayload, { done: number }>(
  'forecast.snapshot',
  async (run) => {
    const asOf = run.payload.asOf ?? (await defaultAsOf(run.ctx));
    const dates = run.payload.backfillWeeks > 0 ? backfillDates(asOf, run.payload.backfillWeeks) : [];
    if (dates.at(-1) !== asOf) dates.push(asOf);
    let done = run.checkpoint?.done ?? 0;
    await run.reportProgress(done, dates.length, 'forecast.progress.snapshot', { weeks: done });
    const runIds: number[] = [];
    for (const date of dates.slice(done)) {
      if (run.isCancelled()) break;
      const keepModel = date === dates.at(-1);
      runIds.push((await storeForecastSnapshot(run.ctx, { asOf: date, keepModel })).runId);
      done += 1;
      await run.saveCheckpoint({ done }, { done, total: dates.length });
    }
    return { asOf, snapshots: done, runIds };
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload },
);

/**
 * Monday 06:00 in the company's time zone: the week's forecast is ready when the week starts.
 * Every company gets it once (forecast-schedule.ts: at creation, demo load, a worker's start).
 */
export const FORECAST_SCHEDULE = {
  kind: 'forecast.snapshot',
  cron: '0 6 * * 1',
  payload: { asOf: null, backfillWeeks: 0 },
} as const;
