/** Row types of the cash tables (migrations 0009, 0019, 0034), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface BankAccountsTable {
  company_id: string;
  account_id: Generated<number>;
  account_key: string;
  iban: string | null;
  other_id: string | null;
  currency: string | null;
  name: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface BankStatementsTable {
  company_id: string;
  statement_id: Generated<number>;
  account_id: number;
  format: string;
  statement_ref: string;
  message_id: string | null;
  from_date: string | null;
  to_date: string | null;
  opening_minor: number | null;
  closing_minor: number | null;
  currency: string | null;
  file_name: string;
  file_sha256: string;
  transaction_count: number;
  imported_at: Timestamp;
  imported_by: string;
}

export interface BankTransactionsTable {
  company_id: string;
  transaction_id: Generated<number>;
  account_id: number;
  statement_id: number;
  tx_key: string;
  entry_index: number;
  detail_index: Generated<number>;
  booking_date: string;
  value_date: string | null;
  amount_minor: number;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  end_to_end_id: string | null;
  bank_ref: string | null;
  creditor_ref: string | null;
  remittance: string | null;
  label: string | null;
  bank_tx_code: string | null;
  cheque_number: string | null;
  return_reason: string | null;
  direction: string;
  status: Generated<string>;
  customer_code: string | null;
  payment_document_id: number | null;
  bounced_document_id: number | null;
  created_at: Timestamp;
}

export interface CashPayersTable {
  company_id: string;
  payer_kind: string;
  payer_value: string;
  customer_code: string;
  confirmations: Generated<number>;
  last_confirmed_on: string;
  taught_by: string;
}

export interface CashReferenceHabitsTable {
  company_id: string;
  customer_code: string;
  habit: string;
  confirmations: Generated<number>;
}

export interface CashSuggestionsTable {
  company_id: string;
  transaction_id: number;
  rank: number;
  customer_code: string;
  confidence: number;
  proposal: Json<unknown>;
  evidence: Json<unknown>;
  created_at: Timestamp;
}

export interface CashDecisionsTable {
  company_id: string;
  decision_id: Generated<number>;
  transaction_id: number;
  decision: string;
  customer_code: string | null;
  confidence: number | null;
  proposal: Json<unknown> | null;
  evidence: Json<unknown> | null;
  payment_document_id: number | null;
  allocation_ids: ColumnType<number[], number[] | undefined, number[]>;
  decided_at: Timestamp;
  decided_by: string;
}

export interface CashSettingsTable {
  company_id: string;
  auto_threshold: Generated<number>;
  write_off_tolerance_minor: Generated<number>;
  bounce_fee_minor: number | null;
  updated_at: Timestamp;
  updated_by: string;
}

export interface CashApplicationsTable {
  company_id: string;
  application_id: Generated<number>;
  decision_id: number;
  transaction_id: number;
  customer_code: string;
  payment_document_id: number;
  write_off_document_id: number | null;
  amount_minor: number;
  reversed_by_decision_id: number | null;
  /** The bounced-payment document, once the payment came back (migration 0034). */
  bounced_document_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CashTables {
  bank_accounts: BankAccountsTable;
  bank_statements: BankStatementsTable;
  bank_transactions: BankTransactionsTable;
  cash_payers: CashPayersTable;
  cash_reference_habits: CashReferenceHabitsTable;
  cash_suggestions: CashSuggestionsTable;
  cash_decisions: CashDecisionsTable;
  cash_settings: CashSettingsTable;
  cash_applications: CashApplicationsTable;
}
