/**
 * Which step an invoice has reached on a date. A catch-up goes straight to the last step whose
 * date has passed (never one level per run), except that it never passes over a formal notice
 * (mise en demeure) that was not sent, and a hand-over waits until the notice is old enough; a
 * courtesy step before the due date is never sent once the invoice is due.
 */
import { addDays, daysBetween, nextBusinessDay } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { DunningPolicy, DunningStep } from './policy.ts';

export interface InvoiceDunningState {
  dueDate: IsoDate;
  openMinor: number;
  level: number;
  lastStepDate: IsoDate | null;
  formalNoticeDate: IsoDate | null;
}

export type HoldReason =
  | 'too_soon_after_last_step'
  | 'formal_notice_lead_pending'
  | 'formal_notice_not_recorded';

export type DueStep = { step: DunningStep; level: number } | { hold: HoldReason; level: number };

export interface Candidate<Invoice = InvoiceDunningState> {
  invoice: Invoice;
  step: DunningStep;
  level: number;
}

/** A step's date: due date + offset, moved to the next business day when the policy says so. */
export function stepDate(policy: DunningPolicy, dueDate: IsoDate, offsetDays: number): IsoDate {
  const date = addDays(dueDate, offsetDays);
  return policy.stepDates === 'next_business_day' ? nextBusinessDay(date) : date;
}

/** Number of steps whose date is on or before `asOf`. */
function reachedLevel(policy: DunningPolicy, dueDate: IsoDate, asOf: IsoDate): number {
  let level = 0;
  policy.steps.forEach((step, index) => {
    if (stepDate(policy, dueDate, step.offsetDays) <= asOf) level = index + 1;
  });
  return level;
}

/** Highest formal-notice level at or below `level`, 0 when none. */
function noticeLevelAtOrBelow(policy: DunningPolicy, level: number): number {
  for (let index = level - 1; index >= 0; index--) {
    if (policy.steps[index]?.kind === 'formal_notice') return index + 1;
  }
  return 0;
}

function at(policy: DunningPolicy, level: number): DueStep {
  const step = policy.steps[level - 1];
  if (!step) throw new RangeError(`no step at level ${level} of policy ${policy.code}`);
  return { step, level };
}

/**
 * The step to send today, a reason to hold one back, or null when nothing is due (nothing open,
 * no new step reached, or a step already sent today).
 */
export function dueStepFor(
  invoice: InvoiceDunningState,
  policy: DunningPolicy,
  asOf: IsoDate,
): DueStep | null {
  if (invoice.openMinor <= 0) return null;
  // One step per invoice per day, whatever the policy says: re-planning after a send is a no-op.
  if (invoice.lastStepDate !== null && invoice.lastStepDate >= asOf) return null;
  const reached = reachedLevel(policy, invoice.dueDate, asOf);
  if (reached <= invoice.level) return null;
  const notice = noticeLevelAtOrBelow(policy, reached);
  let target = reached;
  if (notice > invoice.level) target = notice;
  const step = policy.steps[target - 1];
  if (step?.kind === 'handover') {
    if (notice === 0 || invoice.formalNoticeDate === null)
      return { hold: 'formal_notice_not_recorded', level: target };
    const noticeAgeDays = daysBetween(invoice.formalNoticeDate, asOf);
    if (noticeAgeDays < Math.max(1, policy.formalNoticeLeadDays)) {
      if (target - 1 <= invoice.level) return { hold: 'formal_notice_lead_pending', level: target };
      target -= 1;
    }
  }
  // A courtesy step before the due date says the invoice *will* fall due: once it has, that
  // message is false, so a missed pre-due step is dropped and the invoice waits for the next one.
  if ((policy.steps[target - 1]?.offsetDays ?? 0) < 0 && asOf > invoice.dueDate) return null;
  const gapDays = invoice.lastStepDate === null ? null : daysBetween(invoice.lastStepDate, asOf);
  if (gapDays !== null && gapDays < policy.minimumDaysBetweenSteps) {
    return { hold: 'too_soon_after_last_step', level: target };
  }
  return at(policy, target);
}
