/**
 * Back-test over time-ordered cut-offs: at each month end the model is trained on what was known
 * then and predicts the invoices open then and paid later; two naive baselines predict the same
 * invoices in the same run. No random split: the future never trains the past.
 */
import { addMonths, endOfMonth, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { PastPrediction } from './calibration.ts';
import {
  DEFAULT_FORECAST_OPTIONS,
  type ForecastOptions,
  pastPredictions,
  predictWith,
  trainForecaster,
} from './forecaster.ts';
import { type ForestOptions, predictWithForest, trainForest } from './forest.ts';
import { settledBy } from './model.ts';
import { openAt } from './predict.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

export type MethodName = 'model' | 'dueDate' | 'customerMeanDelay' | 'forest';

export interface MethodScore {
  method: MethodName;
  maeDays: number;
  lateAccuracy: number;
  /**
   * The mean of the share of late invoices called late and of on-time ones called on time: when
   * most invoices are paid late, « always late » scores a high accuracy but only 0.5 here.
   */
  balancedAccuracy: number;
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
  /** Invoices scored at each cut-off (same order): a cut-off at the latest date has no outcome yet. */
  invoicesByCutoff: number[];
  /**
   * Share of the scored invoices paid late: the late accuracy of a constant « always late », the
   * figure a late accuracy has to be read against.
   */
  lateBaseRate: number;
  methods: MethodScore[];
  calibration: CalibrationBin[];
  /** Brier score of the model's P(late) (lower is better). */
  brierScore: number;
  /** The same model's P(late) before recalibration, on the same invoices: what the map changed. */
  uncalibrated: { lateAccuracy: number; brierScore: number; calibration: CalibrationBin[] };
}

export interface BacktestOptions {
  /** Disputes, promises and reminders, each read at every cut-off as known then. */
  events?: readonly InvoiceEvent[];
  forecast?: ForecastOptions;
  /** The learned challenger (a random forest) joins the run when given: it takes much longer. */
  forest?: ForestOptions | undefined;
}

interface ScoredPair {
  predicted: number;
  late: boolean;
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
  /** Late invoices called late, on-time ones called on time (the balanced accuracy's parts). */
  lateCalledLate: number;
  onTimeCalledOnTime: number;
}

const emptyTally = (): Tally => ({ absoluteError: 0, correct: 0, lateCalledLate: 0, onTimeCalledOnTime: 0 });

/** Each customer's mean delay over its invoices paid by the cut-off (the mean-delay baseline), and the company's. */
export function customerMeans(
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

function calibrationOf(pairs: readonly ScoredPair[]): CalibrationBin[] {
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

function brierOf(pairs: readonly ScoredPair[]): number {
  const total = pairs.reduce((sum, p) => sum + (p.predicted - (p.late ? 1 : 0)) ** 2, 0);
  return pairs.length ? round3(total / pairs.length) : 0;
}

function accuracyOf(pairs: readonly ScoredPair[]): number {
  const correct = pairs.filter((p) => p.predicted >= 0.5 === p.late).length;
  return pairs.length ? round3(correct / pairs.length) : 0;
}

/** One replay: the inputs, and the tallies filled cut-off after cut-off. */
interface Replay {
  records: readonly InvoiceRecord[];
  events: readonly InvoiceEvent[];
  options: ForecastOptions;
  forest: ForestOptions | undefined;
  tallies: Partial<Record<MethodName, Tally>>;
  pairs: ScoredPair[];
  rawPairs: ScoredPair[];
  invoices: number;
  lateInvoices: number;
  invoicesByCutoff: number[];
  /** A month end's uncalibrated predictions serve the recalibration of the cut-offs after it. */
  past: Map<IsoDate, PastPrediction[]>;
}

function score(
  replay: Replay,
  method: MethodName,
  predicted: { day: number; late: boolean },
  actualDay: number,
  late: boolean,
): void {
  const tally = replay.tallies[method];
  if (!tally) return;
  tally.absoluteError += Math.abs(predicted.day - actualDay);
  if (predicted.late !== late) return;
  tally.correct += 1;
  if (late) tally.lateCalledLate += 1;
  else tally.onTimeCalledOnTime += 1;
}

function scoreForest(replay: Replay, cutoff: IsoDate, scored: readonly InvoiceRecord[]): void {
  if (!replay.forest) return;
  const model = trainForest(replay.records, cutoff, replay.forest, replay.options.model);
  const forestDays = predictWithForest(model, scored);
  scored.forEach((record, index) => {
    const day = forestDays[index] ?? 0;
    const dueDay = toDayNumber(record.dueDate);
    const actualDay = toDayNumber(record.settledOn as IsoDate);
    score(replay, 'forest', { day, late: day > dueDay }, actualDay, actualDay > dueDay);
  });
}

function scoreCutoff(replay: Replay, cutoff: IsoDate): void {
  const { records, events, options, past } = replay;
  const pastAt = (monthEnd: IsoDate) => {
    const cached = past.get(monthEnd) ?? pastPredictions(records, events, monthEnd, options);
    past.set(monthEnd, cached);
    return cached;
  };
  const forecaster = trainForecaster(records, events, cutoff, options, pastAt);
  const uncalibrated = { ...forecaster, terms: { ...forecaster.terms, calibration: null } };
  const means = customerMeans(records, cutoff);
  // Only invoices a payment settled later have a known answer; others cannot be scored.
  const scored = openAt(records, cutoff).filter((r) => r.settledByPayment && r.settledOn !== null);
  scoreForest(replay, cutoff, scored);
  replay.invoicesByCutoff.push(scored.length);
  for (const record of scored) {
    const actualDay = toDayNumber(record.settledOn as IsoDate);
    const dueDay = toDayNumber(record.dueDate);
    const late = actualDay > dueDay;
    const prediction = predictWith(forecaster, record, record.amountMinor);
    const predictedDay = toDayNumber(prediction.predictedDate);
    score(replay, 'model', { day: predictedDay, late: prediction.probabilityLate >= 0.5 }, actualDay, late);
    score(replay, 'dueDate', { day: dueDay, late: false }, actualDay, late);
    const meanDelay = means.byCustomer.get(record.customerCode) ?? means.all;
    score(
      replay,
      'customerMeanDelay',
      { day: Math.round(dueDay + meanDelay), late: meanDelay > 0 },
      actualDay,
      late,
    );
    replay.pairs.push({ predicted: prediction.probabilityLate, late });
    const raw = predictWith(uncalibrated, record, record.amountMinor).probabilityLate;
    replay.rawPairs.push({ predicted: raw, late });
    replay.invoices += 1;
    if (late) replay.lateInvoices += 1;
  }
}

function scoreOf(method: MethodName, tally: Tally, invoices: number, lateInvoices: number): MethodScore {
  const onTime = invoices - lateInvoices;
  // With only one class scored, the balanced accuracy is that class's recall.
  const recalls = [
    ...(lateInvoices > 0 ? [tally.lateCalledLate / lateInvoices] : []),
    ...(onTime > 0 ? [tally.onTimeCalledOnTime / onTime] : []),
  ];
  return {
    method,
    maeDays: invoices ? Math.round((tally.absoluteError / invoices) * 100) / 100 : 0,
    lateAccuracy: invoices ? round3(tally.correct / invoices) : 0,
    balancedAccuracy: recalls.length ? round3(recalls.reduce((a, b) => a + b, 0) / recalls.length) : 0,
  };
}

export function runBacktest(
  records: readonly InvoiceRecord[],
  from: IsoDate,
  to: IsoDate,
  input: BacktestOptions = {},
): BacktestResult {
  const replay: Replay = {
    records,
    events: input.events ?? [],
    options: input.forecast ?? DEFAULT_FORECAST_OPTIONS,
    forest: input.forest,
    tallies: {
      model: emptyTally(),
      dueDate: emptyTally(),
      customerMeanDelay: emptyTally(),
      ...(input.forest ? { forest: emptyTally() } : {}),
    },
    pairs: [],
    rawPairs: [],
    invoices: 0,
    lateInvoices: 0,
    invoicesByCutoff: [],
    past: new Map(),
  };
  const cutoffs = monthlyCutoffs(from, to);
  for (const cutoff of cutoffs) scoreCutoff(replay, cutoff);
  const { invoices, lateInvoices, pairs, rawPairs } = replay;
  const methods = (Object.entries(replay.tallies) as [MethodName, Tally][]).map(([method, tally]) =>
    scoreOf(method, tally, invoices, lateInvoices),
  );
  return {
    from,
    to,
    cutoffs,
    invoices,
    invoicesByCutoff: replay.invoicesByCutoff,
    lateBaseRate: invoices ? round3(lateInvoices / invoices) : 0,
    methods,
    calibration: calibrationOf(pairs),
    brierScore: brierOf(pairs),
    uncalibrated: {
      lateAccuracy: accuracyOf(rawPairs),
      brierScore: brierOf(rawPairs),
      calibration: calibrationOf(rawPairs),
    },
  };
}
