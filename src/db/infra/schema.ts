/**
 * Row types of the tables, as node-postgres returns them with our type parsers
 * (int8 → number, date → 'YYYY-MM-DD' string). Kept apart from the domain types of
 * src/core/types.ts: the mapping between both lives in the query files.
 */
import type { ColumnType, Generated } from 'kysely';
import type { AuditSignalTables } from '../audit-signals/audit-signal-schema.ts';
import type { CashTables } from '../cash/cash-schema.ts';
import type { CreditTables } from '../credit/credit-schema.ts';
import type { DunningTables } from '../dunning/dunning-schema.ts';
import type { ForecastTables } from '../forecast/forecast-schema.ts';
import type { JobSchedulesTable, JobsTable } from '../jobs/job-schema.ts';
import type { FactoringTables } from '../legal/factoring-schema.ts';
import type { HandoverTables } from '../legal/handover-schema.ts';
import type { LegalTables } from '../legal/legal-schema.ts';
import type { MailOutboxAttachmentsTable, MailOutboxTable } from '../mail/outbox-schema.ts';
import type { PromotionTables } from '../promotions/promotion-schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A nullable column a writer may leave out (added by a later migration). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface CompaniesTable {
  company_id: string;
  name: string;
  currency: Generated<string>;
  reference_date: string | null;
  siren: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: Generated<string>;
  /** Legal mentions of the company's letters (migration 0065); a writer may leave them out. */
  legal_form: ColumnType<string | null, string | null | undefined, string | null>;
  share_capital_minor: ColumnType<number | null, number | null | undefined, number | null>;
  rcs_city: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface CustomersTable {
  company_id: string;
  code: string;
  name: string;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  customer_type: Generated<string>;
  group_code: string | null;
  salesperson: string | null;
  payment_terms: Generated<string>;
  currency: Generated<string>;
  credit_limit_minor: number | null;
  billing_email: string | null;
  contacts: Json<unknown[]>;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: Generated<string>;
  language: Generated<string>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Who created the customer (migration 0014; null before it). */
  created_by: Optional<string>;
}

export interface DocumentsTable {
  company_id: string;
  document_id: Generated<number>;
  kind: string;
  source: string;
  external_ref: string;
  customer_code: string;
  issue_date: string;
  due_date: string;
  value_date: string | null;
  amount_minor: number;
  currency: string;
  label: string | null;
  created_at: Timestamp;
  /** Who created the document, and the promotion it was sold under (migration 0014). */
  created_by: Optional<string>;
  promotion_code: Optional<string>;
  /** How an invoice was sent, 'paper' or 'electronic'; null when not known (migration 0056). */
  channel: Optional<string>;
}

export interface AllocationsTable {
  company_id: string;
  allocation_id: Generated<number>;
  debit_document_id: number;
  credit_document_id: number;
  amount_minor: number;
  allocation_date: string;
  reverses_allocation_id: number | null;
  source: Generated<string>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface OrdersTable {
  company_id: string;
  order_number: string;
  customer_code: string;
  order_date: string;
  amount_minor: number;
  currency: string;
  status: Generated<string>;
  updated_at: Timestamp;
}

export interface CustomerEventsTable {
  company_id: string;
  event_id: Generated<number>;
  customer_code: string;
  kind: string;
  event_date: string;
  document_ref: string | null;
  detail: Generated<string>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface UsersTable {
  company_id: string;
  email: string;
  name: string;
  role: string;
  salesperson: string | null;
  password_hash: string | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  company_id: string;
  audit_id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface ImportRunsTable {
  company_id: string;
  import_id: Generated<number>;
  entity: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  inserted: number;
  updated: number;
  unchanged: number;
  actor: string;
  at: Timestamp;
}

export interface Database
  extends CreditTables,
    DunningTables,
    ForecastTables,
    CashTables,
    LegalTables,
    HandoverTables,
    FactoringTables,
    PromotionTables,
    AuditSignalTables {
  companies: CompaniesTable;
  customers: CustomersTable;
  documents: DocumentsTable;
  allocations: AllocationsTable;
  orders: OrdersTable;
  customer_events: CustomerEventsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  import_runs: ImportRunsTable;
  mail_outbox: MailOutboxTable;
  mail_outbox_attachments: MailOutboxAttachmentsTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
}
