/**
 * Policy replay: the ledger's history replayed day by day through two policies — the one in force
 * ("current") and a proposal — with the core's own order check and dunning planner. Each day the
 * orders checked that day are judged on the customer's position that day, and on business days
 * each side plans its dunning on its own earlier steps. The ledger itself is not re-simulated: what
 * customers paid stays as recorded (the stated assumptions), so the effects are estimates of what
 * the proposal would have stopped or sent, not a new history.
 *
 * Stepwise (`startReplay`, `replayDays`, `finishReplay`) so a job can report progress between
 * slices of days; the state is plain data and the whole replay is deterministic.
 */
import { addDays, daysBetween, isoWeekday } from '../calendar.ts';
import type { Decision } from '../credit/order-check.ts';
import type { PlannedAction } from '../dunning/plan-types.ts';
import type { IsoDate } from '../types.ts';
import { type DunningState, dunningDay, initialDunningState, nextStepOffsets } from './replay-dunning.ts';
import { type FidelityTrace, fidelityDay, startFidelity } from './replay-fidelity.ts';
import {
  indexLedger,
  invoiceOutcome,
  type LedgerIndex,
  linkOrdersToInvoices,
  mayBeOpen,
} from './replay-ledger.ts';
import { creditConfigOn, judgeOrder } from './replay-orders.ts';
import { type SideScores, sideScores } from './replay-scoring.ts';
import { summarise } from './replay-summary.ts';

export { stepsOf } from './replay-summary.ts';

import type {
  ReplayCustomer,
  ReplayDocument,
  ReplayedOrder,
  ReplayedReminder,
  ReplayOrder,
  ReplayPolicy,
  ReplayResult,
  ReplaySnapshot,
} from './replay-types.ts';

export type * from './replay-types.ts';

export interface ReplayInput {
  snapshot: ReplaySnapshot;
  current: ReplayPolicy;
  proposed: ReplayPolicy;
  from: IsoDate;
  to: IsoDate;
  /** Longest list of orders and of reminders kept in the result (totals count them all). */
  listLimit?: number;
}

export interface SideTrace {
  /** The classes this side reads: recorded, or re-scored with its own method. */
  scores: SideScores;
  decisions: Map<string, { decision: Decision; reasonCodes: string[] }>;
  dunning: DunningState;
  actions: { date: IsoDate; action: PlannedAction }[];
}

export interface ReplayState {
  input: ReplayInput;
  index: LedgerIndex;
  customers: Map<string, ReplayCustomer>;
  invoices: ReplayDocument[];
  ordersByDay: Map<IsoDate, ReplayOrder[]>;
  current: SideTrace;
  proposed: SideTrace;
  /** The policy in force replayed on the log's own days, from the log (the fidelity check). */
  fidelity: FidelityTrace;
  /** Invoices by issue date, the next one to enter, and those open on the last day replayed. */
  invoicesByIssue: ReplayDocument[];
  nextInvoice: number;
  openInvoices: ReplayDocument[];
  offsets: { current: (number | null)[]; proposed: (number | null)[] };
  /** Next day to replay. */
  next: IsoDate;
}

export function checkDayOf(order: ReplayOrder): IsoDate {
  return order.checkedOn ?? order.orderDate;
}

export function startReplay(input: ReplayInput): ReplayState {
  if (input.from > input.to) throw new RangeError(`replay from ${input.from} after ${input.to}`);
  const ordersByDay = new Map<IsoDate, ReplayOrder[]>();
  for (const order of input.snapshot.orders) {
    // Cancelled orders were withdrawn by the customer, not stopped by a check: nothing to judge.
    if (order.status === 'cancelled') continue;
    const day = checkDayOf(order);
    if (day < input.from || day > input.to) continue;
    const own = ordersByDay.get(day);
    if (own) own.push(order);
    else ordersByDay.set(day, [order]);
  }
  const invoices = input.snapshot.documents.filter((d) => d.kind === 'invoice' && d.amountMinor > 0);
  const index = indexLedger(input.snapshot);
  const side = (policy: ReplayPolicy): SideTrace => ({
    scores: sideScores(input.snapshot, index, policy.scoring),
    decisions: new Map(),
    dunning: initialDunningState(input.snapshot, input.from),
    actions: [],
  });
  return {
    input,
    index,
    customers: new Map(input.snapshot.customers.map((c) => [c.code, c])),
    invoices,
    ordersByDay,
    invoicesByIssue: [...invoices].sort((a, b) =>
      a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0,
    ),
    nextInvoice: 0,
    openInvoices: [],
    offsets: {
      current: nextStepOffsets(input.current.dunningPolicies),
      proposed: nextStepOffsets(input.proposed.dunningPolicies),
    },
    current: side(input.current),
    proposed: side(input.proposed),
    fidelity: startFidelity(input.snapshot, input.from, input.to),
    next: input.from,
  };
}

function replayDay(state: ReplayState, day: IsoDate): void {
  const sides = [
    [state.current, state.input.current],
    [state.proposed, state.input.proposed],
  ] as const;
  for (const order of state.ordersByDay.get(day) ?? []) {
    for (const [trace, policy] of sides) {
      const config = creditConfigOn(policy, day);
      const result = judgeOrder(state.index, state.customers, order, day, config, trace.scores);
      trace.decisions.set(order.ref, {
        decision: result.decision,
        reasonCodes: result.reasons.map((r) => r.code),
      });
    }
  }
  advanceOpenInvoices(state, day);
  const dayInput = {
    snapshot: state.input.snapshot,
    index: state.index,
    invoices: state.openInvoices,
    customers: state.input.snapshot.customers,
  };
  // On the days the procedure ran, whatever the weekday.
  const { current, offsets } = state;
  fidelityDay(
    state.fidelity,
    { ...dayInput, scores: current.scores },
    state.input.current.dunningPolicies,
    day,
    offsets.current,
  );
  // Dunning runs on business days, as the daily schedule does.
  if (isoWeekday(day) >= 6) return;
  for (const [trace, policy, offsets] of [
    [state.current, state.input.current, state.offsets.current],
    [state.proposed, state.input.proposed, state.offsets.proposed],
  ] as const) {
    const sideInput = { ...dayInput, scores: trace.scores };
    for (const action of dunningDay(sideInput, policy.dunningPolicies, trace.dunning, day, offsets))
      trace.actions.push({ date: day, action });
  }
}

/** Invoices issued by the day enter; those settled for good leave. */
function advanceOpenInvoices(state: ReplayState, day: IsoDate): void {
  const entering: ReplayDocument[] = [];
  while (state.nextInvoice < state.invoicesByIssue.length) {
    const invoice = state.invoicesByIssue[state.nextInvoice]!;
    if (invoice.issueDate > day) break;
    entering.push(invoice);
    state.nextInvoice += 1;
  }
  state.openInvoices = [...state.openInvoices, ...entering].filter((invoice) =>
    mayBeOpen(state.index, invoice, day),
  );
}

/** Replays up to `until` (inclusive, capped at the end); returns the days done so far. */
export function replayDays(state: ReplayState, until: IsoDate): number {
  const last = until < state.input.to ? until : state.input.to;
  while (state.next <= last) {
    replayDay(state, state.next);
    state.next = addDays(state.next, 1);
  }
  return daysBetween(state.input.from, state.next);
}

function orderLines(state: ReplayState): ReplayedOrder[] {
  const links = linkOrdersToInvoices(state.input.snapshot);
  const lines: ReplayedOrder[] = [];
  for (const orders of state.ordersByDay.values())
    for (const order of orders) {
      const current = state.current.decisions.get(order.ref);
      const proposed = state.proposed.decisions.get(order.ref);
      if (!current || !proposed) continue;
      const invoice = links.get(order.ref);
      lines.push({
        ref: order.ref,
        customerCode: order.customerCode,
        checkedOn: checkDayOf(order),
        amountMinor: order.amountMinor,
        currency: order.currency,
        current,
        proposed,
        invoiceRef: invoice?.ref ?? null,
        ...invoiceOutcome(invoice, state.input.to),
      });
    }
  return lines;
}

function reminderLines(state: ReplayState): ReplayedReminder[] {
  const refOf = new Map(state.invoices.map((d) => [d.id, d.ref]));
  return state.proposed.actions.map(({ date, action }) => ({
    date,
    customerCode: action.customerCode,
    stepCode: action.stepCode,
    stepKind: action.stepKind,
    channel: action.channel,
    level: action.level,
    invoiceRefs: action.items.map((i) => refOf.get(i.invoiceId) ?? i.invoiceId),
    openTotalMinor: action.openTotalMinor,
  }));
}

export function finishReplay(state: ReplayState): ReplayResult {
  if (state.next <= state.input.to) replayDays(state, state.input.to);
  const orders = orderLines(state);
  const reminders = reminderLines(state);
  return summarise(state, orders, reminders);
}

/** The whole replay at once (tests, small periods). */
export function replayPolicy(input: ReplayInput): ReplayResult {
  return finishReplay(startReplay(input));
}
