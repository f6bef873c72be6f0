/**
 * Shapes of the demo data set "SA CB2C" and of the per-customer simulation parameters.
 */
import type {
  Allocation,
  Customer,
  CustomerEvent,
  CustomerType,
  IsoDate,
  LedgerDocument,
  Order,
  Role,
} from '../core/types.ts';

export const DEMO_AS_OF: IsoDate = '2026-06-30';
/** First day of the 36 months of history. */
export const DEMO_HISTORY_START: IsoDate = '2023-07-01';
export const DEMO_DEFAULT_SEED = 20_260_630;

export const PAYER_BEHAVIOURS = ['punctual', 'slow', 'erratic', 'deteriorating'] as const;
export type PayerBehaviour = (typeof PAYER_BEHAVIOURS)[number];

export const SITUATION_KINDS = [
  'over_limit_with_pending_orders',
  'receivership',
  'dispute',
  'bounced_payment',
  'chronic_late_never_reminded',
  'salesperson_overdue_growing',
  'no_credit_limit_with_exposure',
  'dso_drift',
] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

/** What else the manifest lists: informative facts, and the situations of the credit capability. */
export const EXTRA_SITUATION_KINDS = [
  'unapplied_cash',
  'customer_group',
  'limit_request_waiting',
  'insurer_cover_expired',
  'risk_class_dropped',
] as const;
/** Every kind a manifest may list (the CLI labels each from the text catalogue). */
export const DEMO_SITUATION_KINDS = [...SITUATION_KINDS, ...EXTRA_SITUATION_KINDS] as const;
export type DemoSituationKind = (typeof DEMO_SITUATION_KINDS)[number];

export interface DemoSituation {
  kind: DemoSituationKind;
  customerCode: string;
  documentRef?: string;
  note: string;
}

/** A reversal cancels (part of) an earlier allocation of the same debit/credit pair. */
export interface AllocationReversal {
  debitRef: string;
  creditRef: string;
  /** Positive: the amount cancelled. */
  amountMinor: number;
  allocationDate: IsoDate;
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  salesperson: string | null;
}

export interface DemoDataset {
  company: {
    code: 'CB2C';
    name: 'SA CB2C';
    currency: 'EUR';
    asOf: IsoDate;
    /** Invented, like every other demo fact: the header of its documents. */
    identity: { siren: string; addressLine1: string; postalCode: string; city: string; country: string };
  };
  customers: Customer[];
  documents: LedgerDocument[];
  allocations: Allocation[];
  reversals: AllocationReversal[];
  orders: Order[];
  events: CustomerEvent[];
  users: DemoUser[];
  /** How each customer was simulated to pay — the "truth" a payment-prediction model should find. */
  behaviours: Record<string, PayerBehaviour>;
  manifest: { asOf: IsoDate; seed: number; situations: DemoSituation[] };
}

export type PaymentMethod = 'transfer' | 'cheque' | 'lcr' | 'public_mandate' | 'swift';

/** Simulation parameters of one customer; never exported in the data set itself. */
export interface CustomerProfile {
  code: string;
  customerType: CustomerType;
  salesperson: string;
  paymentTerms: string;
  behaviour: PayerBehaviour;
  invoicesPerMonth: number;
  medianInvoiceMinor: number;
  /** Day of the month on which the customer pays everything it decided to pay (grouped payment), or null. */
  paymentRunDay: number | null;
  /** Customer-specific mean delay in days after the due date (slow payers) or baseline (others). */
  meanDelayDays: number;
  /** Extra delay reached at the as-of date by the portfolio-wide deterioration (0 = unaffected). */
  driftMaxDays: number;
  /** Due date from which that extra delay starts to grow. */
  driftStart: IsoDate;
  /** Extra delay reached at the as-of date by a 'deteriorating' payer. */
  deteriorationMaxDays: number;
  deteriorationStart: IsoDate;
  firstInvoiceDate: IsoDate;
  lastInvoiceDate: IsoDate;
  /** Invoices due on or after this date are never paid (insolvency, silent default…). */
  stopPayingDueFrom: IsoDate | null;
  /** The dunning procedure was never applied to this customer. */
  neverReminded: boolean;
  /** From this date on, the customer buys `volumeBoostFactor` times more (fast-growing account). */
  volumeBoostFrom: IsoDate | null;
  volumeBoostFactor: number;
  /** Share of invoices paid by the customer in two instalments. */
  partialPaymentRate: number;
  paymentMethod: PaymentMethod;
}

/** An invoice before payments, with its final reference. */
export interface InvoiceDraft {
  ref: string;
  customerCode: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountMinor: number;
  label: string;
}
