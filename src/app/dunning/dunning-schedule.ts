/** The daily dunning run: a schedule of the `dunning.run` job (apart from the job to keep imports acyclic). */
import type { AppContext } from '../context.ts';
import { addSchedule, type ScheduleView } from '../jobs/schedules.ts';

/** Business days at 7:00 in the company's time zone (Europe/Paris by default). */
export const DAILY_DUNNING_CRON = '0 7 * * 1-5';

export async function scheduleDailyDunning(
  ctx: AppContext,
  cron = DAILY_DUNNING_CRON,
): Promise<ScheduleView> {
  return addSchedule(ctx, { kind: 'dunning.run', cron, payload: {} });
}
