/**
 * Back-test over time-ordered cut-offs: at each month end the model is trained on what was known
 * then and predicts the invoices open then and paid later; two naive baselines predict the same
 * invoices in the same run. No random split: the future never trains the past.
 */
import { addMonths, endOfMonth, startOfMonth, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import {
  addCoverage,
  COVERAGE_HORIZON_DAYS,
  type CoverageRow,
  type CoverageTallies,
  coverageRows,
  dayOrNull,
  emptyCoverage,
  paidDayOf,
  shareWithin,
} from './backtest-coverage.ts';
import {
  addEvaluation,
  type BacktestWeights,
  backtestWeights,
  emptyLongLate,
  type LongLateTally,
} from './backtest-long-late.ts';
import {
  accuracyOf,
  brierOf,
  type CalibrationBin,
  calibrationOf,
  emptyTally,
  type MethodName,
  type MethodScore,
  round3,
  type ScoredPair,
  scoreOf,
  type Tally,
} from './backtest-scores.ts';
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

export type { CoverageBucket, CoverageRow } from './backtest-coverage.ts';
export type { CalibrationBin, MethodName, MethodScore } from './backtest-scores.ts';

export interface BacktestResult extends BacktestWeights {
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
  lateBaseRate: number | null;
  methods: MethodScore[];
  calibration: CalibrationBin[];
  /** Brier score of the model's P(late) (lower is better). */
  brierScore: number | null;
  /** The same model's P(late) before recalibration, on the same invoices: what the map changed. */
  uncalibrated: { lateAccuracy: number | null; brierScore: number | null; calibration: CalibrationBin[] };
  /** Outcomes are known up to this date (the end of the data read): the coverage's censoring date. */
  censoredOn: IsoDate;
  /** Every invoice open at the cut-offs, paid later or never, by age at the cut-off, then all. */
  coverage: CoverageRow[];
}

export interface BacktestOptions {
  /** Disputes, promises and reminders, each read at every cut-off as known then. */
  events?: readonly InvoiceEvent[];
  forecast?: ForecastOptions;
  /** The learned challenger (a random forest) joins the run when given: it takes much longer. */
  forest?: ForestOptions | undefined;
  /** Outcomes known up to this date; default: the latest issue or settlement date of the records. */
  censoredOn?: IsoDate | undefined;
}

/**
 * The default range: the 12 month ends before the as-of date. The as-of date itself is left out
 * even when it is a month end: nothing open then is settled yet, it would score no invoice.
 */
export function defaultBacktestRange(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = endOfMonth(addMonths(startOfMonth(asOf), -1));
  return { from: startOfMonth(addMonths(to, -11)), to };
}

function dataEndOf(records: readonly InvoiceRecord[], to: IsoDate): IsoDate {
  let end = to;
  for (const r of records) {
    if (r.issueDate > end) end = r.issueDate;
    if (r.settledOn !== null && r.settledOn > end) end = r.settledOn;
  }
  return end;
}

/** Month ends from `from` to `to` (inclusive), the cut-offs of the replay. */
export function monthlyCutoffs(from: IsoDate, to: IsoDate): IsoDate[] {
  const cutoffs: IsoDate[] = [];
  for (let month = endOfMonth(from); month <= to; month = endOfMonth(addMonths(month, 1)))
    cutoffs.push(month);
  return cutoffs;
}

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
  coverage: CoverageTallies;
  longLate: LongLateTally;
  censorDay: number;
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
  // Only invoices a payment settled later have a known date to score; every open one counts in the coverage.
  const open = openAt(records, cutoff);
  const scored = open.filter(isScored);
  scoreForest(replay, cutoff, scored);
  replay.invoicesByCutoff.push(scored.length);
  const cutoffDay = toDayNumber(cutoff);
  for (const record of open) {
    const prediction = predictWith(forecaster, record, record.amountMinor);
    const dueDay = toDayNumber(record.dueDate);
    // No payment expected (a claim under insolvency proceedings): no date to hold it to.
    const expected = prediction.paymentExpected !== false;
    addCoverage(
      replay.coverage,
      {
        daysPastDue: cutoffDay - dueDay,
        p50Day: expected ? dayOrNull(prediction.predictedDate) : null,
        p90Day: expected ? dayOrNull(prediction.p90Date) : null,
        probabilityWithinHorizon: expected
          ? shareWithin(prediction.candidateDays, cutoffDay, COVERAGE_HORIZON_DAYS)
          : 0,
        paidDay: paidDayOf(record, replay.censorDay),
        cutoffDay,
      },
      replay.censorDay,
    );
    if (!isScored(record)) continue;
    const actualDay = toDayNumber(record.settledOn as IsoDate);
    const late = actualDay > dueDay;
    const predictedDay = toDayNumber(prediction.predictedDate);
    score(replay, 'model', { day: predictedDay, late: prediction.probabilityLate >= 0.5 }, actualDay, late);
    addEvaluation(replay.longLate, record.documentId, actualDay - dueDay, Math.abs(predictedDay - actualDay));
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

function isScored(record: InvoiceRecord): boolean {
  return record.settledByPayment && record.settledOn !== null;
}

export function runBacktest(
  records: readonly InvoiceRecord[],
  from: IsoDate,
  to: IsoDate,
  input: BacktestOptions = {},
): BacktestResult {
  const censoredOn = input.censoredOn ?? dataEndOf(records, to);
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
    coverage: emptyCoverage(),
    longLate: emptyLongLate(),
    censorDay: toDayNumber(censoredOn),
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
    ...backtestWeights(replay.longLate, replay.tallies.model?.absoluteError ?? 0),
    lateBaseRate: invoices ? round3(lateInvoices / invoices) : null,
    methods,
    calibration: calibrationOf(pairs),
    brierScore: brierOf(pairs),
    uncalibrated: {
      lateAccuracy: accuracyOf(rawPairs),
      brierScore: brierOf(rawPairs),
      calibration: calibrationOf(rawPairs),
    },
    censoredOn,
    coverage: coverageRows(replay.coverage),
  };
}
