/**
 * Back-test over time-ordered cut-offs: at each month end the model is trained on what was known
 * then and predicts the invoices open then and paid later; two naive baselines predict the same
 * invoices in the same run. No random split: the future never trains the past.
 */
import { addMonths, endOfMonth, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { type ForestOptions, predictWithForest, trainForest } from './forest.ts';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions, settledBy, trainModel } from './model.ts';
import { openAt, predictInvoice } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

export type MethodName = 'model' | 'dueDate' | 'customerMeanDelay' | 'forest';

export interface MethodScore {
  method: MethodName;
  maeDays: number;
  lateAccuracy: number;
}

export interface CalibrationBin {
  fromProbability: number;
  toProbability: number;
  invoices: number;
  meanPredicted: number;
  observedLateRate: number;
}

export interface BacktestResult {
  from: IsoDate;
  to: IsoDate;
  cutoffs: IsoDate[];
  invoices: number;
  methods: MethodScore[];
  calibration: CalibrationBin[];
  /** Brier score of the model's P(late) (lower is better). */
  brierScore: number;
}

/** Month ends from `from` to `to` (inclusive), the cut-offs of the replay. */
export function monthlyCutoffs(from: IsoDate, to: IsoDate): IsoDate[] {
  const cutoffs: IsoDate[] = [];
  for (let month = endOfMonth(from); month <= to; month = endOfMonth(addMonths(month, 1)))
    cutoffs.push(month);
  return cutoffs;
}

interface Tally {
  absoluteError: number;
  correct: number;
}

function customerMeans(
  records: readonly InvoiceRecord[],
  cutoff: IsoDate,
): { byCustomer: Map<string, number>; all: number } {
  const sums = new Map<string, { sum: number; count: number }>();
  let total = 0;
  let count = 0;
  for (const r of settledBy(records, cutoff)) {
    const delay = toDayNumber(r.settledOn as IsoDate) - toDayNumber(r.dueDate);
    const entry = sums.get(r.customerCode) ?? { sum: 0, count: 0 };
    entry.sum += delay;
    entry.count += 1;
    sums.set(r.customerCode, entry);
    total += delay;
    count += 1;
  }
  const byCustomer = new Map([...sums].map(([code, s]) => [code, s.sum / s.count]));
  return { byCustomer, all: count > 0 ? total / count : 0 };
}

function calibrationOf(pairs: readonly { predicted: number; late: boolean }[]): CalibrationBin[] {
  return Array.from({ length: 10 }, (_, bin) => {
    const from = bin / 10;
    const to = (bin + 1) / 10;
    const inBin = pairs.filter(
      (p) => p.predicted >= from && (bin === 9 ? p.predicted <= to : p.predicted < to),
    );
    const mean = (values: number[]) =>
      values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    return {
      fromProbability: from,
      toProbability: to,
      invoices: inBin.length,
      meanPredicted: round3(mean(inBin.map((p) => p.predicted))),
      observedLateRate: round3(mean(inBin.map((p) => (p.late ? 1 : 0)))),
    };
  });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function runBacktest(
  records: readonly InvoiceRecord[],
  from: IsoDate,
  to: IsoDate,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
  /** The learned challenger (a random forest) joins the run when given: it takes much longer. */
  forestOptions?: ForestOptions,
): BacktestResult {
  const cutoffs = monthlyCutoffs(from, to);
  const tallies: Partial<Record<MethodName, Tally>> = {
    model: { absoluteError: 0, correct: 0 },
    dueDate: { absoluteError: 0, correct: 0 },
    customerMeanDelay: { absoluteError: 0, correct: 0 },
  };
  if (forestOptions) tallies.forest = { absoluteError: 0, correct: 0 };
  const pairs: { predicted: number; late: boolean }[] = [];
  let invoices = 0;
  const score = (
    method: MethodName,
    predictedDay: number,
    predictedLate: boolean,
    actualDay: number,
    late: boolean,
  ) => {
    const tally = tallies[method];
    if (!tally) return;
    tally.absoluteError += Math.abs(predictedDay - actualDay);
    if (predictedLate === late) tally.correct += 1;
  };
  for (const cutoff of cutoffs) {
    const model = trainModel(records, cutoff, options);
    const means = customerMeans(records, cutoff);
    // Only invoices a payment settled later have a known answer; others cannot be scored.
    const scored = openAt(records, cutoff).filter((r) => r.settledByPayment && r.settledOn !== null);
    if (forestOptions) {
      const forestDays = predictWithForest(trainForest(records, cutoff, forestOptions, options), scored);
      scored.forEach((record, index) => {
        const day = forestDays[index] ?? 0;
        const dueDay = toDayNumber(record.dueDate);
        const actualDay = toDayNumber(record.settledOn as IsoDate);
        score('forest', day, day > dueDay, actualDay, actualDay > dueDay);
      });
    }
    for (const record of scored) {
      if (record.settledOn === null) continue;
      const actualDay = toDayNumber(record.settledOn);
      const dueDay = toDayNumber(record.dueDate);
      const late = actualDay > dueDay;
      const prediction = predictInvoice(model, record, record.amountMinor);
      score(
        'model',
        toDayNumber(prediction.predictedDate),
        prediction.probabilityLate >= 0.5,
        actualDay,
        late,
      );
      score('dueDate', dueDay, false, actualDay, late);
      const meanDelay = means.byCustomer.get(record.customerCode) ?? means.all;
      score('customerMeanDelay', Math.round(dueDay + meanDelay), meanDelay > 0, actualDay, late);
      pairs.push({ predicted: prediction.probabilityLate, late });
      invoices += 1;
    }
  }
  const methods = (Object.entries(tallies) as [MethodName, Tally][]).map(([method, tally]) => ({
    method,
    maeDays: invoices ? Math.round((tally.absoluteError / invoices) * 100) / 100 : 0,
    lateAccuracy: invoices ? round3(tally.correct / invoices) : 0,
  }));
  const brier = pairs.reduce((sum, p) => sum + (p.predicted - (p.late ? 1 : 0)) ** 2, 0);
  return {
    from,
    to,
    cutoffs,
    invoices,
    methods,
    calibration: calibrationOf(pairs),
    brierScore: invoices ? round3(brier / invoices) : 0,
  };
}
