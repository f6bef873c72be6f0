/**
 * Which step an invoice is due for on a date: the step after the last one it received, once that
 * step's date has come and the policy's spacing since the last one has passed. A catch-up after
 * missed days escalates one step at a time, never straight to a later step (the mise en demeure
 * above all); a hand-over waits until the notice is old enough; a courtesy step before the due
 * date is never sent once the invoice is due. What the account's notice or an invoice never
 * reminded changes to that step is the planner's next stage (`escalation.ts`).
 * An e-mail whose message failed for good never reached the debtor: its step is not reached, so
 * it is due again (`resendOf` says why), never the step after it; the day it failed still counts
 * as that step's day. An e-mail still to send (pending, held, or failed with a retry to come) is
 * the step reached, as the outbox will send it: proposing it again would send it twice.
 */
import { addDays, daysBetween, nextBusinessDay } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { RaiseReason } from './plan-types.ts';
import type { DunningPolicy, DunningStep } from './policy.ts';

export interface InvoiceDunningState {
  dueDate: IsoDate;
  openMinor: number;
  level: number;
  lastStepDate: IsoDate | null;
  formalNoticeDate: IsoDate | null;
  undeliveredStep?: { level: number; date: IsoDate } | undefined;
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
  /** Past the step after its last one: why (`escalation.ts`). */
  raisedBy?: RaiseReason;
}

/** A step's date: due date + offset, moved to the next business day when the policy says so. */
export function stepDate(policy: DunningPolicy, dueDate: IsoDate, offsetDays: number): IsoDate {
  const date = addDays(dueDate, offsetDays);
  return policy.stepDates === 'next_business_day' ? nextBusinessDay(date) : date;
}

/**
 * The level after the invoice's last step. A step before the due date says the invoice *will* fall
 * due: once it has, that message is false, so a missed pre-due step is passed over, never sent late.
 */
function nextLevel(policy: DunningPolicy, invoice: InvoiceDunningState, asOf: IsoDate): number | null {
  let level = invoice.level + 1;
  while ((policy.steps[level - 1]?.offsetDays ?? 0) < 0 && asOf > invoice.dueDate) level += 1;
  return level <= policy.steps.length ? level : null;
}

/** Whether a formal notice comes before `level` in the policy. */
function noticeBefore(policy: DunningPolicy, level: number): boolean {
  return policy.steps.slice(0, level - 1).some((step) => step.kind === 'formal_notice');
}

function at(policy: DunningPolicy, level: number): { step: DunningStep; level: number } {
  const step = policy.steps[level - 1];
  if (!step) throw new RangeError(`no step at level ${level} of policy ${policy.code}`);
  return { step, level };
}

/**
 * The step to send today, a reason to hold one back, or null when nothing is due (nothing open,
 * the next step's date not reached, or a step already sent today). An invoice climbs one step at a
 * time: however late it is, it gets the step after the one it last received, so a catch-up after
 * missed days never makes a formal notice the first letter a customer receives.
 */
export function dueStepFor(
  invoice: InvoiceDunningState,
  policy: DunningPolicy,
  asOf: IsoDate,
): DueStep | null {
  if (invoice.openMinor <= 0) return null;
  // One step per invoice per day, whatever the policy says: re-planning after a send is a no-op.
  if (invoice.lastStepDate !== null && invoice.lastStepDate >= asOf) return null;
  // The day an e-mail failed was its step's day: sending it again waits for a later run.
  const failed = failedAbove(invoice);
  if (failed && failed.date >= asOf) return null;
  const target = nextLevel(policy, invoice, asOf);
  if (target === null) return null;
  const { step } = at(policy, target);
  if (stepDate(policy, invoice.dueDate, step.offsetDays) > asOf) return null;
  if (step.kind === 'handover') {
    if (!noticeBefore(policy, target) || invoice.formalNoticeDate === null)
      return { hold: 'formal_notice_not_recorded', level: target };
    if (daysBetween(invoice.formalNoticeDate, asOf) < Math.max(1, policy.formalNoticeLeadDays))
      return { hold: 'formal_notice_lead_pending', level: target };
  }
  const gapDays = invoice.lastStepDate === null ? null : daysBetween(invoice.lastStepDate, asOf);
  if (gapDays !== null && gapDays < gapBefore(policy, invoice.level, step))
    return { hold: 'too_soon_after_last_step', level: target };
  return { step, level: target };
}

/** The step e-mailed above the one reached whose message failed for good, if any. */
function failedAbove(invoice: InvoiceDunningState): { level: number; date: IsoDate } | null {
  const failed = invoice.undeliveredStep;
  return failed && failed.level > invoice.level ? failed : null;
}

/**
 * Why the step due at `level` is sent again: its e-mail failed for good (null: a first send). An
 * e-mail step goes again by letter when the customer has a postal address: the address that
 * refused it would most likely refuse it at every run. Without one it stays an e-mail, its reason
 * asking for the address to be checked (`channel: 'email'`).
 */
export function resendOf(
  invoice: InvoiceDunningState,
  step: Pick<DunningStep, 'channel'>,
  level: number,
  postalAddress: boolean,
): RaiseReason | null {
  const failed = failedAbove(invoice);
  if (failed?.level !== level) return null;
  const channel = step.channel === 'email' && postalAddress ? 'letter' : step.channel;
  return { kind: 'resend', failedOn: failed.date, channel };
}

/**
 * How long a step waits after the one before it: the policy's minimum gap, and the spacing of the
 * two steps' offsets (a letter 10 days after the first reminder stays 10 days after it when a
 * catch-up sent that reminder late), so missed runs never bunch the steps into consecutive days.
 * A hand-over waits for its formal notice's lead instead.
 */
function gapBefore(policy: DunningPolicy, level: number, step: DunningStep): number {
  const previous = policy.steps[level - 1];
  const spacing = previous && step.kind !== 'handover' ? step.offsetDays - previous.offsetDays : 0;
  return Math.max(policy.minimumDaysBetweenSteps, spacing);
}
