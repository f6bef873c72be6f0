/** Row types of the hand-over and insurance-claim tables (migration 0020), listed in infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LegalPartnersTable {
  company_id: string;
  partner_id: Generated<number>;
  name: string;
  kind: string;
  email: string | null;
  address_lines: Json<string[]>;
  amicable_commission_bps: number;
  judicial_commission_bps: number;
  file_fee_minor: number;
  judicial_fee_minor: number;
  currency: string;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface LegalFilesTable {
  company_id: string;
  file_id: Generated<number>;
  customer_code: string;
  partner_id: number;
  handed_over_on: string;
  scope: string;
  currency: string;
  partner_reference: string | null;
  amicable_commission_bps: number;
  judicial_commission_bps: number;
  file_fee_minor: number;
  judicial_fee_minor: number;
  pieces_provided: Json<string[]>;
  note: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface LegalFileInvoicesTable {
  company_id: string;
  file_id: number;
  document_id: number;
  document_ref: string;
  due_date: string;
  handed_minor: number;
  interest_minor: number;
  indemnity_minor: number;
}

export interface LegalFileStepsTable {
  company_id: string;
  step_id: Generated<number>;
  file_id: number;
  step_code: string;
  step_date: string;
  recovered_minor: number;
  costs_minor: number;
  partner_outstanding_minor: number | null;
  note: string | null;
  source: string;
  report_key: string;
  created_at: Timestamp;
  created_by: string;
}

export interface InsurancePoliciesTable {
  company_id: string;
  policy_id: Generated<number>;
  insurer: string;
  policy_number: string | null;
  threatened_loss_days: number;
  waiting_days: number;
  warning_days: number;
  created_at: Timestamp;
  created_by: string;
}

export interface InsuranceClaimsTable {
  company_id: string;
  claim_id: Generated<number>;
  customer_code: string;
  insurer: string;
  policy_id: number;
  cover_id: number | null;
  declared_on: string;
  currency: string;
  items: Json<unknown>;
  outstanding_minor: number;
  granted_minor: number;
  insured_share_bps: number;
  insured_minor: number;
  indemnity_expected_on: string;
  status: Generated<string>;
  indemnity_minor: number | null;
  indemnity_received_on: string | null;
  status_note: string | null;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface HandoverTables {
  /** Migration 0020. */
  legal_partners: LegalPartnersTable;
  legal_files: LegalFilesTable;
  legal_file_invoices: LegalFileInvoicesTable;
  legal_file_steps: LegalFileStepsTable;
  insurance_policies: InsurancePoliciesTable;
  insurance_claims: InsuranceClaimsTable;
}
