/**
 * The payment-date model: each customer's amount-weighted delay after the due date, shrunk
 * toward its segment (customer type) by empirical Bayes, plus the empirical distribution of the
 * residuals for the quantiles and probabilities. Trained as of a cut-off from the invoices whose
 * payment had settled them by then, and nothing else: no leakage from later payments.
 */
import { daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { DueDayRoll, PaymentDays } from './bank-days.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

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
  /**
   * Learn each habit from the delays net of the dispute effect (model-finish.ts) and add the effect
   * back to an invoice whose dispute is open at the cut-off: a customer who paid late only the
   * invoices it disputed pays its next undisputed one on time.
   */
  disputeAdjusted: boolean;
  /**
   * Learn each habit from the delays net of the channel effect (model-finish.ts) and add the effect
   * back to an invoice sent electronically: a customer who moved to electronic invoices mixes a
   * slow paper past with a faster present, which its habit alone would average.
   */
  channelAdjusted: boolean;
  /**
   * Learn each customer's trend (model-trend.ts): its delay as a level plus a slope over the due
   * dates, kept only as far as it stands out of its noise, so that a customer sliding later is
   * predicted where it is heading, not at the mean of its past. Off, or absent from the options of
   * a model kept before it existed: no trend.
   */
  trend?: boolean;
  /**
   * Give every customer the portfolio's trend (model-trend.ts `pooledTrend`) as the line its own
   * departs from, and a customer with too little history to draw one the portfolio's itself.
   * Absent (a model kept before it existed): each customer's own line from 0.
   */
  pooledTrend?: boolean;
  /** The trend's recency weighting, by due date: an invoice due this many days earlier weighs half. */
  trendHalfLifeDays?: number;
  /**
   * The trend is fitted on the invoices due at least this many days before the cut-off: of those
   * due later only the fast payers have paid, the slow ones being still open (right-censoring),
   * which would bend every line down at its end.
   */
  trendCompleteDays?: number;
  /** The trend is extrapolated at most this many days of due date either side of the cut-off. */
  trendHorizonDays?: number;
  /**
   * The residuals' distribution learns from the invoices still open and overdue at the cut-off as
   * delays of at least their age (Kaplan–Meier), instead of from the paid invoices alone, whose
   * slowest ones are missing (right-censoring): its tail is where the slow payments are. Ignored
   * with `censoredOverdue` (which counts them as paid at their age). Off by default: on the demo
   * it brings the dates closer to their word (bench/forecast-coverage.ts `trend-tail` against
   * `product`), but it moves IBM's sample (MAE 4.28 → 4.29 days) and calls every pre-due invoice
   * of the demo's last week late.
   */
  censoredTail?: boolean;
  /**
   * Learn which days the company's payments land on (weekdays, business days: bank-days.ts) and
   * date the predictions on them. false: calendar days, for measuring what it brings.
   */
  bankDays?: boolean;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {
  halfLifeDays: 180,
  minPriorStrength: 1,
  maxPriorStrength: 50,
  trendWindowDays: 90,
  spreadPriorCount: 2,
  censoredOverdue: false,
  disputeAdjusted: true,
  channelAdjusted: true,
  trend: true,
  pooledTrend: true,
  trendHalfLifeDays: 60,
  trendCompleteDays: 60,
  trendHorizonDays: 60,
  censoredTail: false,
  bankDays: true,
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
  /** The shrunk estimate the prediction starts from (an undisputed paper invoice's delay), trend apart. */
  delayDays: number;
  /**
   * Its trend (model-trend.ts), weighted like its own history in the blend: the days it adds to
   * `delayDays` for an invoice due on the cut-off, and per day of due date from there (both 0
   * without one). `trendDaysAt` gives what it adds to an invoice.
   */
  trendDays: number;
  trendDaysPerDay: number;
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
  /**
   * The day number the habits' trends start from (the training cut-off; a kept model predicting
   * later keeps it) and how many days of due date either side of it they reach.
   */
  trendOriginDay: number;
  trendHorizonDays: number;
  /**
   * The portfolio's slope (days of delay per day of due date, portfolio-trend.ts) every customer's
   * line departs from; 0 without one (or in a model kept before it was learned). A habit whose
   * slope is this one has no line of its own that stands out: its reason says so.
   */
  portfolioTrendDaysPerDay: number;
  /** Scale of the residuals of a customer without history (pooled spread; 1 when unscaled). */
  pooledSpreadDays: number;
  /**
   * 101 quantiles (0 %, 1 %, … 100 %) of the residuals (delay − predicted delay) divided by their
   * customer's spread: a payment date is predicted delay + spread × quantile.
   */
  residualQuantiles: readonly number[];
  /**
   * Days the invoices disputed before their payment were paid later than the others (0 when the
   * history has none, or with `disputeAdjusted` off): added to the delay of an invoice in dispute.
   */
  disputeDelayDays: number;
  /**
   * Days the electronic invoices were paid later (negative: sooner) than the others, paper or of
   * unknown channel (0 without enough of both, or with `channelAdjusted` off): added to the delay
   * of an invoice sent electronically, its customer's share of it to one of unknown channel.
   */
  electronicDelayDays: number;
  /** Which share of the channel effect an invoice of unknown channel gets (model-effects.ts). */
  electronicShares: ElectronicShares;
  /**
   * The days the paid invoices were settled on (bank-days.ts): a predicted day, or a future sale's,
   * on any other day moves to the next one of them.
   */
  paymentDays: PaymentDays;
  /** Where a payment due on a day the company is not paid on lands (bank-days.ts). */
  dueDayRoll: DueDayRoll;
}

/**
 * The electronic share of the paid invoices' weight at the cut-off (weighted like the habits), so
 * that an invoice whose channel is unknown gets that share of the channel effect: a customer paid
 * electronically for years most likely still is. Kept only when an effect is learned (all 0 and
 * empty otherwise). `customers`: by customer of the habits, its own share (its segment's when it
 * has only open invoices), the customers absent having 0; `segments`: by segment with paid
 * invoices; `company`: for a segment without any.
 */
export interface ElectronicShares {
  company: number;
  segments: ReadonlyMap<string, number>;
  customers: ReadonlyMap<string, number>;
}

/** Invoices a customer had paid by the cut-off: the only ones the model may learn from. */
export function settledBy(records: readonly InvoiceRecord[], cutoff: IsoDate): InvoiceRecord[] {
  return records.filter((r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= cutoff);
}

/**
 * The model at the cut-off from a list of invoices in document order: the fold of model-fold.ts
 * over them (the weekly job folds the history as it reads it instead, several cut-offs at once).
 * `disputedOn`: by document, the date its first dispute was raised (see `firstDisputes`).
 */
export function trainModel(
  records: readonly InvoiceRecord[],
  cutoff: IsoDate,
  options: ModelOptions = DEFAULT_MODEL_OPTIONS,
  disputedOn: ReadonlyMap<number, IsoDate> = new Map(),
): TrainedModel {
  const fold = startModelFold([cutoff], options);
  for (const record of records) addToModelFold(fold, record, disputedOn.get(record.documentId) ?? null);
  return finishModel(fold, cutoff);
}

/** The date of the first dispute among one invoice's events (in any order), or null. */
export function firstDisputeDate(events: readonly Pick<InvoiceEvent, 'kind' | 'date'>[]): IsoDate | null {
  let first: IsoDate | null = null;
  for (const event of events)
    if (event.kind === 'dispute_opened' && (first === null || event.date < first)) first = event.date;
  return first;
}

/** By document, the date of the first dispute raised on it (the events' order does not matter). */
export function firstDisputes(
  events: readonly Pick<InvoiceEvent, 'documentId' | 'kind' | 'date'>[],
): Map<number, IsoDate> {
  const first = new Map<number, IsoDate>();
  for (const event of events) {
    if (event.kind !== 'dispute_opened') continue;
    const known = first.get(event.documentId);
    if (known === undefined || event.date < known) first.set(event.documentId, event.date);
  }
  return first;
}

/**
 * The delay the model expects of a customer's invoice due on `dueDay` (its trend included), or its
 * segment's, or everyone's, when it has no history.
 */
export function expectedDelayDays(
  model: TrainedModel,
  customerCode: string,
  segment: string,
  dueDay: number,
): number {
  const habit = model.customers.get(customerCode);
  if (habit) return habit.delayDays + trendDaysAt(model, habit, dueDay);
  return model.segments.get(segment)?.delayDays ?? model.globalDelayDays;
}

/**
 * What the customer's trend adds to its `delayDays` for an invoice due on `dueDay`: its line from
 * the cut-off, the due day taken at most the horizon away from it, so that an invoice due far ahead
 * (or long ago) is not extrapolated without end.
 */
export function trendDaysAt(
  model: Pick<TrainedModel, 'trendOriginDay' | 'trendHorizonDays'>,
  habit: Pick<CustomerHabit, 'trendDays' | 'trendDaysPerDay'>,
  dueDay: number,
): number {
  if (habit.trendDaysPerDay === 0) return 0;
  const horizon = model.trendHorizonDays;
  const offset = Math.min(horizon, Math.max(-horizon, dueDay - model.trendOriginDay));
  return habit.trendDays + habit.trendDaysPerDay * offset;
}

/**
 * The share of the channel effect an open invoice gets: all of it sent electronically, none on
 * paper, and when its channel is unknown its customer's electronic share (its segment's, or the
 * company's, without history).
 */
export function electronicShareOf(
  model: TrainedModel,
  record: Pick<InvoiceRecord, 'customerCode' | 'customerType' | 'electronic'>,
  /** Whether the model has the customer's habits, when the caller already looked them up. */
  hasHabits?: boolean,
): number {
  if (record.electronic === true) return 1;
  if (record.electronic === false) return 0;
  const shares = model.electronicShares;
  if (hasHabits ?? model.customers.has(record.customerCode))
    return shares.customers.get(record.customerCode) ?? 0;
  return shares.segments.get(record.customerType) ?? shares.company;
}

export function spreadDaysOf(model: TrainedModel, customerCode: string): number {
  return model.customers.get(customerCode)?.spreadDays ?? model.pooledSpreadDays;
}

export function termsDays(record: Pick<InvoiceRecord, 'issueDate' | 'dueDate'>): number {
  return daysBetween(record.issueDate, record.dueDate);
}
