/** Row types of the credit tables (migration 0007), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface CreditConfigurationsTable {
  company_id: string;
  kind: string;
  version: string;
  effective_from: string;
  body: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}

export interface CreditCustomerProfilesTable {
  company_id: string;
  customer_code: string;
  sector_risk: string | null;
  creation_date: string | null;
  legal_form: string | null;
  legal_incidents: number | null;
  external_grade: string | null;
  external_grade_source: string | null;
  external_grade_date: string | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CreditBalanceSheetsTable {
  company_id: string;
  customer_code: string;
  fiscal_year_end: string;
  currency: string;
  total_assets_minor: number;
  equity_minor: number;
  total_debts_minor: number;
  turnover_minor: number;
  value_added_minor: number;
  gross_operating_profit_minor: number;
  permanent_capital_minor: number;
  cash_minor: number;
  receivables_minor: number;
  financial_charges_minor: number;
  staff_costs_minor: number;
  net_result_minor: number;
  source: Generated<string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface CreditScoresTable {
  company_id: string;
  score_id: Generated<number>;
  customer_code: string;
  as_of: string;
  status: string;
  /** numeric(4,1): a string from the driver, read as float8 by the queries. */
  score: string | number | null;
  risk_class: string | null;
  method_version: string;
  explanation: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}

export interface CreditInsurerCoversTable {
  company_id: string;
  cover_id: Generated<number>;
  customer_code: string;
  insurer: string;
  status: string;
  requested_minor: number | null;
  granted_minor: Generated<number>;
  currency: string;
  insured_share_bps: number;
  effective_from: string | null;
  expires_on: string | null;
  reference: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CreditLimitRequestsTable {
  company_id: string;
  request_id: Generated<number>;
  customer_code: string;
  requested_minor: number;
  currency: string;
  kind: Generated<string>;
  expires_on: string | null;
  justification: string;
  order_ref: string | null;
  status: Generated<string>;
  required_role: string;
  risk_class: string | null;
  due_at: Timestamp;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_comment: string | null;
  /** Migration 0016: reminders of a request past its due time. */
  reminders: Generated<number>;
  last_reminded_at: NullableTimestamp;
}

export interface CreditLimitHistoryTable {
  company_id: string;
  entry_id: Generated<number>;
  customer_code: string;
  kind: string;
  amount_minor: number | null;
  previous_minor: number | null;
  currency: string;
  valid_from: string;
  expires_on: string | null;
  reason: string;
  request_id: number | null;
  created_by: string;
  created_at: Timestamp;
}

export interface CreditOrderDecisionsTable {
  company_id: string;
  order_ref: string;
  idempotency_key: string | null;
  customer_code: string;
  amount_minor: number;
  currency: string;
  payment: string;
  decision: string;
  status: string;
  reasons: Json<unknown>;
  waived: Json<unknown>;
  figures: Json<unknown>;
  approver_role: string | null;
  rules_version: string;
  checked_by: string;
  checked_at: Timestamp;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  resolution_comment: string | null;
}

export interface CreditTables {
  credit_configurations: CreditConfigurationsTable;
  credit_customer_profiles: CreditCustomerProfilesTable;
  credit_balance_sheets: CreditBalanceSheetsTable;
  credit_scores: CreditScoresTable;
  credit_insurer_covers: CreditInsurerCoversTable;
  credit_limit_requests: CreditLimitRequestsTable;
  credit_limit_history: CreditLimitHistoryTable;
  credit_order_decisions: CreditOrderDecisionsTable;
  credit_rescore_queue: CreditRescoreQueueTable;
  credit_webhook_secrets: CreditWebhookSecretsTable;
  credit_webhook_deliveries: CreditWebhookDeliveriesTable;
}

/** Migration 0016: customers to re-score, and the signed order-check webhook. */
export interface CreditRescoreQueueTable {
  company_id: string;
  customer_code: string;
  reason: string;
  requested_at: Timestamp;
}

export interface CreditWebhookSecretsTable {
  company_id: string;
  secret: string;
  created_by: string;
  created_at: Timestamp;
}

export interface CreditWebhookDeliveriesTable {
  company_id: string;
  signature: string;
  signed_at: Timestamp;
  received_at: Timestamp;
}
