/** Row types of the legal tables (migrations 0010, 0015, 0074), listed in the Database of infra/schema.ts. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LegalAnnouncementsTable {
  company_id: string;
  announcement_id: string;
  customer_code: string;
  siren: string;
  family: string;
  procedure: string | null;
  judgment_kind: string | null;
  judgment_date: string | null;
  publication_date: string;
  court: string | null;
  nature: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface LegalClaimsTable {
  company_id: string;
  claim_id: Generated<number>;
  customer_code: string;
  /** Null for a claim prepared from the customer's status or story (migration 0074). */
  announcement_id: string | null;
  procedure: string;
  judgment_date: string;
  /** Null when unknown: the deadline is then estimated from the judgment date. */
  publication_date: string | null;
  deadline: string;
  currency: string;
  principal_minor: number;
  interest_minor: number;
  secured: boolean;
  interest_status: string;
  items: Json<unknown>;
  status: Generated<string>;
  mandataire: string | null;
  mandataire_address: string | null;
  declared_on: string | null;
  declared_by: string | null;
  created_at: Timestamp;
  created_by: string;
}

export interface LegalCompanyDataTable {
  company_id: string;
  customer_code: string;
  siren: string;
  legal_name: string;
  legal_form_code: string | null;
  creation_date: string | null;
  naf_code: string | null;
  headcount_band: string | null;
  administrative_status: string;
  closing_date: string | null;
  head_office: Json<unknown>;
  establishments_count: number | null;
  open_establishments_count: number | null;
  fetched_at: Timestamp;
  updated_by: string;
}

export interface WriteOffProposalsTable {
  company_id: string;
  proposal_id: Generated<number>;
  customer_code: string;
  currency: string;
  amount_minor: number;
  reason_code: string;
  reason: string;
  proposal_date: string;
  items: Json<unknown>;
  vat_rate_bps: number | null;
  risk_class: string | null;
  required_role: string;
  status: Generated<string>;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  write_off_document_id: number | null;
}

export interface ProvisionSettingsTable {
  company_id: string;
  rates: Json<unknown>;
  updated_at: Timestamp;
  updated_by: string;
}

export interface LegalTables {
  /** Migration 0015. */
  write_off_proposals: WriteOffProposalsTable;
  provision_settings: ProvisionSettingsTable;
  legal_announcements: LegalAnnouncementsTable;
  legal_claims: LegalClaimsTable;
  legal_company_data: LegalCompanyDataTable;
}
