/**
 * The collector's agenda for a day: one entry per customer needing attention, ranked by a score
 * whose every point is explained by a factor (amount overdue, days late, risk class, broken
 * promises, trend, the day's planned actions, decisions and disputes waiting). Points are
 * integers so ties are exact and fall to the customer code.
 */
import type { DunningChannel, StepKind } from './policy.ts';

export interface AgendaWeights {
  /** Points per tenfold of the overdue amount in major units (10 → 1×, 1,000 → 3×). */
  amountPointsPerDecade: number;
  /** Minor units per major unit of the reporting currency (100 for EUR). */
  amountUnitMinor: number;
  daysLatePointsPer30Days: number;
  daysLateCapDays: number;
  riskClassPoints: Readonly<Record<string, number>>;
  unknownRiskClassPoints: number;
  brokenPromisePoints: number;
  brokenPromiseCap: number;
  /** Points for an overdue amount that grew from nothing; minus as much for one cleared. */
  trendMaxPoints: number;
  channelPoints: Readonly<Record<DunningChannel, number>>;
  stepKindPoints: Readonly<Record<StepKind, number>>;
  /** Points per tenfold of the amount not yet due that the payment-date model expects late. */
  likelyLatePointsPerDecade: number;
  /** Points per held order or limit request waiting for a decision, up to the cap. */
  pendingDecisionPoints: number;
  pendingDecisionCap: number;
  /** Points per dispute waiting for an answer, up to the cap. */
  openDisputePoints: number;
  openDisputeCap: number;
}

export const DEFAULT_AGENDA_WEIGHTS: AgendaWeights = {
  amountPointsPerDecade: 10,
  amountUnitMinor: 100,
  daysLatePointsPer30Days: 5,
  daysLateCapDays: 180,
  riskClassPoints: { A: 0, B: 5, C: 10, D: 20, E: 30 },
  unknownRiskClassPoints: 10,
  brokenPromisePoints: 15,
  brokenPromiseCap: 3,
  trendMaxPoints: 10,
  // A call is the collector's own work; a formal notice or hand-over needs a review before it goes.
  channelPoints: { call_task: 15, registered_letter: 10, letter: 5, email: 2, sms: 2 },
  stepKindPoints: { courtesy: 0, reminder: 0, formal_notice: 10, handover: 20 },
  // Half the weight of money already late: a call before the due date prevents, it does not recover.
  likelyLatePointsPerDecade: 5,
  // A held order is a sale waiting: as pressing as a broken promise.
  pendingDecisionPoints: 15,
  pendingDecisionCap: 3,
  // A dispute waiting holds money no reminder may chase until a department answers: the collector
  // follows it up, less pressing than a broken promise or a held sale.
  openDisputePoints: 10,
  openDisputeCap: 3,
};

export interface AgendaCustomerFacts {
  customerCode: string;
  /** Overdue open amount, in the reporting currency. */
  overdueMinor: number;
  /** The same some time ago (e.g. 30 days), for the trend. */
  previousOverdueMinor: number;
  /** Days late of the oldest overdue item. */
  oldestDaysLate: number;
  riskClass: string | null;
  /** Broken promises over the scoring window (see `summarizePromises`). */
  brokenPromises: number;
  /**
   * Open amount falling due soon that the payment-date model expects to be paid late (the
   * likely-late are called first, before the due date); absent when no prediction was made.
   */
  likelyLateMinor?: number | undefined;
  /** Held orders and limit requests waiting for a decision; absent when not read. */
  pendingDecisions?: number | undefined;
  /**
   * Disputes waiting for an answer, one per complaint (a case of several invoices counts once, an
   * imported dispute once per invoice); absent when not read.
   */
  openDisputes?: number | undefined;
}

export interface AgendaAction {
  customerCode: string;
  channel: DunningChannel;
  stepCode: string;
  stepKind: StepKind;
}

export const AGENDA_FACTORS = [
  'amount_overdue',
  'days_late',
  'risk_class',
  'broken_promises',
  'trend',
  'planned_actions',
  'likely_late',
  'pending_decisions',
  'open_disputes',
] as const;
export type AgendaFactorCode = (typeof AGENDA_FACTORS)[number];

export interface AgendaFactor {
  factor: AgendaFactorCode;
  /** What the points were computed from (amount in minor units, days, class, count…). */
  input: number | string | null;
  points: number;
}

export interface AgendaEntry {
  rank: number;
  customerCode: string;
  scorePoints: number;
  factors: AgendaFactor[];
  actions: AgendaAction[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rounds half away from zero, so that a trend of −7.5 weighs as much as one of +7.5. */
function roundPoints(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

function factorsOf(
  facts: AgendaCustomerFacts,
  actions: readonly AgendaAction[],
  w: AgendaWeights,
): AgendaFactor[] {
  const overdueUnits = Math.max(0, facts.overdueMinor) / w.amountUnitMinor;
  const days = Math.min(Math.max(0, facts.oldestDaysLate), w.daysLateCapDays);
  const classPoints =
    facts.riskClass === null
      ? w.unknownRiskClassPoints
      : (w.riskClassPoints[facts.riskClass] ?? w.unknownRiskClassPoints);
  const changeMinor = facts.overdueMinor - facts.previousOverdueMinor;
  const scale = Math.max(Math.abs(facts.overdueMinor), Math.abs(facts.previousOverdueMinor), 1);
  const actionPoints = actions.reduce(
    (sum, a) => sum + w.channelPoints[a.channel] + w.stepKindPoints[a.stepKind],
    0,
  );
  return [
    {
      factor: 'amount_overdue',
      input: facts.overdueMinor,
      points: roundPoints(w.amountPointsPerDecade * Math.log10(1 + overdueUnits)),
    },
    {
      factor: 'days_late',
      input: facts.oldestDaysLate,
      points: roundPoints((days * w.daysLatePointsPer30Days) / 30),
    },
    { factor: 'risk_class', input: facts.riskClass, points: classPoints },
    {
      factor: 'broken_promises',
      input: facts.brokenPromises,
      points: Math.min(facts.brokenPromises, w.brokenPromiseCap) * w.brokenPromisePoints,
    },
    { factor: 'trend', input: changeMinor, points: roundPoints((w.trendMaxPoints * changeMinor) / scale) },
    { factor: 'planned_actions', input: actions.length, points: actionPoints },
    ...(facts.likelyLateMinor === undefined
      ? []
      : [
          {
            factor: 'likely_late' as const,
            input: facts.likelyLateMinor,
            points: roundPoints(
              w.likelyLatePointsPerDecade *
                Math.log10(1 + Math.max(0, facts.likelyLateMinor) / w.amountUnitMinor),
            ),
          },
        ]),
    ...(facts.pendingDecisions === undefined || facts.pendingDecisions <= 0
      ? []
      : [
          {
            factor: 'pending_decisions' as const,
            input: facts.pendingDecisions,
            points: Math.min(facts.pendingDecisions, w.pendingDecisionCap) * w.pendingDecisionPoints,
          },
        ]),
    ...(facts.openDisputes === undefined || facts.openDisputes <= 0
      ? []
      : [
          {
            factor: 'open_disputes' as const,
            input: facts.openDisputes,
            points: Math.min(facts.openDisputes, w.openDisputeCap) * w.openDisputePoints,
          },
        ]),
  ];
}

/**
 * Customers with something overdue, a broken promise, an action planned today, money soon due
 * and likely to come late, a held order or limit request waiting for a decision or a dispute
 * waiting, best first; equal scores in customer-code order.
 */
export function buildAgenda(
  customers: readonly AgendaCustomerFacts[],
  actions: readonly AgendaAction[],
  weights: AgendaWeights = DEFAULT_AGENDA_WEIGHTS,
): AgendaEntry[] {
  const actionsByCustomer = new Map<string, AgendaAction[]>();
  for (const action of actions) {
    const own = actionsByCustomer.get(action.customerCode);
    if (own) own.push(action);
    else actionsByCustomer.set(action.customerCode, [action]);
  }
  const entries = customers.flatMap((facts) => {
    const own = (actionsByCustomer.get(facts.customerCode) ?? []).sort(
      (a, b) => compare(a.channel, b.channel) || compare(a.stepCode, b.stepCode),
    );
    const likelyLate = (facts.likelyLateMinor ?? 0) > 0;
    const waiting = (facts.pendingDecisions ?? 0) > 0 || (facts.openDisputes ?? 0) > 0;
    if (facts.overdueMinor <= 0 && facts.brokenPromises <= 0 && own.length === 0 && !likelyLate && !waiting)
      return [];
    const factors = factorsOf(facts, own, weights);
    const scorePoints = factors.reduce((sum, f) => sum + f.points, 0);
    return [{ rank: 0, customerCode: facts.customerCode, scorePoints, factors, actions: own }];
  });
  entries.sort((a, b) => b.scorePoints - a.scorePoints || compare(a.customerCode, b.customerCode));
  return entries.map((entry, index) => ({ ...entry, rank: index + 1 }));
}
