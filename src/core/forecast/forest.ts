/**
 * The learned challenger of the back-test: a random forest of regression trees (ml-random-forest)
 * predicting in how many days an invoice open at a cut-off will be paid, from what was known then. It is
 * trained, for a cut-off C, on the invoices open at earlier cut-offs C − 3 … C − 8 months and paid
 * by C, each described as of its own earlier cut-off: the features and the answer were both known
 * at C, so the future never trains the past. Its seed is fixed: the same data gives the same trees.
 */
import { RandomForestRegression } from 'ml-random-forest';
import { addMonths, endOfMonth, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { TrainedModel } from './model.ts';
import {
  DEFAULT_MODEL_OPTIONS,
  expectedDelayDays,
  type ModelOptions,
  termsDays,
  trainModel,
} from './model.ts';
import { openAt } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

export interface ForestOptions {
  trees: number;
  maxDepth: number;
  minLeafSamples: number;
  /** Training cut-offs: month ends from `firstLagMonths` to `lastLagMonths` before the cut-off. */
  firstLagMonths: number;
  lastLagMonths: number;
  /** At most this many training rows (the most recent kept): bounds time and memory. */
  maxTrainingRows: number;
  seed: number;
}

/**
 * ml-cart tries every distinct value of a feature as a split and re-partitions the rows for each
 * (quadratic in the rows of a node): 2,000 rows keep a year's back-test to minutes.
 */
export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
  trees: 30,
  maxDepth: 8,
  minLeafSamples: 10,
  firstLagMonths: 3,
  lastLagMonths: 8,
  maxTrainingRows: 2000,
  seed: 20260630,
};

/** The feature names, in the order of `featuresOf`'s vector (written in BENCHMARKS.md). */
export const FOREST_FEATURES = [
  'shrunk_delay',
  'own_delay',
  'recent_delay',
  'settled_invoices_log',
  'own_weight',
  'spread',
  'amount_ratio_log',
  'terms_days',
  'days_overdue_at_cutoff',
  'due_month',
  'segment_delay',
] as const;

/** One invoice described with what the shrinkage model trained at `model.cutoff` knew. */
export function featuresOf(model: TrainedModel, record: InvoiceRecord): number[] {
  const habit = model.customers.get(record.customerCode);
  const segmentDelay = model.segments.get(record.customerType)?.delayDays ?? model.globalDelayDays;
  const shrunk = expectedDelayDays(
    model,
    record.customerCode,
    record.customerType,
    toDayNumber(record.dueDate),
  );
  const own = habit?.ownDelayDays ?? segmentDelay;
  return [
    shrunk,
    own,
    habit?.recentDelayDays ?? own,
    Math.log1p(habit?.settledInvoices ?? 0),
    habit?.ownWeight ?? 0,
    habit?.spreadDays ?? model.pooledSpreadDays,
    habit && habit.meanAmountMinor > 0 ? Math.log(record.amountMinor / habit.meanAmountMinor) : 0,
    termsDays(record),
    toDayNumber(model.cutoff) - toDayNumber(record.dueDate),
    Number(record.dueDate.slice(5, 7)),
    segmentDelay,
  ];
}

/**
 * The answer learned: days from the cut-off to the payment. Learning the delay after the due date
 * instead left the forest blind to the cut-off — an invoice already late was predicted paid
 * "tomorrow" and missed by weeks (MAE 39 days on the demo's year against 13.6 for the habits model).
 */
function daysToPaymentAfter(record: InvoiceRecord, cutoff: IsoDate): number {
  return toDayNumber(record.settledOn as IsoDate) - toDayNumber(cutoff);
}

export interface TrainedForest {
  cutoff: IsoDate;
  /** The shrinkage model at the cut-off, whose habits describe the invoices to predict. */
  habits: TrainedModel;
  forest: RandomForestRegression | null;
  trainingRows: number;
}

export function trainForest(
  records: readonly InvoiceRecord[],
  cutoff: IsoDate,
  options: ForestOptions = DEFAULT_FOREST_OPTIONS,
  modelOptions: ModelOptions = DEFAULT_MODEL_OPTIONS,
): TrainedForest {
  const rows: number[][] = [];
  const answers: number[] = [];
  for (let lag = options.lastLagMonths; lag >= options.firstLagMonths; lag -= 1) {
    const past = endOfMonth(addMonths(cutoff, -lag));
    const pastModel = trainModel(records, past, modelOptions);
    for (const record of openAt(records, past)) {
      if (!record.settledByPayment || record.settledOn === null || record.settledOn > cutoff) continue;
      rows.push(featuresOf(pastModel, record));
      answers.push(daysToPaymentAfter(record, past));
    }
  }
  const keep = Math.max(0, rows.length - options.maxTrainingRows);
  const habits = trainModel(records, cutoff, modelOptions);
  if (rows.length - keep < options.minLeafSamples * 2)
    return { cutoff, habits, forest: null, trainingRows: rows.length - keep };
  const forest = new RandomForestRegression({
    nEstimators: options.trees,
    maxFeatures: 0.7,
    replacement: true,
    useSampleBagging: true,
    noOOB: true,
    seed: options.seed,
    // ml-cart splits a regression node only when the split's squared error is above
    // `gainThreshold` (0 by default), so below the root a split that separates the answers
    // perfectly (error 0) was never made: a negative threshold lets it through.
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: options.minLeafSamples, gainThreshold: -1 },
  });
  forest.train(rows.slice(keep), answers.slice(keep));
  return { cutoff, habits, forest, trainingRows: rows.length - keep };
}

/**
 * Predicted payment day numbers of invoices open at the forest's cut-off; an invoice cannot be
 * paid before the day after the cut-off. Without a forest (too little history) the shrinkage
 * model's expected delay stands in.
 */
export function predictWithForest(trained: TrainedForest, records: readonly InvoiceRecord[]): number[] {
  if (records.length === 0) return [];
  const cutoffDay = toDayNumber(trained.cutoff);
  if (!trained.forest)
    return records.map((r) =>
      Math.max(
        cutoffDay + 1,
        Math.round(
          toDayNumber(r.dueDate) +
            expectedDelayDays(trained.habits, r.customerCode, r.customerType, toDayNumber(r.dueDate)),
        ),
      ),
    );
  const days = trained.forest.predict(records.map((record) => featuresOf(trained.habits, record)));
  return records.map((_record, index) => cutoffDay + Math.max(1, Math.round(days[index] ?? 1)));
}
