/** Plain records the payment-date model learns from and predicts on. Dates are 'YYYY-MM-DD'. */
import type { IsoDate } from '../types.ts';

export interface InvoiceRecord {
  documentId: number;
  customerCode: string;
  /** The segment: customer type (large_retail, wholesaler, …). */
  customerType: string;
  documentRef: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  currency: string;
  /**
   * Date of the allocation that brought the open amount to zero (reversed allocations left out),
   * or null while it is open. `settledByPayment` is false when a credit note or a write-off, not
   * the customer paying, closed it: such an invoice says nothing of the customer's habits.
   */
  settledOn: IsoDate | null;
  settledByPayment: boolean;
  /**
   * Sent electronically (true) or on paper (false), known from its issue; null or absent when the
   * invoices file did not say (the model then learns from it as from a paper one, and predicts it
   * with its customer's electronic share of the channel effect: model.ts `electronicShareOf`).
   */
  electronic?: boolean | null;
}

/**
 * Something the collection team recorded about one invoice, dated by when it became known: the
 * signals at a cut-off are read from the events dated on or before it, and nothing later.
 */
export interface InvoiceEvent {
  documentId: number;
  kind: 'dispute_opened' | 'dispute_resolved' | 'promise' | 'reminder';
  date: IsoDate;
  /** promise: the date the customer promised to pay by (its last instalment). */
  promisedDate?: IsoDate | undefined;
  /** reminder: the dunning level reached (1 = first reminder), when it was recorded. */
  level?: number | undefined;
}

/** What the collection team knew about one invoice at the cut-off (events dated ≤ it). */
export interface InvoiceSignals {
  /** The dispute still open at the cut-off was raised on this date. */
  disputeOpenedOn?: IsoDate | undefined;
  /** Latest promise made by the cut-off: the date promised, and when it was made. */
  promisedDate?: IsoDate | undefined;
  promiseMadeOn?: IsoDate | undefined;
  remindersSent?: number | undefined;
  /** Highest dunning level reached; the number of reminders when no level was recorded. */
  reminderLevel?: number | undefined;
  lastReminderOn?: IsoDate | undefined;
}

export type ReasonCode =
  | 'customer_history'
  | 'segment_behaviour'
  | 'no_history'
  | 'trend_slower'
  | 'trend_faster'
  | 'already_overdue'
  | 'large_invoice'
  | 'payment_terms'
  | 'dispute'
  | 'channel'
  | 'seasonality'
  | 'promise'
  | 'reminders_sent'
  | 'insolvency_proceedings'
  | 'long_overdue'
  | 'no_payment_expected';

/** A reason is a code and the figures that back it; the words come from the catalogue. */
export interface PredictionReason {
  code: ReasonCode;
  figures: Record<string, number | string>;
}

export interface InvoicePrediction {
  documentId: number;
  customerCode: string;
  documentRef: string;
  dueDate: IsoDate;
  openMinor: number;
  currency: string;
  /** Median of the predicted payment date distribution. */
  predictedDate: IsoDate;
  p10Date: IsoDate;
  p90Date: IsoDate;
  /**
   * true: the P90 is at or after the horizon, a year after the cut-off, where the dates of the share
   * of invoices as old never seen paid are laid (age-terms.ts `BEYOND_HISTORY_DAYS`): it is where the
   * calculation stops, not the end of a range — one chance in ten or more of no payment before it.
   * Absent: the P90 is a date within the horizon.
   */
  p90AtHorizon?: boolean;
  /** Probabilities in [0, 1], rounded to 3 decimals. */
  probabilityLate: number;
  probabilityOver30: number;
  probabilityOver60: number;
  /** Predicted delay after the due date (days) before conditioning on the cut-off. */
  expectedDelayDays: number;
  reasons: PredictionReason[];
  /** Day numbers of the equally likely payment dates (the distribution the figures summarise). */
  candidateDays: readonly number[];
  /**
   * false: no ordinary payment is expected (a claim from before its customer's insolvency
   * judgment, proceedings.ts; or an invoice so old that most invoices as old stayed unpaid a year
   * on, predict.ts, its first reason 'no_payment_expected'): the dates are not a forecast, and the
   * collection forecast leaves the invoice out. Absent: expected.
   */
  paymentExpected?: boolean;
}
