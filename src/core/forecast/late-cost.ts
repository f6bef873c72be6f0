/**
 * The cost of the predicted days late: what financing the open invoices until their predicted
 * payment dates costs, beyond their due dates. Per invoice: open amount × max(0, median date − due
 * date) days × the annual rate / 365 (an actual/365 year, as the indicators' late-payment cost).
 *
 * Rounding: the exact Σ open × days of a customer is multiplied by the rate and rounded once, half
 * up, to the minor unit; the company's cost is the sum of its customers' (so a table of customers
 * adds up to the total it shows). Integer arithmetic throughout (BigInt): no float drift, no
 * overflow on a large book.
 *
 * A claim from before its customer's insolvency judgment (`paymentExpected: false`, first reason
 * `insolvency_proceedings`) is not a payment late: no payment is expected outside the court's plan.
 * It is counted apart (how many, how much open), never in the days late or the cost. An invoice so
 * old that invoices as old mostly stayed unpaid a year on (`paymentExpected: false`, first reason
 * `no_payment_expected`) is late all the same: it is costed to its median date a year out, a floor,
 * with the invoices beyond history.
 */
import { addDays, daysBetween, maxDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { BEYOND_HISTORY_DAYS } from './age-terms.ts';

/** What the cost reads of a prediction. */
export interface LateCostPrediction {
  customerCode: string;
  dueDate: IsoDate;
  openMinor: number;
  /** The median (P50) of the predicted payment date. */
  predictedDate: IsoDate;
  paymentExpected?: boolean | undefined;
  /** The first says why a payment is not expected (`insolvency_proceedings`, `no_payment_expected`). */
  reasons?: readonly { code: string }[] | undefined;
}

/** A claim under an insolvency procedure: no ordinary payment, so no lateness to cost. */
function outsidePlanClaim(prediction: LateCostPrediction): boolean {
  return prediction.paymentExpected === false && prediction.reasons?.[0]?.code !== 'no_payment_expected';
}

/** Days late at the median date, and the part of them after the as-of date (still to come). */
export function predictedDaysLate(
  prediction: Pick<LateCostPrediction, 'dueDate' | 'predictedDate'>,
  asOf: IsoDate,
): { daysLate: number; daysAhead: number } {
  const daysLate = Math.max(0, daysBetween(prediction.dueDate, prediction.predictedDate));
  const daysAhead = Math.max(0, daysBetween(maxDate(prediction.dueDate, asOf), prediction.predictedDate));
  return { daysLate, daysAhead: Math.min(daysAhead, daysLate) };
}

/** Σ amount × days × rateBps / (10,000 × 365), rounded half up to the minor unit. */
export function financingCostMinor(amountDays: bigint, rateBps: number): number {
  if (!Number.isInteger(rateBps) || rateBps < 0) throw new RangeError('the rate is whole basis points ≥ 0');
  if (amountDays < 0n) throw new RangeError('amount × days is ≥ 0');
  const divisor = 10_000n * 365n;
  return Number((2n * amountDays * BigInt(rateBps) + divisor) / (2n * divisor));
}

/** One customer's (or the company's) sums. */
export interface LateCostSums {
  /** Open amount of the invoices counted: all but the claims from before an insolvency judgment. */
  openMinor: number;
  invoiceCount: number;
  /** Of those, predicted paid after their due date. */
  lateCount: number;
  lateOpenMinor: number;
  /** No payment expected (median at the horizon, a year after the as-of date): counted up to it only. */
  beyondHistoryCount: number;
  beyondHistoryOpenMinor: number;
  /** Σ open × days late, the part after the as-of date, and the part of the invoices beyond history. */
  amountDays: bigint;
  amountDaysAhead: bigint;
  amountDaysBeyond: bigint;
  /** Claims from before an insolvency judgment: no payment expected, counted apart. */
  notExpectedCount: number;
  notExpectedOpenMinor: number;
}

export interface LateCostFigures {
  openMinor: number;
  invoiceCount: number;
  lateCount: number;
  lateOpenMinor: number;
  beyondHistoryCount: number;
  beyondHistoryOpenMinor: number;
  /** Amount-weighted mean of the predicted days late over the invoices counted (0.1 day); null when none. */
  expectedDaysLate: number | null;
  /** Cost of all the predicted days late, and of those after the as-of date only. */
  costMinor: number;
  costAheadMinor: number;
  /** Of the cost, that of the invoices beyond history (counted to a year after the as-of date: a floor). */
  beyondHistoryCostMinor: number;
  notExpectedCount: number;
  notExpectedOpenMinor: number;
}

export function emptyLateCostSums(): LateCostSums {
  return {
    openMinor: 0,
    invoiceCount: 0,
    lateCount: 0,
    lateOpenMinor: 0,
    beyondHistoryCount: 0,
    beyondHistoryOpenMinor: 0,
    amountDays: 0n,
    amountDaysAhead: 0n,
    amountDaysBeyond: 0n,
    notExpectedCount: 0,
    notExpectedOpenMinor: 0,
  };
}

/** Adds one prediction to the sums. */
export function addLateCost(sums: LateCostSums, prediction: LateCostPrediction, asOf: IsoDate): void {
  if (prediction.openMinor <= 0) return;
  if (outsidePlanClaim(prediction)) {
    sums.notExpectedCount += 1;
    sums.notExpectedOpenMinor += prediction.openMinor;
    return;
  }
  const { daysLate, daysAhead } = predictedDaysLate(prediction, asOf);
  sums.openMinor += prediction.openMinor;
  sums.invoiceCount += 1;
  if (daysLate > 0) {
    sums.lateCount += 1;
    sums.lateOpenMinor += prediction.openMinor;
  }
  const amountDays = BigInt(prediction.openMinor) * BigInt(daysLate);
  if (prediction.predictedDate >= addDays(asOf, BEYOND_HISTORY_DAYS)) {
    sums.beyondHistoryCount += 1;
    sums.beyondHistoryOpenMinor += prediction.openMinor;
    sums.amountDaysBeyond += amountDays;
  }
  sums.amountDays += amountDays;
  sums.amountDaysAhead += BigInt(prediction.openMinor) * BigInt(daysAhead);
}

/**
 * Adds a batch of predictions to the sums by customer (the batches of the open predictions come one
 * at a time: their candidate dates are never all held).
 */
export function addLateCostBatch(
  byCustomer: Map<string, LateCostSums>,
  predictions: readonly LateCostPrediction[],
  asOf: IsoDate,
): void {
  for (const prediction of predictions) {
    let sums = byCustomer.get(prediction.customerCode);
    if (!sums) {
      sums = emptyLateCostSums();
      byCustomer.set(prediction.customerCode, sums);
    }
    addLateCost(sums, prediction, asOf);
  }
}

/** The figures of one customer's sums at the rate. */
export function lateCostFigures(sums: LateCostSums, rateBps: number): LateCostFigures {
  const { amountDays, amountDaysAhead, amountDaysBeyond, ...counts } = sums;
  // Days to one decimal from the exact ratio: ×10, rounded half up, ÷10.
  const expectedDaysLate =
    sums.openMinor === 0
      ? null
      : Number((20n * amountDays + BigInt(sums.openMinor)) / (2n * BigInt(sums.openMinor))) / 10;
  return {
    ...counts,
    expectedDaysLate,
    costMinor: financingCostMinor(amountDays, rateBps),
    costAheadMinor: financingCostMinor(amountDaysAhead, rateBps),
    beyondHistoryCostMinor: financingCostMinor(amountDaysBeyond, rateBps),
  };
}

/**
 * The company's figures: counts and amounts added up, the costs as the sum of the customers'
 * (each rounded once), the mean days late from the exact company sums.
 */
export function companyLateCost(customers: readonly LateCostSums[], rateBps: number): LateCostFigures {
  const total = emptyLateCostSums();
  let costMinor = 0;
  let costAheadMinor = 0;
  let beyondHistoryCostMinor = 0;
  for (const sums of customers) {
    total.openMinor += sums.openMinor;
    total.invoiceCount += sums.invoiceCount;
    total.lateCount += sums.lateCount;
    total.lateOpenMinor += sums.lateOpenMinor;
    total.beyondHistoryCount += sums.beyondHistoryCount;
    total.beyondHistoryOpenMinor += sums.beyondHistoryOpenMinor;
    total.amountDays += sums.amountDays;
    total.amountDaysAhead += sums.amountDaysAhead;
    total.amountDaysBeyond += sums.amountDaysBeyond;
    total.notExpectedCount += sums.notExpectedCount;
    total.notExpectedOpenMinor += sums.notExpectedOpenMinor;
    costMinor += financingCostMinor(sums.amountDays, rateBps);
    costAheadMinor += financingCostMinor(sums.amountDaysAhead, rateBps);
    beyondHistoryCostMinor += financingCostMinor(sums.amountDaysBeyond, rateBps);
  }
  return { ...lateCostFigures(total, rateBps), costMinor, costAheadMinor, beyondHistoryCostMinor };
}
