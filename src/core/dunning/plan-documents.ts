/**
 * Which document a planned reminder goes into, and an action's figures: one written reminder a day
 * per customer and currency for everything overdue, a courtesy e-mail apart, calls and texts per
 * channel (planner.ts plans; manual-claim.ts totals a reminder made by hand the same way).
 */
import type { CurrencyCode, IsoDate } from '../types.ts';
import type { DunningInvoice, PlannedAction, PlannedItem, SkipReason } from './plan-types.ts';
import type { DunningChannel, DunningStep } from './policy.ts';

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type ActionTotals = Pick<
  PlannedAction,
  | 'items'
  | 'openTotalMinor'
  | 'interestTotalMinor'
  | 'indemnityTotalMinor'
  | 'creditsMinor'
  | 'totalDueMinor'
  | 'interestIncomplete'
>;

/** An action's items by due date and its figures: what is open, claimed on top, due net of credits. */
export function actionTotals(unsorted: readonly PlannedItem[], creditsMinor: number): ActionTotals {
  const items = [...unsorted].sort(
    (a, b) => compare(a.dueDate, b.dueDate) || compare(a.invoiceId, b.invoiceId),
  );
  const openTotalMinor = items.reduce((sum, i) => sum + i.openMinor, 0);
  const interestTotalMinor = items.reduce(
    (s, i) => s + (i.interest.status === 'claimed' ? i.interest.interestMinor : 0),
    0,
  );
  const indemnityTotalMinor = items.reduce((sum, i) => sum + i.indemnityMinor, 0);
  return {
    items,
    openTotalMinor,
    interestTotalMinor,
    indemnityTotalMinor,
    creditsMinor,
    totalDueMinor: openTotalMinor + interestTotalMinor + indemnityTotalMinor - creditsMinor,
    interestIncomplete: items.some((i) => i.interest.status === 'rate_missing'),
  };
}

/** The channels that make a document (an e-mail or a letter), as opposed to a call task or a text. */
export const WRITTEN_CHANNELS: ReadonlySet<DunningChannel> = new Set([
  'email',
  'letter',
  'registered_letter',
]);

/**
 * Which document a candidate goes into. A customer gets one written reminder a day per currency
 * for everything overdue, at the highest step among its items (`buildAction`), instead of an
 * e-mail beside a letter beside a formal notice. A courtesy step (before the due date) stays its
 * own e-mail: a reminder's total must not claim what is not yet due. Call tasks and texts are not
 * documents and stay apart, per channel.
 */
export function documentKey(step: DunningStep, currency: CurrencyCode): string {
  if (!WRITTEN_CHANNELS.has(step.channel)) return `${step.channel}\u0000${currency}`;
  const preDue = step.kind === 'courtesy' || step.offsetDays < 0;
  // A written hand-over (the file goes to litigation) is a letter of its own: a formal notice
  // inside it would be recorded as sent while the letter speaks of something else.
  const document = preDue ? 'courtesy' : step.kind === 'handover' ? 'handover' : 'written';
  return `${document}\u0000${currency}`;
}

/** A written reminder of something overdue (a step on or after the due date), not a call or a text. */
export const isOverdueWritten = (step: DunningStep | undefined) =>
  step !== undefined &&
  WRITTEN_CHANNELS.has(step.channel) &&
  step.kind !== 'courtesy' &&
  step.offsetDays >= 0;

/** Why a customer's courtesy e-mail stays unsent on a day (`courtesyHold`). */
export type CourtesyHold = Extract<
  SkipReason,
  'courtesy_handover_today' | 'courtesy_formal_notice_today' | 'courtesy_superseded'
>;

/**
 * Why the customer's courtesy e-mail (« merci de régler à bonne date ») stays unsent today, or null.
 * Handed over to litigation or put on formal notice today, by this plan or an earlier run of the day,
 * whatever the channel (a hand-over is often a call task), the customer must not also get a friendly
 * pre-due note: it would undermine the notice. Beside a written reminder of what is overdue it reads as
 * a contradiction. Either way it is planned again on a later day of its window.
 */
export function courtesyHold(
  steps: readonly DunningStep[],
  invoices: readonly Pick<DunningInvoice, 'level' | 'lastStepDate'>[],
  actions: readonly Pick<PlannedAction, 'channel' | 'stepKind' | 'items'>[],
  asOf: IsoDate,
): CourtesyHold | null {
  const steppedToday = invoices.flatMap((i) => {
    const step = i.lastStepDate === asOf ? steps[i.level - 1] : undefined;
    return step ? [step] : [];
  });
  const kinds = new Set([
    ...actions.flatMap((a) => a.items.map((item) => item.stepKind)),
    ...steppedToday.map((step) => step.kind),
  ]);
  if (kinds.has('handover')) return 'courtesy_handover_today';
  if (kinds.has('formal_notice')) return 'courtesy_formal_notice_today';
  const written =
    actions.some((a) => WRITTEN_CHANNELS.has(a.channel) && a.stepKind !== 'courtesy') ||
    steppedToday.some(isOverdueWritten);
  return written ? 'courtesy_superseded' : null;
}

type ActionDue = Pick<PlannedAction, 'customerCode' | 'currency' | 'totalDueMinor' | 'creditsMinor'>;

/**
 * The credits a run deducts in each currency, each customer's once. Each action deducts all its
 * customer's credits in its currency, rightly: a letter and a call task the same day each say what
 * is owed net of them; added up over the run, they would be deducted twice.
 */
export function creditsDeductedOnce(
  actions: readonly Pick<ActionDue, 'customerCode' | 'currency' | 'creditsMinor'>[],
): Map<CurrencyCode, number> {
  const credits = new Map<CurrencyCode, number>();
  const counted = new Set<string>();
  for (const action of actions) {
    const key = `${action.customerCode}\u0000${action.currency}`;
    const creditsMinor = counted.has(key) ? 0 : action.creditsMinor;
    credits.set(action.currency, (credits.get(action.currency) ?? 0) + creditsMinor);
    counted.add(key);
  }
  return credits;
}
