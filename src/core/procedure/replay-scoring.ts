/**
 * The classes each side of a replay reads. The policy in force reads the scores recorded; a
 * proposal that changes the scoring method re-scores every customer with it, by the production
 * scorer (`scoreCustomer`), on the inputs known at each date it was scored (`scoringInputs`).
 * A customer the proposal puts in a worse class than the one recorded gets, from that date, the
 * limit the limit policy recommends for its new class when that is lower than its own: the review
 * a downgrade alert asks for. A better class raises no limit (a limit rises on request only).
 */
import { addMonths } from '../calendar.ts';
import { coverOn } from '../credit/insurer-cover.ts';
import { recommendLimit } from '../credit/limits.ts';
import { proceedingsOf, scoreCustomer, withProceedingsOverride } from '../credit/scoring.ts';
import { classChange, RISK_CLASSES, type RiskClass } from '../credit/scoring-method.ts';
import type { IsoDate } from '../types.ts';
import type { LedgerIndex } from './replay-ledger.ts';
import type {
  ClassMigration,
  ReplayCustomer,
  ReplayScoring,
  ReplayScoringSummary,
  ReplaySnapshot,
  SideScore,
} from './replay-types.ts';

export type SideScores = ReadonlyMap<string, readonly SideScore[]>;

const NO_SCORE: SideScore = { asOf: '', riskClass: null, score: null, limitCapMinor: null };

/** The latest score on or before the day (the history is oldest first; the last of a day wins). */
export function scoreOn(history: readonly SideScore[] | undefined, day: IsoDate): SideScore {
  let found = NO_SCORE;
  for (const score of history ?? []) if (score.asOf <= day) found = score;
  return found;
}

function recordedHistory(customer: ReplayCustomer): SideScore[] {
  return customer.scores.map((s) => ({ ...s, limitCapMinor: null }));
}

/** Invoiced sales of the twelve months to the date, as the scoring inputs count them. */
export function annualSalesMinor(index: LedgerIndex, customerCode: string, asOf: IsoDate): number {
  const after = addMonths(asOf, -12);
  let salesMinor = 0;
  for (const doc of index.byCustomer.get(customerCode) ?? [])
    if (doc.kind === 'invoice' && doc.issueDate > after && doc.issueDate <= asOf)
      salesMinor += doc.amountMinor;
  return salesMinor;
}

/** Lower than the recorded class, with a limit policy in the customer's currency: the limit it recommends. */
function limitCap(
  index: LedgerIndex,
  customer: ReplayCustomer,
  scoring: ReplayScoring,
  recorded: RiskClass | null,
  riskClass: RiskClass,
  asOf: IsoDate,
): number | null {
  if (recorded === null || classChange(recorded, riskClass) <= 0) return null;
  if (scoring.limitPolicy.currency !== customer.currency) return null;
  const facts = {
    riskClass,
    annualSalesMinor: annualSalesMinor(index, customer.code, asOf),
    cover: coverOn(customer.covers, asOf),
  };
  return recommendLimit(scoring.limitPolicy, facts, asOf).recommendedMinor;
}

/**
 * The proposal's scores of a customer: one per date of its inputs. A date without a score
 * (too few inputs for the method) keeps the class of the previous one, as the recorded history does.
 */
function rescoredHistory(
  index: LedgerIndex,
  customer: ReplayCustomer,
  scoring: ReplayScoring,
  recorded: readonly SideScore[],
): SideScore[] {
  const history: SideScore[] = [];
  const points = [...(customer.scoringInputs ?? [])].sort((a, b) =>
    a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0,
  );
  for (const point of points) {
    // As the production scorer: a customer in collective proceedings is in the worst class (its
    // status today, as the replay applies it over the whole period).
    const result = withProceedingsOverride(
      scoreCustomer(methodOn(scoring, point.asOf), point.inputs),
      proceedingsOf(customer.status, null),
    );
    if (result.riskClass === null) continue;
    const before = scoreOn(recorded, point.asOf).riskClass;
    history.push({
      asOf: point.asOf,
      riskClass: result.riskClass,
      score: result.score,
      limitCapMinor: limitCap(index, customer, scoring, before, result.riskClass, point.asOf),
    });
  }
  return history;
}

/** The side's method on a date: the latest effective on or before it, else its own. */
export function methodOn(scoring: ReplayScoring, asOf: IsoDate) {
  let method = scoring.method;
  let from = '';
  for (const version of scoring.methods ?? [])
    if (version.effectiveFrom <= asOf && version.effectiveFrom >= from) {
      method = version.method;
      from = version.effectiveFrom;
    }
  return method;
}

/** Every customer's scores for one side: recorded, or re-scored with the side's own method. */
export function sideScores(
  snapshot: ReplaySnapshot,
  index: LedgerIndex,
  scoring: ReplayScoring | null | undefined,
): Map<string, SideScore[]> {
  const scores = new Map<string, SideScore[]>();
  for (const customer of snapshot.customers) {
    const recorded = recordedHistory(customer);
    scores.set(customer.code, scoring ? rescoredHistory(index, customer, scoring, recorded) : recorded);
  }
  return scores;
}

const rank = (riskClass: RiskClass | null) =>
  riskClass === null ? RISK_CLASSES.length : RISK_CLASSES.indexOf(riskClass);

/** How the proposal's classes differ from the recorded ones: on each date re-scored, and at the end. */
export function scoringSummary(
  snapshot: ReplaySnapshot,
  scoring: ReplayScoring,
  current: SideScores,
  proposed: SideScores,
  to: IsoDate,
): ReplayScoringSummary {
  let customersRescored = 0;
  let scorings = 0;
  let scoringsChanged = 0;
  const moves = new Map<string, ClassMigration>();
  for (const customer of snapshot.customers) {
    const points = (customer.scoringInputs ?? []).filter((p) => p.asOf <= to);
    if (points.length === 0) continue;
    customersRescored += 1;
    const recorded = current.get(customer.code);
    const rescored = proposed.get(customer.code);
    for (const { asOf } of points) {
      scorings += 1;
      if (scoreOn(recorded, asOf).riskClass !== scoreOn(rescored, asOf).riskClass) scoringsChanged += 1;
    }
    const from = scoreOn(recorded, to).riskClass;
    const into = scoreOn(rescored, to).riskClass;
    if (from === into) continue;
    const key = `${from}>${into}`;
    const move = moves.get(key) ?? { from, to: into, customers: 0 };
    move.customers += 1;
    moves.set(key, move);
  }
  const migration = [...moves.values()].sort(
    (a, b) => b.customers - a.customers || rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to),
  );
  return {
    methodVersion: scoring.method.version,
    customersRescored,
    scorings,
    scoringsChanged,
    customersChanged: migration.reduce((sum, m) => sum + m.customers, 0),
    migration,
  };
}
