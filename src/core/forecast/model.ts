/**
 * The payment-date model: each customer's amount-weighted delay after the due date, shrunk
 * toward its segment (customer type) by empirical Bayes, plus the empirical distribution of the
 * residuals for the quantiles and probabilities. Trained as of a cut-off from the invoices whose
 * payment had settled them by then, and nothing else: no leakage from later payments.
 */
import { daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import type { InvoiceRecord } from './types.ts';

export interface ModelOptions {
  /** Recency weighting: a settlement this many days before the cut-off weighs half. */
  halfLifeDays: number;
  /** Bounds of the prior strength K (shrinkage weight of a customer = n / (n + K)). */
  minPriorStrength: number;
  maxPriorStrength: number;
  /** Settlements within this many days of the cut-off make the "recent" delay of the trend. */
  trendWindowDays: number;
  /**
   * Scale the residuals by each customer's own spread (shrunk toward the pooled spread with this
   * many pseudo-invoices); 0 keeps one pooled residual distribution for everyone.
   */
  spreadPriorCount: number;
  /**
   * Also learn from the invoices still open and overdue at the cut-off, with the delay they have
   * reached so far (a lower bound): without them, the recent history holds only the fast payments
   * of the latest invoices, the slow ones being still unpaid (right-censoring).
   */
  censoredOverdue: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  halfLifeDays: 180,
  minPriorStrength: 1,
  maxPriorStrength: 50,
  trendWindowDays: 90,
  spreadPriorCount: 2,
  censoredOverdue: false,
};

export interface CustomerHabit {
  segment: string;
  settledInvoices: number;
  /** Amount- and recency-weighted mean delay after the due date of its own history, days. */
  ownDelayDays: number;
  /** Mean delay of the settlements inside the trend window, or null when there are none. */
  recentDelayDays: number | null;
  meanAmountMinor: number;
  /** Weight of its own history in the blend, in [0, 1]. */
  ownWeight: number;
  /** The shrunk estimate the prediction starts from. */
  delayDays: number;
  /** Scale of its residuals (days): its own spread shrunk toward the pooled one; 1 when unscaled. */
  spreadDays: number;
}

export interface TrainedModel {
  cutoff: IsoDate;
  options: ModelOptions;
  globalDelayDays: number;
  segments: ReadonlyMap<string, { delayDays: number; settledInvoices: number }>;
  customers: ReadonlyMap<string, CustomerHabit>;
  priorStrength: number;
  /** Scale of the residuals of a customer without history (pooled spread; 1 when unscaled). */
  pooledSpreadDays: number;
  /**
   * 101 quantiles (0 %, 1 %, … 100 %) of the residuals (delay − predicted delay) divided by their
   * customer's spread: a payment date is predicted delay + spread × quantile.
   */
  residualQuantiles: readonly number[];
}

/** Invoices a customer had paid by the cut-off: the only ones the model may learn from. */
export function settledBy(records: readonly InvoiceRecord[], cutoff: IsoDate): InvoiceRecord[] {
  return records.filter((r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= cutoff);
}

/**
 * The model at the cut-off from a list of invoices in document order: the fold of model-fold.ts
 * over them (the weekly job folds the history as it reads it instead, several cut-offs at once).
 */
export function trainModel(
  records: readonly InvoiceRecord[],
  cutoff: IsoDate,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): TrainedModel {
  const fold = startModelFold([cutoff], options);
  for (const record of records) addToModelFold(fold, record);
  return finishModel(fold, cutoff);
}

/** The delay the model expects of a customer (its segment's, or everyone's, when it has no history). */
export function expectedDelayDays(model: TrainedModel, customerCode: string, segment: string): number {
  return (
    model.customers.get(customerCode)?.delayDays ??
    model.segments.get(segment)?.delayDays ??
    model.globalDelayDays
  );
}

export function spreadDaysOf(model: TrainedModel, customerCode: string): number {
  return model.customers.get(customerCode)?.spreadDays ?? model.pooledSpreadDays;
}

export function termsDays(record: Pick<InvoiceRecord, 'issueDate' | 'dueDate'>): number {
  return daysBetween(record.issueDate, record.dueDate);
}
