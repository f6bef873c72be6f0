/**
 * The daily schedule of the live BODACC watch (apart from the job, to keep imports acyclic: the
 * schedules know the job kinds).
 */
import type { AppContext } from '../context.ts';
import { addSchedule, changeSchedule, listSchedules, type ScheduleView } from '../jobs/schedules.ts';
import {
  DEFAULT_WATCH_PAYLOAD,
  parseWatchPayload,
  WATCH_BODACC_KIND,
  type WatchBodaccPayload,
} from './watch-bodacc-job.ts';

/** Every day at 06:30 (Europe/Paris): the BODACC publishes on working days, overnight. */
export const BODACC_WATCH_CRON = '30 6 * * *';

/** Adds the daily watch, or changes the existing schedule's time and settings (one schedule only). */
export async function scheduleBodaccWatch(
  ctx: AppContext,
  input: { cron?: string | undefined; payload?: Partial<WatchBodaccPayload> | undefined } = {},
): Promise<ScheduleView> {
  const payload = parseWatchPayload({ ...DEFAULT_WATCH_PAYLOAD, ...(input.payload ?? {}) });
  const existing = (await listSchedules(ctx)).find((view) => view.kind === WATCH_BODACC_KIND);
  if (existing) return changeSchedule(ctx, existing.id, { cron: input.cron ?? existing.cron, payload });
  return addSchedule(ctx, { kind: WATCH_BODACC_KIND, cron: input.cron ?? BODACC_WATCH_CRON, payload });
}
