/** Customer financial data: the scoring profile (sector, age, legal form, incidents, grade) and balance sheets. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import type { BalanceSheetRow, ProfileRow } from './scoring-inputs.ts';

/** `at`: when it is written, from the use case's clock (the database's now() without it). */
export async function upsertProfile(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  profile: ProfileRow,
  at?: Date,
): Promise<void> {
  const updatedAt = at ?? sql<Date>`now()`;
  const values = {
    sector_risk: profile.sectorRisk,
    creation_date: profile.creationDate,
    legal_form: profile.legalForm,
    legal_incidents: profile.legalIncidents,
    external_grade: profile.externalGrade,
    external_grade_source: profile.externalGradeSource,
    external_grade_date: profile.externalGradeDate,
    updated_by: actor,
  };
  await db
    .insertInto('credit_customer_profiles')
    .values({ company_id: companyId, customer_code: profile.customerCode, ...values, updated_at: updatedAt })
    .onConflict((oc) =>
      oc.columns(['company_id', 'customer_code']).doUpdateSet({ ...values, updated_at: updatedAt }),
    )
    .execute();
}

const SHEET_COLUMNS = [
  'currency',
  'total_assets_minor',
  'equity_minor',
  'total_debts_minor',
  'turnover_minor',
  'value_added_minor',
  'gross_operating_profit_minor',
  'permanent_capital_minor',
  'cash_minor',
  'receivables_minor',
  'financial_charges_minor',
  'staff_costs_minor',
  'net_result_minor',
] as const;

/**
 * Inserts or replaces balance sheets (one per customer and fiscal year end). A sheet identical to
 * the stored one is left alone, so the same file twice changes nothing; returns the customers
 * whose sheets were written. `at`: when, from the use case's clock (the database's now() without it).
 */
export async function upsertBalanceSheets(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  source: string,
  sheets: readonly BalanceSheetRow[],
  at?: Date,
): Promise<string[]> {
  const updatedAt = at ?? sql<Date>`now()`;
  const changed = new Set<string>();
  const stored = sql.join(SHEET_COLUMNS.map((c) => sql.ref(`credit_balance_sheets.${c}`)));
  const incoming = sql.join(SHEET_COLUMNS.map((c) => sql.ref(`excluded.${c}`)));
  for (const sheet of sheets) {
    const values = {
      currency: sheet.currency,
      total_assets_minor: sheet.totalAssetsMinor,
      equity_minor: sheet.equityMinor,
      total_debts_minor: sheet.totalDebtsMinor,
      turnover_minor: sheet.turnoverMinor,
      value_added_minor: sheet.valueAddedMinor,
      gross_operating_profit_minor: sheet.grossOperatingProfitMinor,
      permanent_capital_minor: sheet.permanentCapitalMinor,
      cash_minor: sheet.cashMinor,
      receivables_minor: sheet.receivablesMinor,
      financial_charges_minor: sheet.financialChargesMinor,
      staff_costs_minor: sheet.staffCostsMinor,
      net_result_minor: sheet.netResultMinor,
      source,
      updated_by: actor,
    };
    const result = await db
      .insertInto('credit_balance_sheets')
      .values({
        company_id: companyId,
        customer_code: sheet.customerCode,
        fiscal_year_end: sheet.fiscalYearEnd,
        ...values,
        updated_at: updatedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'customer_code', 'fiscal_year_end'])
          .doUpdateSet({ ...values, updated_at: updatedAt })
          .where(sql<boolean>`(${stored}) is distinct from (${incoming})`),
      )
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) changed.add(sheet.customerCode);
  }
  return [...changed];
}

/** Customer codes by SIREN (a legal entity may hold several customer accounts). */
export async function customerCodesBySiren(
  db: Kysely<Database>,
  companyId: string,
  sirens: readonly string[],
): Promise<Map<string, string[]>> {
  const bySiren = new Map<string, string[]>();
  if (sirens.length === 0) return bySiren;
  const rows = await db
    .selectFrom('customers')
    .select(['siren', 'code'])
    .where('company_id', '=', companyId)
    .where('siren', 'in', [...new Set(sirens)])
    .orderBy('code')
    .execute();
  for (const row of rows) {
    if (row.siren === null) continue;
    bySiren.set(row.siren, [...(bySiren.get(row.siren) ?? []), row.code]);
  }
  return bySiren;
}

/** Codes among `codes` that are not customers of the company. */
export async function unknownCustomerCodes(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const result = await sql<{ code: string }>`
    select u.code from unnest(${[...new Set(codes)]}::text[]) as u(code)
     where not exists (select 1 from customers c where c.company_id = ${companyId} and c.code = u.code)
     order by u.code`.execute(db);
  return result.rows.map((row) => row.code);
}
