/**
 * The plain facts internal-audit signals are detected on, read from the ledger for one period
 * (src/db/audit-signals/audit-facts.ts): who created which credit note, write-off, customer,
 * refund, order or limit, who applied which payment and receipt, which bank details changed and
 * which payer usually pays for which customer.
 */
import type { CurrencyCode, ImportOrigin, IsoDate } from '../types.ts';

export interface CreditFact {
  documentRef: string;
  kind: 'credit_note' | 'write_off';
  customerCode: string;
  issueDate: IsoDate;
  /** Absolute amount (credits are stored negative). */
  amountMinor: number;
  currency: CurrencyCode;
  createdBy: string | null;
  /** The import that wrote it (a file, or the demo load), when one did: then no one entered it here. */
  importOrigin?: ImportOrigin | null | undefined;
}

export interface CustomerCreation {
  customerCode: string;
  createdBy: string;
  createdOn: IsoDate;
}

export interface PaymentApplication {
  paymentRef: string;
  invoiceRef: string;
  customerCode: string;
  appliedBy: string;
  appliedOn: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
}

export interface BankDetailChange {
  customerCode: string;
  changedOn: IsoDate;
  changedBy: string;
}

export interface RefundFact {
  documentRef: string;
  customerCode: string;
  issueDate: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  createdBy: string | null;
}

/** An order (created = checked, released = resolved) or a limit (requested, decided). */
export interface DutyFact {
  kind: 'order' | 'limit';
  ref: string;
  customerCode: string;
  date: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  createdBy: string;
  /** Who approved or released it; null while nobody has. */
  decidedBy: string | null;
}

export interface ReceiptApplication {
  transactionRef: string;
  payer: string;
  customerCode: string;
  bookingDate: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  appliedBy: string;
  /** Customers this payer paid for before, with their confirmed receipts. */
  payerHistory: readonly { customerCode: string; confirmations: number }[];
}

export interface AuditFacts {
  credits: readonly CreditFact[];
  customerCreations: readonly CustomerCreation[];
  paymentApplications: readonly PaymentApplication[];
  bankDetailChanges: readonly BankDetailChange[];
  refunds: readonly RefundFact[];
  duties: readonly DutyFact[];
  receipts: readonly ReceiptApplication[];
}
