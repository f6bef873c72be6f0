/**
 * Customer financial data for the scoring: balance sheets (JSON through the API, or a CSV/XLSX
 * file whose columns are the sheet's fields) and the profile (sector, creation date, legal form,
 * incidents, external grade). All-or-nothing: a file with one bad row changes nothing and lists
 * every problem.
 */

import { isValidIsoDate } from '#core/calendar';
import { type BalanceSheet, validateBalanceSheet } from '#core/credit/financial-ratios';
import type { Problem } from '#core/credit/reason';
import { currencyExponent, parseAmountToMinor } from '#core/money';
import { unknownCustomerCodes, upsertBalanceSheets, upsertProfile } from '#db/credit/financial-data';
import type { BalanceSheetRow, ProfileRow } from '#db/credit/scoring-inputs';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkedCustomer } from './customer-risk.ts';

export const SHEET_AMOUNT_FIELDS = [
  'totalAssetsMinor',
  'equityMinor',
  'totalDebtsMinor',
  'turnoverMinor',
  'valueAddedMinor',
  'grossOperatingProfitMinor',
  'permanentCapitalMinor',
  'cashMinor',
  'receivablesMinor',
  'financialChargesMinor',
  'staffCostsMinor',
  'netResultMinor',
] as const;

export type SheetInput = BalanceSheet & { customerCode: string };

export interface SheetProblem extends Problem {
  line: number;
}

export async function importBalanceSheets(
  ctx: AppContext,
  sheets: readonly SheetInput[],
  source = 'api',
): Promise<{ imported: number }> {
  const problems: SheetProblem[] = [];
  sheets.forEach((sheet, index) => {
    const line = index + 1;
    if (!isValidIsoDate(sheet.fiscalYearEnd))
      problems.push({ line, code: 'invalid_date', params: { field: 'fiscalYearEnd' } });
    for (const problem of validateBalanceSheet(sheet)) problems.push({ line, ...problem });
  });
  const unknown = await unknownCustomerCodes(
    ctx.db,
    ctx.companyId,
    sheets.map((s) => s.customerCode),
  );
  sheets.forEach((sheet, index) => {
    if (unknown.includes(sheet.customerCode))
      problems.push({ line: index + 1, code: 'unknown_customer', params: { customer: sheet.customerCode } });
  });
  if (problems.length > 0)
    throw new DomainError('import_rejected', 'the balance sheets have problems: nothing was imported', {
      problems,
    });
  const rows: BalanceSheetRow[] = sheets.map((sheet) => ({ ...sheet }));
  const imported = await ctx.db.transaction().execute(async (trx) => {
    const changed = await upsertBalanceSheets(trx, ctx.companyId, ctx.actor, source, rows);
    await recordAudit(ctx, trx, {
      action: 'credit.financials',
      entity: 'customer',
      entityKey: [...new Set(sheets.map((s) => s.customerCode))].slice(0, 20).join(','),
      before: null,
      after: { sheets: sheets.length, source },
    });
    return changed;
  });
  return { imported };
}

/** Balance sheets from the records of a CSV/XLSX file (amounts in the file's decimal notation). */
export function sheetsFromRecords(
  records: readonly Record<string, string>[],
  currency: string,
): { sheets: SheetInput[]; problems: SheetProblem[] } {
  const sheets: SheetInput[] = [];
  const problems: SheetProblem[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const amounts: Partial<Record<(typeof SHEET_AMOUNT_FIELDS)[number], number>> = {};
    for (const field of SHEET_AMOUNT_FIELDS) {
      const raw = record[field.replace(/Minor$/, '')] ?? record[field] ?? '';
      const minor = parseAmountToMinor(raw, { exponent: currencyExponent(currency) });
      if (minor === null) problems.push({ line, code: 'invalid_amount', params: { field, value: raw } });
      else amounts[field] = minor;
    }
    sheets.push({
      customerCode: (record['customerCode'] ?? '').trim(),
      currency,
      fiscalYearEnd: (record['fiscalYearEnd'] ?? '').trim(),
      ...(amounts as Record<(typeof SHEET_AMOUNT_FIELDS)[number], number>),
    });
  });
  return { sheets, problems };
}

export async function saveProfile(ctx: AppContext, profile: ProfileRow): Promise<void> {
  if (profile.creationDate && !isValidIsoDate(profile.creationDate))
    throw new DomainError('invalid_input', `not a valid date: ${profile.creationDate}`);
  await ctx.db.transaction().execute(async (trx) => {
    await checkedCustomer(ctx, trx, profile.customerCode, true);
    await upsertProfile(trx, ctx.companyId, ctx.actor, profile);
    await recordAudit(ctx, trx, {
      action: 'credit.financials',
      entity: 'customer',
      entityKey: profile.customerCode,
      before: null,
      after: profile,
    });
  });
}
