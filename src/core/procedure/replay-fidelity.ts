/**
 * The fidelity check of a replay: the policy in force replayed against the decisions recorded over
 * the period. Orders: each recorded check against the current side's decision on its day. Dunning:
 * on each day a run was carried out, what the policy in force plans from the log as it stood that
 * morning, against the steps the run sent that day (steps recorded by hand move the levels only).
 *
 * The current side itself escalates on its own replayed steps from the first day of the period,
 * which is right to compare it with a proposal but not to check it against the log: where Encours
 * started sending within the period (the demo's first run on its reference date), that side has
 * been reminding for months on days nobody ran the procedure, so its levels and last-step dates
 * differ from those the live run read, and it would reproduce almost none of the steps sent.
 *
 * A run limited to some customers (`dunning run --customer`, an approved selection) sent steps for
 * them alone: on its day only the customers some run covered are compared, or every other one's
 * planned step would count as extra.
 */
import type { Decision } from '../credit/order-check.ts';
import type { PlannedAction } from '../dunning/plan-types.ts';
import type { DunningPolicy } from '../dunning/policy.ts';
import type { IsoDate } from '../types.ts';
import {
  applyRecordedSteps,
  type DunningDayInput,
  type DunningState,
  initialDunningState,
  planDunningDay,
} from './replay-dunning.ts';
import type {
  RecordedDunningItem,
  RecordedDunningRun,
  ReplayFidelity,
  ReplaySnapshot,
} from './replay-types.ts';

export interface FidelityTrace {
  /** The period's steps sent, by day. */
  recordedByDay: Map<IsoDate, RecordedDunningItem[]>;
  /**
   * The period's days the procedure ran (a run was carried out or a run's step sent), with the
   * customers the day's runs covered: null, the whole portfolio.
   */
  runDays: Map<IsoDate, ReadonlySet<string> | null>;
  /** Levels reached by the log up to the day before the one replayed next. */
  state: DunningState;
  /** What the policy in force planned on the run days. */
  steps: RecordedDunningItem[];
}

export function startFidelity(snapshot: ReplaySnapshot, from: IsoDate, to: IsoDate): FidelityTrace {
  const recordedByDay = new Map<IsoDate, RecordedDunningItem[]>();
  for (const item of snapshot.recordedDunning) {
    if (item.date < from || item.date > to) continue;
    const own = recordedByDay.get(item.date);
    if (own) own.push(item);
    else recordedByDay.set(item.date, [item]);
  }
  // A step recorded by hand (a call on a Saturday) is no run of the policy: it moves the levels
  // the next run reads, and is not a step the policy is checked against.
  const runDays = coveredByRuns(snapshot.dunningRuns ?? [], from, to);
  // A day of steps sent by a run with no run recorded (a snapshot without its runs) covers everyone.
  for (const [day, items] of recordedByDay)
    if (!runDays.has(day) && items.some((item) => !item.manual)) runDays.set(day, null);
  return { recordedByDay, runDays, state: initialDunningState(snapshot, from), steps: [] };
}

/** The customers the runs of each day covered: a run of the whole portfolio covers everyone. */
function coveredByRuns(
  runs: readonly RecordedDunningRun[],
  from: IsoDate,
  to: IsoDate,
): Map<IsoDate, Set<string> | null> {
  const covered = new Map<IsoDate, Set<string> | null>();
  for (const run of runs) {
    if (run.day < from || run.day > to) continue;
    const before = covered.get(run.day);
    if (before === null) continue;
    if (run.customerCodes === null) covered.set(run.day, null);
    else covered.set(run.day, new Set([...(before ?? []), ...run.customerCodes]));
  }
  return covered;
}

/** The log's items of a day's planned actions. */
export function itemsOf(date: IsoDate, actions: readonly PlannedAction[]): RecordedDunningItem[] {
  return actions.flatMap((action) =>
    action.items.map((item) => ({
      invoiceId: item.invoiceId,
      customerCode: action.customerCode,
      date,
      level: item.level,
      stepCode: item.stepCode,
      stepKind: item.stepKind,
    })),
  );
}

/**
 * One day of the check: on a run day, the plan from the log's state; then the state moves by the
 * steps actually sent that day, never by the plan, so one day's difference does not carry over.
 */
export function fidelityDay(
  trace: FidelityTrace,
  input: DunningDayInput,
  policies: readonly DunningPolicy[],
  day: IsoDate,
  offsets: readonly (number | null)[],
): void {
  const covered = trace.runDays.get(day);
  if (covered !== undefined) {
    const planned = itemsOf(day, planDunningDay(input, policies, trace.state, day, offsets));
    trace.steps.push(...(covered ? planned.filter((item) => covered.has(item.customerCode)) : planned));
  }
  applyRecordedSteps(trace.state, trace.recordedByDay.get(day) ?? []);
}

const keyOf = (item: RecordedDunningItem) => `${item.invoiceId}|${item.date}|${item.stepCode}`;

export function fidelity(
  trace: FidelityTrace,
  snapshot: ReplaySnapshot,
  decisions: ReadonlyMap<string, { decision: Decision }>,
): ReplayFidelity {
  const orderMismatches: ReplayFidelity['orderMismatches'] = [];
  let ordersCompared = 0;
  for (const order of snapshot.orders) {
    const replayed = decisions.get(order.ref);
    if (!order.recorded || !replayed) continue;
    ordersCompared += 1;
    if (replayed.decision !== order.recorded.decision)
      orderMismatches.push({
        ref: order.ref,
        recorded: order.recorded.decision,
        replayed: replayed.decision,
      });
  }
  const recorded = [...trace.recordedByDay.values()].flat().filter((item) => !item.manual);
  const replayedKeys = new Set(trace.steps.map(keyOf));
  const recordedKeys = new Set(recorded.map(keyOf));
  const missing = recorded.filter((i) => !replayedKeys.has(keyOf(i)));
  return {
    ordersCompared,
    ordersMatching: ordersCompared - orderMismatches.length,
    orderMismatches,
    remindersRecorded: recorded.length,
    remindersMatching: recorded.length - missing.length,
    missing,
    extra: trace.steps.filter((i) => !recordedKeys.has(keyOf(i))),
  };
}
