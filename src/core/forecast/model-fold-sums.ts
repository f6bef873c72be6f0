/**
 * What the habits model's fold (model-fold.ts) keeps: the running sums at each cut-off, laid out per
 * customer in flat arrays, and each customer's counts of delays. model-finish.ts and the effects and
 * trends read them; model-fold.ts adds the invoices to them.
 */
import type { IsoDate } from '../types.ts';
import type { WeekendDueCounts } from './bank-days.ts';
import type { ModelOptions } from './model.ts';

/**
 * Per customer at one cut-off: paid invoices (count, Σ delay·weight, Σ weight, the same for the
 * recent ones, Σ amount, Σ weight of the disputed ones, Σ weight of the electronic ones).
 */
export const PAID = 9;
/** Per customer at one cut-off: invoices open and overdue then (count, Σ delay·amount, Σ amount). */
export const OPEN = 3;

export interface Sums {
  count: number;
  weighted: number;
  weight: number;
}

export interface CutoffSums {
  cutoff: IsoDate;
  day: number;
  paid: Float64Array;
  /** Only with `censoredOverdue`. */
  open: Float64Array | null;
  /** Only with `trend`: per customer, the sums of model-trend.ts (TREND of them). */
  trend: Float64Array | null;
  /** Only with `trend` and `pooledTrend`: per customer, the portfolio's sums (portfolio-trend.ts). */
  portfolio: Float64Array | null;
  /** Customers (indexes) in the order of their first paid invoice, then of their first open one. */
  paidOrder: number[];
  openOrder: number[];
  company: Sums;
  companyOpen: Sums;
  segments: Map<string, Sums>;
  segmentsOpen: Map<string, Sums>;
  /** The paid invoices a dispute was raised on before their payment: the company's, and Σ weight by segment. */
  companyDisputed: Sums;
  segmentsDisputedWeight: Map<string, number>;
  /**
   * The paid invoices sent electronically (`InvoiceRecord.electronic`): the company's, Σ weight of
   * those also disputed (so that the dispute effect is measured net of the channel's), and Σ weight
   * by segment.
   */
  companyElectronic: Sums;
  companyDisputedElectronicWeight: number;
  segmentsElectronicWeight: Map<string, number>;
  /** The paid invoices settled on a weekend, on a weekday public holiday, and the first one's day (bank-days.ts). */
  paidOnWeekends: number;
  paidOnHolidays: number;
  firstSettledDay: number;
  /** The paid invoices due at a weekend settled on the Friday before and on the Monday after (bank-days.ts). */
  weekendDue: WeekendDueCounts;
}

export interface ModelFold {
  options: ModelOptions;
  /** Ascending. */
  cutoffs: CutoffSums[];
  customerIndex: Map<string, number>;
  codes: string[];
  segmentOf: string[];
  /**
   * Each customer's delays as pairs [key, count, …], key = delay × tags + tag (tags = 5 × cut-offs):
   * tag k < cut-offs for an invoice paid by cut-off k (and so by every later one), cut-offs + k for
   * one open and overdue at cut-off k (`censoredOverdue` or `censoredTail`), 2 × cut-offs + k for a
   * disputed one paid by cut-off k, 3 × cut-offs + k for an electronic one, 4 × cut-offs + k for
   * one both disputed and electronic.
   */
  delays: number[][];
  capacity: number;
}

export const emptySums = (): Sums => ({ count: 0, weighted: 0, weight: 0 });

/** Tags of a delay's key (see ModelFold.delays). */
export const tagsOf = (fold: Pick<ModelFold, 'cutoffs'>) => 5 * fold.cutoffs.length;

/** A paid invoice as a cut-off's sums count it (model-fold.ts, and model-trend.ts for its trend). */
export interface PaidAs {
  delay: number;
  settledDay: number;
  dueDay: number;
  disputed: boolean;
  electronic: boolean;
}
