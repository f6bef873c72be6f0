/**
 * The credit department's schedules: every score recomputed each night (payments, ages and
 * overdue days move even when nobody touches a customer), and late limit requests reminded every
 * hour of the working day. Adding them twice adds nothing: an existing schedule of the kind is kept.
 */
import type { AppContext } from '../context.ts';
import { addSchedule, listSchedules, type ScheduleView } from '../jobs/schedules.ts';

export const CREDIT_SCHEDULES = [
  { kind: 'credit.rescore', cron: '30 2 * * *', payload: { asOf: null } },
  { kind: 'credit.limit_reminders', cron: '0 8-18 * * 1-5', payload: {} },
] as const;

export async function scheduleCreditJobs(ctx: AppContext): Promise<ScheduleView[]> {
  const existing = await listSchedules(ctx);
  const schedules: ScheduleView[] = [];
  for (const schedule of CREDIT_SCHEDULES) {
    const found = existing.find((view) => view.kind === schedule.kind);
    schedules.push(found ?? (await addSchedule(ctx, { ...schedule, payload: { ...schedule.payload } })));
  }
  return schedules;
}
