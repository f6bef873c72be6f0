/**
 * `legal.watch_bodacc`: the insolvency watch run live against the BODACC records API, usually by a
 * daily schedule. The portfolio's SIRENs are asked about in batches (one checkpoint per batch, so a
 * killed run resumes), for the announcements published in the last `lookbackDays`; each batch goes
 * through the same `watchBodacc` as a file would, so an announcement already seen adds nothing and a
 * window overlapping the last run is harmless. An API that does not answer fails the attempt, and
 * the runner retries it from the checkpoint.
 */
import { addDays } from '#core/calendar';
import { selectPortfolioSirens } from '#db/legal/legal-queries';
import { wordedLabel } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { defineJob } from '../jobs/define-job.ts';
import { createBodaccClient, DEFAULT_BODACC_URL, SIRENS_PER_QUERY } from './bodacc-client.ts';
import { type WatchBodaccResult, watchBodacc } from './watch-bodacc.ts';

export const WATCH_BODACC_KIND = 'legal.watch_bodacc';

export interface WatchBodaccPayload {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  /** Announcements published in the days before today (the first run may look further back). */
  lookbackDays: number;
  secured: boolean;
}

export const DEFAULT_WATCH_PAYLOAD: WatchBodaccPayload = {
  baseUrl: DEFAULT_BODACC_URL,
  timeoutMs: 10_000,
  retries: 2,
  lookbackDays: 14,
  secured: false,
};

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new DomainError('invalid_input', { key: 'errors.legal.wholeNumber', params: { name, min, max } });
  return value;
}

export function parseWatchPayload(payload: unknown): WatchBodaccPayload {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.jobPayload',
      params: { job: wordedLabel('jobKind', WATCH_BODACC_KIND) },
    });
  const input = {
    ...DEFAULT_WATCH_PAYLOAD,
    ...(payload as Partial<Record<keyof WatchBodaccPayload, unknown>>),
  };
  let url: URL;
  try {
    url = new URL(String(input.baseUrl));
  } catch {
    throw new DomainError('invalid_input', {
      key: 'errors.legal.notUrl',
      params: { value: String(input.baseUrl) },
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DomainError('invalid_input', { key: 'errors.legal.notHttpUrl' });
  return {
    baseUrl: url.toString().replace(/\/+$/, ''),
    timeoutMs: wholeNumber(input.timeoutMs, 'timeoutMs', 100, 120_000),
    retries: wholeNumber(input.retries, 'retries', 0, 10),
    lookbackDays: wholeNumber(input.lookbackDays, 'lookbackDays', 1, 3650),
    secured: input.secured === true,
  };
}

interface Progress {
  done: number;
  announcements: number;
  events: number;
  alerts: number;
}

export const watchBodaccJob = defineJob<WatchBodaccPayload, Progress>(
  WATCH_BODACC_KIND,
  async (run) => {
    const { ctx, payload } = run;
    const sirens = await selectPortfolioSirens(ctx.db, ctx.companyId);
    const since = addDays(ctx.clock.today(), -payload.lookbackDays);
    const client = createBodaccClient({ ...payload, log: ctx.log });
    const batches = Math.ceil(sirens.length / SIRENS_PER_QUERY);
    const progress: Progress = run.checkpoint ?? { done: 0, announcements: 0, events: 0, alerts: 0 };
    await run.reportProgress(progress.done, batches, 'legal.progress.bodacc', { sirens: sirens.length });
    while (progress.done < batches && !run.isCancelled()) {
      const batch = sirens.slice(progress.done * SIRENS_PER_QUERY, (progress.done + 1) * SIRENS_PER_QUERY);
      const { records } = await client.fetchRecords(batch, since);
      const result = await watchBodacc(ctx, { records, secured: payload.secured });
      progress.done += 1;
      progress.announcements += result.announcements;
      progress.events += result.events.length;
      progress.alerts += result.alerts.length;
      await run.saveCheckpoint({ ...progress }, { done: progress.done, total: batches });
    }
    return { since, sirens: sirens.length, batches, ...progress };
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload: parseWatchPayload },
);

/** The same watch in one go (the CLI without `--file`): every SIREN fetched, then recorded. */
export async function watchBodaccLive(
  ctx: AppContext,
  input: Partial<WatchBodaccPayload> = {},
): Promise<WatchBodaccResult & { since: string; sirens: number }> {
  const payload = parseWatchPayload({ ...DEFAULT_WATCH_PAYLOAD, ...input });
  const sirens = await selectPortfolioSirens(ctx.db, ctx.companyId);
  const since = addDays(ctx.clock.today(), -payload.lookbackDays);
  const { records } = await createBodaccClient({ ...payload, log: ctx.log }).fetchRecords(sirens, since);
  return { since, sirens: sirens.length, ...(await watchBodacc(ctx, { records, secured: payload.secured })) };
}
