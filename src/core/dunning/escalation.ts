/**
 * Dunning that escalates with the account, not only invoice by invoice (issue 12): two settings of
 * a policy, on unless it turns them off (`escalationOn`).
 * - **Account floor**: a mise en demeure lists every sum due that day, and a notice's level is the
 *   account's highest (SAP FSCM). Once the customer has a formal notice on an open invoice (Encours's
 *   own or imported from its history), or gets one today, its other overdue invoices due today for
 *   an amicable step join the notice instead of getting « Relance 1 » beside it, or beside a
 *   hand-over. Never above the notice: a hand-over still needs each invoice's own notice and lead.
 * - **Catch-up by age**: an invoice never reminded whose lateness already passed later amicable
 *   steps starts at the highest of them, never at the notice, so that an invoice 192 days late gets
 *   the last amicable letter and what that step claims, not a first polite reminder.
 * Invoices not yet due, and those held or excluded today, are left as the steps say.
 */
import type { IsoDate } from '../types.ts';
import { WRITTEN_CHANNELS } from './plan-documents.ts';
import type { DunningInvoice } from './plan-types.ts';
import { type Candidate, stepDate } from './planner-steps.ts';
import { type DunningPolicy, type DunningStep, escalationOn } from './policy.ts';

/** An amicable step: a reminder after the due date (not a courtesy, a notice or a hand-over). */
const amicable = (step: DunningStep | undefined): step is DunningStep => step?.kind === 'reminder';

/** Whether one of the steps up to `level` went out after the due date (anything but a courtesy). */
function remindedBefore(policy: DunningPolicy, level: number): boolean {
  return policy.steps.slice(0, level).some((step) => step.kind !== 'courtesy');
}

/**
 * The step a never-reminded invoice catches up to, when its lateness passed later amicable steps
 * than the one due: the highest written one among those whose date has come (a call or a text
 * states no sums and claims nothing in writing), else the highest of them; never past the last
 * amicable step before a notice. Null when the due step stays.
 */
export function caughtUp<Invoice extends Pick<DunningInvoice, 'dueDate' | 'level'>>(
  policy: DunningPolicy,
  due: Candidate<Invoice>,
  asOf: IsoDate,
): Candidate<Invoice> | null {
  if (!escalationOn(policy, 'catchUpByAge') || !amicable(due.step)) return null;
  if (remindedBefore(policy, due.invoice.level)) return null;
  let highest = due.level;
  let highestWritten = WRITTEN_CHANNELS.has(due.step.channel) ? due.level : null;
  for (let level = due.level + 1; level <= policy.steps.length; level += 1) {
    const step = policy.steps[level - 1];
    if (!amicable(step) || stepDate(policy, due.invoice.dueDate, step.offsetDays) > asOf) break;
    highest = level;
    if (WRITTEN_CHANNELS.has(step.channel)) highestWritten = level;
  }
  const level = highestWritten ?? highest;
  const step = policy.steps[level - 1];
  if (level === due.level || !step) return null;
  return { invoice: due.invoice, step, level, raisedBy: { kind: 'catch_up' } };
}

/**
 * The account's formal notice: the latest already sent on an open invoice of the customer (its
 * date), else the one of today's steps (`today`), else none (null). A level at the notice without
 * its date does not count: the planner holds that invoice's hand-over too.
 */
export function accountNotice(
  invoices: readonly DunningInvoice[],
  candidates: readonly Candidate<DunningInvoice>[],
  asOf: IsoDate,
): { sentOn: IsoDate } | 'today' | null {
  let latest: IsoDate | null = null;
  for (const invoice of invoices) {
    const date = invoice.formalNoticeDate;
    if (invoice.openMinor > 0 && date !== null && date <= asOf && (latest === null || date > latest))
      latest = date;
  }
  if (latest !== null) return { sentOn: latest };
  return candidates.some((c) => c.step.kind === 'formal_notice') ? 'today' : null;
}

/**
 * The customer's candidates of the day with the account floor applied: each one due for an amicable
 * step before a formal notice raised to that notice, when the account has one (`accountNotice`).
 */
export function withAccountFloor(
  policy: DunningPolicy,
  invoices: readonly DunningInvoice[],
  candidates: Candidate<DunningInvoice>[],
  asOf: IsoDate,
): Candidate<DunningInvoice>[] {
  if (!escalationOn(policy, 'accountFloor')) return candidates;
  const notice = accountNotice(invoices, candidates, asOf);
  if (notice === null) return candidates;
  const noticeDate = notice === 'today' ? null : notice.sentOn;
  return candidates.map((c) => {
    if (!amicable(c.step)) return c;
    // The policy's next notice after the amicable step (the step at level L has index L − 1).
    const index = policy.steps.findIndex((step, i) => i >= c.level && step.kind === 'formal_notice');
    const step = policy.steps[index];
    if (!step) return c;
    return { invoice: c.invoice, step, level: index + 1, raisedBy: { kind: 'account_notice', noticeDate } };
  });
}
