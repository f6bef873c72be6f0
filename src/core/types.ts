/**
 * Domain records shared by the core, the importers, the demo generator and the use cases.
 * Money is always integer minor units (`…Minor`) next to an ISO 4217 currency code;
 * business dates are 'YYYY-MM-DD' strings.
 */

export type IsoDate = string;
export type CurrencyCode = string;

export const CUSTOMER_TYPES = [
  'large_retail',
  'wholesaler',
  'independent_retailer',
  'sme',
  'public_body',
  'export',
  'other',
] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_STATUSES = [
  'active',
  'blocked',
  'safeguard',
  'receivership',
  'liquidation',
  'closed',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  postalCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string;
}

export interface Contact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface Customer {
  code: string;
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  customerType: CustomerType;
  /** Code of the parent / group customer, if any. */
  groupCode: string | null;
  salesperson: string | null;
  /** Payment terms in the canonical form of `payment-terms.ts` (e.g. "net:30", "eom:45"). */
  paymentTerms: string;
  currency: CurrencyCode;
  /** null = no credit limit set (which is itself a finding). */
  creditLimitMinor: number | null;
  billingEmail: string | null;
  contacts: Contact[];
  address: PostalAddress;
  /** ISO 639-1, "fr" by default. */
  language: string;
  status: CustomerStatus;
}

export const DOCUMENT_KINDS = [
  'invoice',
  'credit_note',
  'payment',
  'bounced_payment',
  'write_off',
  'adjustment',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A ledger document. `amountMinor` is signed from the company's point of view:
 * debits (invoice, bounced payment, debit adjustment) are positive, credits
 * (credit note, payment, write-off, credit adjustment) are negative.
 */
export interface LedgerDocument {
  kind: DocumentKind;
  /** Where the record comes from ("csv", "fec", "demo", "manual"…); with externalRef, unique per company. */
  source: string;
  externalRef: string;
  customerCode: string;
  issueDate: IsoDate;
  /** Due date for debits; for credits, the date they become usable (= issue date). */
  dueDate: IsoDate;
  /** Bank value date of a payment, when known. */
  valueDate: IsoDate | null;
  amountMinor: number;
  currency: CurrencyCode;
  /** Free label (invoice subject, payment method…). */
  label: string | null;
  /** Invoices: how the invoice was sent, when the import file said (migration 0056). */
  channel?: 'paper' | 'electronic' | null;
}

/**
 * Matching (lettrage) of a credit document against a debit document. Append-only:
 * a reversal is a new allocation with a negative amount pointing to the one it cancels.
 */
export interface Allocation {
  debitRef: string;
  creditRef: string;
  amountMinor: number;
  allocationDate: IsoDate;
}

export const ORDER_STATUSES = ['pending', 'blocked', 'released', 'invoiced', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Order {
  number: string;
  customerCode: string;
  orderDate: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  status: OrderStatus;
}

export const EVENT_KINDS = [
  'note',
  'reminder',
  'call',
  'promise',
  'dispute',
  'insolvency',
  'limit_change',
  'bounced_payment',
] as const;
export type CustomerEventKind = (typeof EVENT_KINDS)[number];

/**
 * A value of a story line's message, kept as data so the line is worded in the reader's language
 * when it is read: a string (a reference, a name, a note typed by a person, a select's choice) or
 * a number (a count, an id) as is; money, dates, figures (null: none, shown as a dash), codes of
 * a catalogue domain and nested messages tagged by their shape.
 */
export type StoryParam =
  | string
  | number
  | { minor: number; currency: string }
  | { date: IsoDate }
  | { figure: number | null; decimals: number }
  | { domain: string; code: string }
  | StoryMessage;

/** A catalogue message (`src/text/messages`) and its parameters. */
export interface StoryMessage {
  key: string;
  params: { readonly [name: string]: StoryParam };
}

/**
 * What brought a stored row in when it came with an import rather than from a decision made in
 * Encours: a file (its import run: the file's name and who imported it, a colleague's e-mail or
 * 'cli'), or the load of a whole data set (the demo company) in the transaction that created the
 * company. Read from the row's creation instant (src/db/imports/import-origin.ts); null otherwise.
 */
export type ImportOrigin = { kind: 'import'; fileName: string; actor: string } | { kind: 'load' };

/** Something that happened in a customer's story (the 360° timeline). */
export interface CustomerEvent {
  customerCode: string;
  kind: CustomerEventKind;
  eventDate: IsoDate;
  /** Related document, e.g. the disputed invoice. */
  documentRef: string | null;
  /** The line in French: the message worded in French, or the free text of an imported line. */
  detail: string;
  /** What Encours said, worded in the reader's language when read; absent on imported lines. */
  message?: StoryMessage | null | undefined;
}

/** The auditor reads everything and writes nothing (src/http/auth-roles.ts drops it from every write). */
export const ROLES = ['admin', 'credit_manager', 'collector', 'salesperson', 'director', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Where a message of the mail outbox stands (worded by src/text: mailStatus.*). */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What the audit log records, and on what (worded by src/text: domains auditAction, auditEntity). */
export const AUDIT_ACTIONS = [
  'customer.update',
  'customer.note',
  'user.create',
  'api_token.create',
  'api_token.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ENTITIES = ['customer', 'user', 'api_token'] as const;
