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
}

/** What the collection team knew about one invoice at the cut-off (customer events dated ≤ it). */
export interface InvoiceSignals {
  disputeRecorded?: boolean;
  /** Latest promise of payment date, if any. */
  promisedDate?: IsoDate | undefined;
  remindersSent?: number;
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
  | 'promise'
  | 'reminders_sent';

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
  /** Probabilities in [0, 1], rounded to 3 decimals. */
  probabilityLate: number;
  probabilityOver30: number;
  probabilityOver60: number;
  /** Predicted delay after the due date (days) before conditioning on the cut-off. */
  expectedDelayDays: number;
  reasons: PredictionReason[];
  /** Day numbers of the equally likely payment dates (the distribution the figures summarise). */
  candidateDays: readonly number[];
}
