/**
 * Pre-due reminders and the payment-date predictions (issue 14): a pre-due step may set a minimum
 * probability of lateness below which an invoice is deemed likely on time and not reminded before
 * its due date, and the pre-due reminders are listed likely-late first. Pure: the probabilities
 * come with the invoices (`DunningInvoice.lateProbabilityBp`).
 */
import type { IsoDate } from '../types.ts';
import type { DunningPolicy, DunningStep } from './policy.ts';

/** A step sent before the due date (negative offset): the only ones the minimum applies to. */
export const isPreDueStep = (step: Pick<DunningStep, 'offsetDays'>) => step.offsetDays < 0;

/** The step's minimum probability of lateness (basis points), or null when the step has none. */
export function minimumLateProbabilityOf(step: DunningStep): number | null {
  const minimum = step.minimumLateProbabilityBp;
  return isPreDueStep(step) && minimum !== undefined && minimum > 0 ? minimum : null;
}

/**
 * Why a candidate at a pre-due step is not reminded: its probability is known and below the
 * step's minimum. An unknown probability never holds a reminder back (no prediction, no filter).
 */
export function likelyOnTime(
  step: DunningStep,
  lateProbabilityBp: number | undefined,
): { lateProbabilityBp: number; minimumLateProbabilityBp: number } | null {
  const minimum = minimumLateProbabilityOf(step);
  if (minimum === null || lateProbabilityBp === undefined) return null;
  return lateProbabilityBp < minimum ? { lateProbabilityBp, minimumLateProbabilityBp: minimum } : null;
}

/** A pre-due reminder's highest known probability of lateness among its items: it ranks the reminder. */
export function preDueProbability(
  group: readonly { step: Pick<DunningStep, 'offsetDays'>; invoice: { lateProbabilityBp?: number } }[],
): number | undefined {
  let highest: number | undefined;
  for (const c of group)
    if (isPreDueStep(c.step) && c.invoice.lateProbabilityBp !== undefined)
      highest = Math.max(highest ?? 0, c.invoice.lateProbabilityBp);
  return highest;
}

/**
 * Days before a due date at which some policy's pre-due step with a minimum is sent: the invoices
 * due from `asOf` to `asOf` + this are the only ones whose probability the plan needs (a step date
 * moved to the next business day is later, never earlier). 0 when no policy uses the option.
 */
export function preDueWindowDays(policies: readonly DunningPolicy[]): number {
  let days = 0;
  for (const policy of policies)
    for (const step of policy.steps)
      if (minimumLateProbabilityOf(step) !== null) days = Math.max(days, -step.offsetDays);
  return days;
}

/** Whether an invoice due on `dueDate` lies in the window of `preDueWindowDays` at `asOf`. */
export function inPreDueWindow(dueDate: IsoDate, asOf: IsoDate, windowEnd: IsoDate): boolean {
  return dueDate >= asOf && dueDate <= windowEnd;
}

export interface OrderedAction {
  stepKind: string;
  items: readonly { daysLate: number }[];
  lateProbabilityBp?: number | undefined;
}

/** A reminder of what is not yet due: a courtesy step, or every item still before its due date. */
export const isPreDueAction = (action: OrderedAction) =>
  action.stepKind === 'courtesy' || (action.items.length > 0 && action.items.every((i) => i.daysLate < 0));

/**
 * The actions with the pre-due ones reordered among their own places, the likeliest late first
 * (unknown probabilities last, ties in their order): the other actions keep their places, so a
 * list ordered by customer stays so for what is overdue.
 */
export function likelyLateFirst<Action extends OrderedAction>(actions: readonly Action[]): Action[] {
  const slots: number[] = [];
  const preDue: Action[] = [];
  actions.forEach((action, index) => {
    if (!isPreDueAction(action)) return;
    slots.push(index);
    preDue.push(action);
  });
  const rank = (a: Action) => a.lateProbabilityBp ?? -1;
  // Array.prototype.sort is stable: equal probabilities keep the list's order.
  preDue.sort((a, b) => rank(b) - rank(a));
  const ordered = [...actions];
  slots.forEach((slot, k) => {
    ordered[slot] = preDue[k] as Action;
  });
  return ordered;
}
