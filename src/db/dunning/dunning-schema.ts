/** Row types of the dunning tables (migration 0008), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LatePaymentRatesTable {
  semester: string;
  ecb_rate_bps: number;
  legal_interest_rate_bps: number | null;
  source: string;
  updated_at: Timestamp;
  updated_by: Generated<string>;
}

export interface DunningSettingsTable {
  company_id: string;
  legal_name: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  siren: string | null;
  vat_number: string | null;
  phone: string | null;
  email: string | null;
  iban: string | null;
  bic: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  rate_mode: Generated<string>;
  time_zone: Generated<string>;
  /** Migration 0069: the daily job proposes its run for approval instead of sending. */
  review_before_sending: Generated<boolean>;
  updated_at: Timestamp;
  updated_by: string;
}

export interface DunningPoliciesTable {
  company_id: string;
  policy_code: string;
  version: number;
  effective_from: string;
  scope_kind: string;
  scope_value: string | null;
  currency: string;
  formal_notice_lead_days: number;
  minimum_days_between_steps: number;
  promise_grace_days: number;
  step_dates: Generated<string>;
  /** Issue 12's escalation settings (migration 0077); null: on, as every version saved before. */
  account_floor: boolean | null;
  catch_up_by_age: boolean | null;
  steps: Json<unknown[]>;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningTemplatesTable {
  company_id: string;
  template_code: string;
  channel: string;
  lang: string;
  version: number;
  subject: Generated<string>;
  body: string;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningCustomerTermsTable {
  company_id: string;
  customer_code: string;
  paused_until: string | null;
  pause_reason: string | null;
  interest_clause: Generated<string>;
  interest_rate_bps: number | null;
  updated_at: Timestamp;
  updated_by: string;
}

export interface DunningRunsTable {
  company_id: string;
  run_id: Generated<number>;
  as_of: string;
  planned_actions: number;
  sent_actions: number;
  skipped_items: number;
  tasks_created: number;
  batch_letter_id: number | null;
  /** The print batch's parts in order (migration 0038); the first is `batch_letter_id`. */
  batch_letter_ids: ColumnType<(number | string)[], number[] | undefined, number[]>;
  /** The customers the run was limited to (migration 0076); null: the whole portfolio. */
  customer_codes: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningLettersTable {
  company_id: string;
  letter_id: Generated<number>;
  filename: string;
  /** null until rendered from `render_job` (migration 0028). */
  content: Buffer | null;
  render_job: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface DunningActionsTable {
  company_id: string;
  action_id: Generated<number>;
  run_id: number | null;
  customer_code: string;
  action_date: string;
  policy_code: string;
  policy_version: number;
  step_code: string;
  step_kind: string;
  level: number;
  channel: string;
  lang: string;
  currency: string;
  open_total_minor: number;
  interest_total_minor: number;
  indemnity_total_minor: number;
  credits_minor: number;
  total_due_minor: number;
  interest_incomplete: Generated<boolean>;
  status: string;
  origin: string;
  outbox_id: number | null;
  letter_id: number | null;
  sms_text: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningActionItemsTable {
  company_id: string;
  action_id: number;
  document_id: number;
  document_ref: string;
  due_date: string;
  open_minor: number;
  days_late: number;
  from_level: number;
  level: number;
  step_code: string;
  step_kind: string;
  interest_status: string;
  interest_minor: Generated<number>;
  indemnity_minor: Generated<number>;
}

export interface DunningDisputesTable {
  company_id: string;
  dispute_id: Generated<number>;
  customer_code: string;
  document_id: number;
  document_ref: string;
  reason: string;
  department: string;
  amount_minor: number;
  currency: string;
  note: Generated<string>;
  opened_on: string;
  respond_by: string | null;
  status: Generated<string>;
  resolution: string | null;
  resolution_note: string | null;
  resolved_on: string | null;
  opened_by: string;
  resolved_by: string | null;
  created_at: Timestamp;
}

export interface DunningPromisesTable {
  company_id: string;
  promise_id: Generated<number>;
  customer_code: string;
  made_on: string;
  currency: string;
  note: Generated<string>;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningPromiseInstalmentsTable {
  company_id: string;
  promise_id: number;
  position: number;
  due_date: string;
  amount_minor: number;
}

export interface DunningPromiseInvoicesTable {
  company_id: string;
  promise_id: number;
  document_id: number;
}

export interface DunningCallTasksTable {
  company_id: string;
  task_id: Generated<number>;
  customer_code: string;
  kind: string;
  action_id: number | null;
  promise_id: number | null;
  due_date: string;
  assigned_to: string | null;
  status: Generated<string>;
  outcome: string | null;
  note: Generated<string>;
  done_on: string | null;
  done_by: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface DunningInvoicePausesTable {
  company_id: string;
  pause_id: Generated<number>;
  customer_code: string;
  document_id: number;
  document_ref: string;
  reason: string;
  paused_on: string;
  paused_until: string;
  created_at: Timestamp;
  created_by: string;
  lifted_on: string | null;
  lifted_by: string | null;
}

/** The dunning tables, merged into the Database interface. */
export interface DunningTables {
  late_payment_rates: LatePaymentRatesTable;
  dunning_settings: DunningSettingsTable;
  dunning_policies: DunningPoliciesTable;
  dunning_templates: DunningTemplatesTable;
  dunning_customer_terms: DunningCustomerTermsTable;
  dunning_runs: DunningRunsTable;
  dunning_letters: DunningLettersTable;
  dunning_actions: DunningActionsTable;
  dunning_action_items: DunningActionItemsTable;
  dunning_disputes: DunningDisputesTable;
  dunning_promises: DunningPromisesTable;
  dunning_promise_instalments: DunningPromiseInstalmentsTable;
  dunning_promise_invoices: DunningPromiseInvoicesTable;
  dunning_call_tasks: DunningCallTasksTable;
  dunning_invoice_pauses: DunningInvoicePausesTable;
}
