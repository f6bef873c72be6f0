/**
 * The payment-date model: each customer's amount-weighted delay after the due date, shrunk
 * toward its segment (customer type) by empirical Bayes, plus the empirical distribution of the
 * residuals for the quantiles and probabilities. Trained as of a cut-off from the invoices whose
 * payment had settled them by then, and nothing else: no leakage from later payments.
 */
import { daysBetween, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
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

interface Observation {
  customerCode: string;
  segment: string;
  delayDays: number;
  weight: number;
  amountMinor: number;
  recent: boolean;
}

/** Invoices a customer had paid by the cut-off: the only ones the model may learn from. */
export function settledBy(records: readonly InvoiceRecord[], cutoff: IsoDate): InvoiceRecord[] {
  return records.filter((r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= cutoff);
}

function observe(records: readonly InvoiceRecord[], cutoff: IsoDate, options: ModelOptions): Observation[] {
  const cutoffDay = toDayNumber(cutoff);
  const censored = options.censoredOverdue
    ? records
        .filter(
          (r) =>
            r.issueDate <= cutoff && r.dueDate < cutoff && (r.settledOn === null || r.settledOn > cutoff),
        )
        .map((r) => ({
          customerCode: r.customerCode,
          segment: r.customerType,
          delayDays: cutoffDay - toDayNumber(r.dueDate),
          weight: r.amountMinor,
          amountMinor: r.amountMinor,
          recent: true,
        }))
    : [];
  const settled = settledBy(records, cutoff).map((r) => {
    const settledDay = toDayNumber(r.settledOn as IsoDate);
    const age = cutoffDay - settledDay;
    return {
      customerCode: r.customerCode,
      segment: r.customerType,
      delayDays: settledDay - toDayNumber(r.dueDate),
      weight: r.amountMinor * 0.5 ** (age / options.halfLifeDays),
      amountMinor: r.amountMinor,
      recent: age <= options.trendWindowDays,
    };
  });
  return [...settled, ...censored];
}

function weightedMean(items: readonly Observation[]): number {
  let sum = 0;
  let weight = 0;
  for (const item of items) {
    sum += item.delayDays * item.weight;
    weight += item.weight;
  }
  return weight > 0 ? sum / weight : 0;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * Method of moments: K = σ² / τ², σ² the spread of invoices around their customer's mean, τ² the
 * spread of customers' means around their segment's beyond what σ² alone explains. Customers
 * that differ a lot from their segment get a small K (their own history wins quickly).
 */
function priorStrength(
  byCustomer: Map<string, Observation[]>,
  own: Map<string, number>,
  segments: Map<string, { delayDays: number }>,
  options: ModelOptions,
): number {
  let within = 0;
  let count = 0;
  let between = 0;
  let noise = 0;
  let customers = 0;
  for (const [code, items] of byCustomer) {
    const mean = own.get(code) ?? 0;
    for (const item of items) within += (item.delayDays - mean) ** 2;
    count += items.length;
  }
  const sigma2 = count > byCustomer.size ? within / (count - byCustomer.size) : 0;
  for (const [code, items] of byCustomer) {
    const segment = segments.get(items[0]?.segment ?? '')?.delayDays ?? 0;
    between += ((own.get(code) ?? 0) - segment) ** 2;
    noise += sigma2 / items.length;
    customers += 1;
  }
  const tau2 = customers > 0 ? Math.max((between - noise) / customers, 1e-6) : 1e-6;
  const strength = sigma2 > 0 ? sigma2 / tau2 : options.minPriorStrength;
  return Math.min(options.maxPriorStrength, Math.max(options.minPriorStrength, strength));
}

function quantiles(values: Float64Array, count: number): number[] {
  if (values.length === 0) return Array.from({ length: count }, () => 0);
  // A typed array sorts numerically without a comparator call per pair (millions of residuals).
  const sorted = values.sort();
  return Array.from({ length: count }, (_, i) => {
    const position = (i / (count - 1)) * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.ceil(position);
    const a = sorted[low] ?? 0;
    const b = sorted[high] ?? a;
    return a + (b - a) * (position - low);
  });
}

export function trainModel(
  records: readonly InvoiceRecord[],
  cutoff: IsoDate,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
): TrainedModel {
  const observations = observe(records, cutoff, options);
  const globalDelayDays = weightedMean(observations);
  const segments = new Map<string, { delayDays: number; settledInvoices: number }>();
  for (const [segment, items] of groupBy(observations, (o) => o.segment))
    segments.set(segment, { delayDays: weightedMean(items), settledInvoices: items.length });
  const byCustomer = groupBy(observations, (o) => o.customerCode);
  const own = new Map([...byCustomer].map(([code, items]) => [code, weightedMean(items)]));
  const strength = priorStrength(byCustomer, own, segments, options);
  const customers = new Map<string, CustomerHabit>();
  for (const [code, items] of byCustomer) {
    const segment = items[0]?.segment ?? '';
    const recent = items.filter((o) => o.recent);
    const ownDelayDays = own.get(code) ?? 0;
    const ownWeight = items.length / (items.length + strength);
    const segmentDelay = segments.get(segment)?.delayDays ?? globalDelayDays;
    customers.set(code, {
      segment,
      settledInvoices: items.length,
      ownDelayDays,
      recentDelayDays: recent.length > 0 ? weightedMean(recent) : null,
      meanAmountMinor: items.reduce((sum, o) => sum + o.amountMinor, 0) / items.length,
      ownWeight,
      delayDays: ownWeight * ownDelayDays + (1 - ownWeight) * segmentDelay,
      spreadDays: 1,
    });
  }
  const pooledSpreadDays = scaleSpreads(byCustomer, customers, options.spreadPriorCount);
  // Every observation's customer has a habit. Filled customer by customer (no lookup per
  // observation): the quantiles sort them, so the order they are written in does not matter.
  const residuals = new Float64Array(observations.length);
  let filled = 0;
  for (const [code, items] of byCustomer) {
    const habit = customers.get(code);
    const delay = habit?.delayDays ?? globalDelayDays;
    const spread = habit?.spreadDays ?? 1;
    for (const item of items) residuals[filled++] = (item.delayDays - delay) / spread;
  }
  return {
    cutoff,
    options,
    globalDelayDays,
    segments,
    customers,
    priorStrength: strength,
    pooledSpreadDays,
    residualQuantiles: quantiles(residuals, 101),
  };
}

/**
 * A punctual customer who always pays on the day should get a narrow distribution and an erratic
 * one a wide one: each customer's root-mean-square residual, shrunk toward the pooled one.
 * Returns the pooled spread (1 when scaling is off).
 */
function scaleSpreads(
  byCustomer: Map<string, Observation[]>,
  customers: Map<string, CustomerHabit>,
  priorCount: number,
): number {
  if (priorCount <= 0) return 1;
  let total = 0;
  let count = 0;
  for (const [code, items] of byCustomer) {
    const delay = customers.get(code)?.delayDays ?? 0;
    for (const item of items) total += (item.delayDays - delay) ** 2;
    count += items.length;
  }
  const pooled = count > 0 ? total / count : 1;
  for (const [code, items] of byCustomer) {
    const habit = customers.get(code);
    if (!habit) continue;
    const own = items.reduce((sum, item) => sum + (item.delayDays - habit.delayDays) ** 2, 0);
    // At least one day, so that a perfectly regular payer still gets a distribution.
    habit.spreadDays = Math.max(1, Math.sqrt((own + priorCount * pooled) / (items.length + priorCount)));
  }
  return Math.max(1, Math.sqrt(pooled));
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
