/**
 * Dunning configuration: policy versions, the half-year rate table, the company's letter
 * settings, per-customer terms and the edited templates.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface PolicyRow {
  policyCode: string;
  version: number;
  effectiveFrom: string;
  scopeKind: string;
  scopeValue: string | null;
  currency: string;
  formalNoticeLeadDays: number;
  minimumDaysBetweenSteps: number;
  promiseGraceDays: number;
  stepDates: string;
  /** Issue 12's escalation settings (migration 0077); null: on (saved before they were stored). */
  accountFloor: boolean | null;
  catchUpByAge: boolean | null;
  steps: unknown[];
  createdAt: Date;
  createdBy: string;
}

export async function selectPolicies(db: Kysely<Database>, companyId: string): Promise<PolicyRow[]> {
  return db
    .selectFrom('dunning_policies')
    .select([
      'policy_code as policyCode',
      'version',
      'effective_from as effectiveFrom',
      'scope_kind as scopeKind',
      'scope_value as scopeValue',
      'currency',
      'formal_notice_lead_days as formalNoticeLeadDays',
      'minimum_days_between_steps as minimumDaysBetweenSteps',
      'promise_grace_days as promiseGraceDays',
      'step_dates as stepDates',
      'account_floor as accountFloor',
      'catch_up_by_age as catchUpByAge',
      'steps',
      'created_at as createdAt',
      'created_by as createdBy',
    ])
    .where('company_id', '=', companyId)
    .orderBy('policy_code')
    .orderBy('version')
    .execute();
}

export async function insertPolicy(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: Omit<PolicyRow, 'createdAt' | 'createdBy'>,
): Promise<void> {
  await db
    .insertInto('dunning_policies')
    .values({
      company_id: companyId,
      policy_code: row.policyCode,
      version: row.version,
      effective_from: row.effectiveFrom,
      scope_kind: row.scopeKind,
      scope_value: row.scopeValue,
      currency: row.currency,
      formal_notice_lead_days: row.formalNoticeLeadDays,
      minimum_days_between_steps: row.minimumDaysBetweenSteps,
      promise_grace_days: row.promiseGraceDays,
      step_dates: row.stepDates,
      account_floor: row.accountFloor,
      catch_up_by_age: row.catchUpByAge,
      steps: JSON.stringify(row.steps),
      created_by: actor,
    })
    .execute();
}

export interface RateRow {
  semester: string;
  ecbRateBps: number;
  legalInterestRateBps: number | null;
  source: string;
}

export async function selectRates(db: Kysely<Database>): Promise<RateRow[]> {
  return db
    .selectFrom('late_payment_rates')
    .select([
      'semester',
      'ecb_rate_bps as ecbRateBps',
      'legal_interest_rate_bps as legalInterestRateBps',
      'source',
    ])
    .orderBy('semester')
    .execute();
}

export async function upsertRate(db: Kysely<Database>, actor: string, row: RateRow): Promise<void> {
  await db
    .insertInto('late_payment_rates')
    .values({
      semester: row.semester,
      ecb_rate_bps: row.ecbRateBps,
      legal_interest_rate_bps: row.legalInterestRateBps,
      source: row.source,
      updated_by: actor,
    })
    .onConflict((oc) =>
      oc.column('semester').doUpdateSet({
        ecb_rate_bps: row.ecbRateBps,
        legal_interest_rate_bps: row.legalInterestRateBps,
        source: row.source,
        updated_by: actor,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export interface SettingsRow {
  legalName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  siren: string | null;
  vatNumber: string | null;
  phone: string | null;
  email: string | null;
  iban: string | null;
  bic: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  rateMode: string;
  timeZone: string;
  /** The daily job stores a proposal to approve instead of sending (migration 0069). */
  reviewBeforeSending: boolean;
}

export async function selectSettings(db: Kysely<Database>, companyId: string): Promise<SettingsRow | null> {
  const row = await db
    .selectFrom('dunning_settings')
    .select([
      'legal_name as legalName',
      'address_line1 as addressLine1',
      'address_line2 as addressLine2',
      'postal_code as postalCode',
      'city',
      'siren',
      'vat_number as vatNumber',
      'phone',
      'email',
      'iban',
      'bic',
      'signatory_name as signatoryName',
      'signatory_title as signatoryTitle',
      'rate_mode as rateMode',
      'time_zone as timeZone',
      'review_before_sending as reviewBeforeSending',
    ])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row ?? null;
}

export async function upsertSettings(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: SettingsRow,
): Promise<void> {
  const values = {
    legal_name: row.legalName,
    address_line1: row.addressLine1,
    address_line2: row.addressLine2,
    postal_code: row.postalCode,
    city: row.city,
    siren: row.siren,
    vat_number: row.vatNumber,
    phone: row.phone,
    email: row.email,
    iban: row.iban,
    bic: row.bic,
    signatory_name: row.signatoryName,
    signatory_title: row.signatoryTitle,
    rate_mode: row.rateMode,
    time_zone: row.timeZone,
    review_before_sending: row.reviewBeforeSending,
    updated_by: actor,
  };
  await db
    .insertInto('dunning_settings')
    .values({ company_id: companyId, ...values })
    .onConflict((oc) => oc.column('company_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

export interface CustomerTermsRow {
  pausedUntil: string | null;
  pauseReason: string | null;
  interestClause: string;
  interestRateBps: number | null;
}

export async function upsertCustomerTerms(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  customerCode: string,
  row: CustomerTermsRow,
): Promise<void> {
  const values = {
    paused_until: row.pausedUntil,
    pause_reason: row.pauseReason,
    interest_clause: row.interestClause,
    interest_rate_bps: row.interestRateBps,
    updated_by: actor,
  };
  await db
    .insertInto('dunning_customer_terms')
    .values({ company_id: companyId, customer_code: customerCode, ...values })
    .onConflict((oc) =>
      oc.columns(['company_id', 'customer_code']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

export interface TemplateRow {
  templateCode: string;
  channel: string;
  lang: string;
  version: number;
  subject: string;
  body: string;
  createdAt: Date;
  createdBy: string;
}

/** The latest version of each edited template of the company. */
export async function selectLatestTemplates(db: Kysely<Database>, companyId: string): Promise<TemplateRow[]> {
  const result = await sql<TemplateRow>`
    select distinct on (template_code, channel, lang) template_code as "templateCode", channel, lang,
      version, subject, body, created_at as "createdAt", created_by as "createdBy"
    from dunning_templates where company_id = ${companyId}
    order by template_code, channel, lang, version desc`.execute(db);
  return result.rows;
}

/** Stores a new version (the next number for its code, channel and language); returns the number. */
export async function insertTemplateVersion(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: { templateCode: string; channel: string; lang: string; subject: string; body: string },
): Promise<number> {
  const result = await sql<{ version: number }>`
    insert into dunning_templates (company_id, template_code, channel, lang, version, subject, body, created_by)
    select ${companyId}, ${row.templateCode}, ${row.channel}, ${row.lang}, coalesce(max(version), 0) + 1,
      ${row.subject}, ${row.body}, ${actor}
    from dunning_templates where company_id = ${companyId} and template_code = ${row.templateCode}
      and channel = ${row.channel} and lang = ${row.lang}
    returning version`.execute(db);
  return result.rows[0]?.version ?? 1;
}
