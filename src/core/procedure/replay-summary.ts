/**
 * Figures of a finished replay: each side's decisions and reminders, the proposal's estimated
 * effects (exposure, overdue and bad debts it would have avoided, DSO without the invoices of the
 * orders it stops) and the fidelity of the current policy to the decisions recorded.
 */

import { simpleDsoDays } from '../analytics/kpis.ts';
import { addDays, daysBetween } from '../calendar.ts';
import { STEP_KINDS, type StepKind } from '../dunning/policy.ts';
import type { ReplayState, SideTrace } from './replay.ts';
import { fidelity, itemsOf } from './replay-fidelity.ts';
import { openAsOf } from './replay-ledger.ts';
import { scoringSummary } from './replay-scoring.ts';
import type {
  RecordedDunningItem,
  ReplayEffects,
  ReplayedOrder,
  ReplayedReminder,
  ReplayResult,
  SideSummary,
} from './replay-types.ts';

/** Catalogue codes (procedure.assumption.*) of what the figures rest on. */
export const REPLAY_ASSUMPTIONS = [
  'payments_as_recorded',
  'stopped_orders_not_shipped',
  'orders_judged_on_check_day',
  'status_and_limit_today',
  'scores_as_recorded',
  'dunning_business_days',
  'reminders_do_not_move_payments',
  'dso_simple_365',
] as const;

/** In place of `scores_as_recorded` when the proposal re-scores with its own method. */
export const RESCORING_ASSUMPTIONS = ['scores_rescored', 'rescored_limit_lowered'] as const;

function assumptionsOf(rescored: boolean): string[] {
  if (!rescored) return [...REPLAY_ASSUMPTIONS];
  return REPLAY_ASSUMPTIONS.flatMap((code) =>
    code === 'scores_as_recorded' ? [...RESCORING_ASSUMPTIONS] : [code],
  );
}

const DSO_DAYS = 365;

function sideSummary(
  trace: SideTrace,
  orders: readonly ReplayedOrder[],
  side: 'current' | 'proposed',
): SideSummary {
  const remindersByKind = Object.fromEntries(STEP_KINDS.map((k) => [k, 0])) as Record<StepKind, number>;
  const invoices = new Set<string>();
  for (const { action } of trace.actions) {
    remindersByKind[action.stepKind] += 1;
    for (const item of action.items) invoices.add(item.invoiceId);
  }
  let approved = 0;
  let held = 0;
  let refused = 0;
  let stoppedMinor = 0;
  for (const decision of trace.decisions.values()) {
    if (decision.decision === 'approve') approved += 1;
    else if (decision.decision === 'hold') held += 1;
    else refused += 1;
  }
  for (const order of orders) if (order[side].decision !== 'approve') stoppedMinor += order.amountMinor;
  return {
    ordersChecked: trace.decisions.size,
    ordersApproved: approved,
    ordersHeld: held,
    ordersRefused: refused,
    heldOrRefusedMinor: stoppedMinor,
    reminders: trace.actions.length,
    remindersByKind,
    invoicesReminded: invoices.size,
  };
}

function firstSteps(items: readonly RecordedDunningItem[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const item of items) {
    const held = first.get(item.invoiceId);
    if (held === undefined || item.date < held) first.set(item.invoiceId, item.date);
  }
  return first;
}

function effects(state: ReplayState, orders: readonly ReplayedOrder[]): ReplayEffects {
  const { to } = state.input;
  const stopped = orders.filter((o) => o.current.decision === 'approve' && o.proposed.decision !== 'approve');
  const released = orders.filter(
    (o) => o.current.decision !== 'approve' && o.proposed.decision === 'approve',
  );
  const sum = (list: readonly ReplayedOrder[], pick: (o: ReplayedOrder) => number) =>
    list.reduce((total, o) => total + pick(o), 0);
  const windowStart = addDays(to, -DSO_DAYS);
  let receivablesMinor = 0;
  let salesMinor = 0;
  let overdueAtEndMinor = 0;
  let badDebtsMinor = 0;
  for (const doc of state.input.snapshot.documents) {
    const openMinor = openAsOf(doc, to);
    receivablesMinor += openMinor;
    if (openMinor > 0 && doc.dueDate < to) overdueAtEndMinor += openMinor;
    if (doc.kind === 'invoice' && doc.issueDate > windowStart && doc.issueDate <= to)
      salesMinor += doc.amountMinor;
    if (doc.kind === 'write_off' && doc.issueDate >= state.input.from && doc.issueDate <= to)
      badDebtsMinor -= doc.amountMinor;
  }
  const invoiceOf = new Map(state.invoices.map((d) => [d.ref, d]));
  const stoppedSalesMinor = sum(stopped, (o) => {
    const invoice = o.invoiceRef === null ? undefined : invoiceOf.get(o.invoiceRef);
    return invoice && invoice.issueDate > windowStart && invoice.issueDate <= to ? invoice.amountMinor : 0;
  });
  const exposureAvoidedMinor = sum(stopped, (o) => o.openAtEndMinor);
  const current = firstSteps(stepsOf(state.current));
  const proposed = firstSteps(stepsOf(state.proposed));
  let earlierDays = 0;
  let both = 0;
  let onlyProposed = 0;
  for (const [invoiceId, date] of proposed) {
    const held = current.get(invoiceId);
    if (held === undefined) onlyProposed += 1;
    else {
      both += 1;
      earlierDays += daysBetween(date, held);
    }
  }
  const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    ordersStopped: stopped.length,
    ordersStoppedMinor: sum(stopped, (o) => o.amountMinor),
    exposureAvoidedMinor,
    overdueAvoidedMinor: sum(stopped, (o) => o.overdueAtEndMinor),
    badDebtsAvoidedMinor: sum(stopped, (o) => o.writtenOffMinor),
    salesForgoneMinor: sum(stopped, (o) => (o.fate === 'paid' || o.fate === 'paid_late' ? o.amountMinor : 0)),
    ordersReleased: released.length,
    dsoCurrentDays: round1(simpleDsoDays(receivablesMinor, salesMinor, DSO_DAYS)),
    dsoProposedDays: round1(
      simpleDsoDays(receivablesMinor - exposureAvoidedMinor, salesMinor - stoppedSalesMinor, DSO_DAYS),
    ),
    overdueAtEndMinor,
    badDebtsMinor,
    firstReminderEarlierDays: both === 0 ? null : round1(earlierDays / both),
    invoicesRemindedOnlyByProposed: onlyProposed,
  };
}

export function stepsOf(trace: SideTrace): RecordedDunningItem[] {
  return trace.actions.flatMap(({ date, action }) => itemsOf(date, [action]));
}

export function summarise(
  state: ReplayState,
  orders: ReplayedOrder[],
  reminders: ReplayedReminder[],
): ReplayResult {
  const limit = state.input.listLimit ?? 1000;
  const scoring = state.input.proposed.scoring ?? null;
  const differing = orders
    .filter((o) => o.current.decision !== 'approve' || o.proposed.decision !== 'approve')
    .sort((a, b) => b.amountMinor - a.amountMinor || (a.ref < b.ref ? -1 : 1));
  return {
    from: state.input.from,
    to: state.input.to,
    currency: state.input.snapshot.companyCurrency,
    days: daysBetween(state.input.from, state.input.to) + 1,
    current: sideSummary(state.current, orders, 'current'),
    proposed: sideSummary(state.proposed, orders, 'proposed'),
    orders: differing.slice(0, limit),
    ordersTotal: differing.length,
    reminders: reminders.slice(0, limit),
    remindersTotal: reminders.length,
    effects: effects(state, orders),
    fidelity: fidelity(state.fidelity, state.input.snapshot, state.current.decisions),
    scoring: scoring
      ? scoringSummary(
          state.input.snapshot,
          scoring,
          state.current.scores,
          state.proposed.scores,
          state.input.to,
        )
      : null,
    assumptions: assumptionsOf(Boolean(scoring)),
  };
}
