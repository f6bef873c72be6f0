/** Row types of the factoring tables (migration 0021), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface FactoringContractsTable {
  company_id: string;
  contract_id: Generated<number>;
  code: string;
  version: number;
  effective_from: string;
  factor_name: string;
  factor_iban: string | null;
  factor_bic: string | null;
  currency: string;
  with_recourse: boolean;
  recourse_days: number;
  advance_rate_bps: number;
  commission_bps: number;
  min_commission_minor: number;
  financing_rate_bps: number;
  day_count_basis: number;
  collection_delay_days: number;
  reserve_rate_bps: number;
  fee_per_invoice_minor: number;
  fee_per_batch_minor: number;
  fees_vat_rate_bps: number;
  factor_collects: boolean;
  rule: Json<unknown>;
  created_at: Timestamp;
  created_by: string;
}

export interface FactoringBatchesTable {
  company_id: string;
  batch_id: Generated<number>;
  contract_id: number;
  contract_code: string;
  batch_date: string;
  financing_date: string;
  currency: string;
  invoice_count: number;
  gross_minor: number;
  reserve_minor: number;
  advance_minor: number;
  commission_minor: number;
  fees_minor: number;
  fees_vat_minor: number;
  interest_minor: number;
  net_funds_minor: number;
  exclusions: Json<unknown>;
  created_at: Timestamp;
  created_by: string;
}

export interface FactoringItemsTable {
  company_id: string;
  batch_id: number;
  document_id: number;
  document_ref: string;
  customer_code: string;
  due_date: string;
  amount_minor: number;
  reserve_minor: number;
  advance_minor: number;
  commission_minor: number;
  interest_days: number;
  interest_minor: number;
  closed_on: string | null;
  closed_as: string | null;
  payment_document_id: number | null;
}

export interface FactoringMovementsTable {
  company_id: string;
  movement_id: Generated<number>;
  contract_code: string;
  batch_id: number | null;
  document_id: number | null;
  kind: string;
  movement_date: string;
  reference: string;
  amount_minor: number;
  currency: string;
  created_at: Timestamp;
  created_by: string;
}

export interface FactoringTables {
  factoring_contracts: FactoringContractsTable;
  factoring_batches: FactoringBatchesTable;
  factoring_items: FactoringItemsTable;
  factoring_movements: FactoringMovementsTable;
}
