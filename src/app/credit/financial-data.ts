/**
 * Customer financial data for the scoring: balance sheets (JSON through the API, or a CSV/XLSX
 * file whose columns are the sheet's fields) and the profile (sector, creation date, legal form,
 * incidents, external grade). All-or-nothing: a file with one bad row changes nothing and lists
 * every problem.
 */

import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { type BalanceSheet, validateBalanceSheet } from '#core/credit/financial-ratios';
import type { Problem } from '#core/credit/reason';
import {
  customerCodesBySiren,
  unknownCustomerCodes,
  upsertBalanceSheets,
  upsertProfile,
} from '#db/credit/financial-data';
import type { BalanceSheetRow, ProfileRow } from '#db/credit/scoring-inputs';
import type { Database } from '#db/infra/schema';
import { type ParsedBalanceSheet, parseBalanceSheetFile } from '#importers/balance-sheets';
import { type ImportError, placeProblem } from '#importers/parse-file';
import { problem } from '#importers/problems';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type ImportLang, importRejected } from '../imports/import-problems.ts';
import { checkedCustomer } from './customer-risk.ts';
import { requestRescore } from './rescore-requests.ts';

export type SheetInput = BalanceSheet & { customerCode: string };

/** A sheet as the API receives it: its customer by code or, like the file import, by SIREN. */
export type SheetRequest = BalanceSheet & {
  customerCode?: string | null | undefined;
  siren?: string | null | undefined;
};

export interface SheetProblem extends Problem {
  line: number;
}

/**
 * The customers each sheet goes to: its code, or every account carrying its SIREN (the sheet is
 * the legal entity's); a sheet that names neither, or a SIREN no customer has, is a problem.
 */
async function resolveRequestCustomers(
  ctx: AppContext,
  sheets: readonly SheetRequest[],
  problems: SheetProblem[],
): Promise<SheetInput[]> {
  const sirenOf = (sheet: SheetRequest) => sheet.siren?.replace(/\s/g, '') || null;
  const named = sheets.flatMap((s) => (s.customerCode ? [s.customerCode] : []));
  const unknown = new Set(await unknownCustomerCodes(ctx.db, ctx.companyId, named));
  const sirens = sheets.flatMap((s) => (s.customerCode ? [] : (sirenOf(s) ?? [])));
  const bySiren = await customerCodesBySiren(ctx.db, ctx.companyId, sirens);
  const resolved: SheetInput[] = [];
  sheets.forEach((request, index) => {
    const { customerCode, siren: _named, ...sheet } = request;
    const line = index + 1;
    const siren = sirenOf(request);
    if (customerCode) {
      if (unknown.has(customerCode))
        problems.push({ line, code: 'unknown_customer', params: { customer: customerCode } });
      else resolved.push({ ...sheet, customerCode });
    } else if (siren === null) {
      problems.push({ line, code: 'customer_or_siren_required', params: {} });
    } else if (!/^\d{9}$/.test(siren)) {
      problems.push({ line, code: 'invalid_siren_length', params: { siren } });
    } else {
      const codes = bySiren.get(siren) ?? [];
      if (codes.length === 0) problems.push({ line, code: 'unknown_customer_siren', params: { siren } });
      for (const code of codes) resolved.push({ ...sheet, customerCode: code });
    }
  });
  return resolved;
}

export async function importBalanceSheets(
  ctx: AppContext,
  requests: readonly SheetRequest[],
  source = 'api',
): Promise<{ imported: number; customers: string[] }> {
  const problems: SheetProblem[] = [];
  requests.forEach((sheet, index) => {
    const line = index + 1;
    if (!isValidIsoDate(sheet.fiscalYearEnd))
      problems.push({ line, code: 'invalid_date', params: { field: 'fiscalYearEnd' } });
    for (const problem of validateBalanceSheet(sheet)) problems.push({ line, ...problem });
  });
  const sheets = await resolveRequestCustomers(ctx, requests, problems);
  if (problems.length > 0)
    throw new DomainError(
      'import_rejected',
      { key: 'errors.credit.balanceSheets', params: { count: problems.length } },
      { problems: problems.sort((a, b) => a.line - b.line) },
    );
  const customers = await ctx.db.transaction().execute((trx) => writeSheets(ctx, trx, sheets, source));
  return { imported: customers.length, customers };
}

/** Writes checked sheets, audits, and re-scores the customers whose sheets changed. */
async function writeSheets(
  ctx: AppContext,
  trx: Kysely<Database>,
  sheets: readonly SheetInput[],
  source: string,
): Promise<string[]> {
  const rows: BalanceSheetRow[] = sheets.map((sheet) => ({ ...sheet }));
  const changed = await upsertBalanceSheets(trx, ctx.companyId, ctx.actor, source, rows);
  if (changed.length === 0) return changed;
  await recordAudit(ctx, trx, {
    action: 'credit.financials',
    entity: 'customer',
    entityKey: changed.slice(0, 20).join(','),
    before: null,
    after: { sheets: sheets.length, customers: changed.length, source },
  });
  await requestRescore(ctx, trx, changed, 'balance_sheet');
  return changed;
}

export interface SheetFileSummary {
  file: string;
  dryRun: boolean;
  rows: number;
  /** Customers whose balance sheets were written (unchanged ones are left alone). */
  customers: string[];
}

/**
 * A CSV/XLSX file of balance sheets, all or nothing: a row names its customer by code or SIREN
 * (a SIREN gives the sheet to every customer account of that legal entity); any problem rejects
 * the whole file with every problem listed, as the other spreadsheet imports do.
 */
export async function importBalanceSheetFile(
  ctx: AppContext,
  input: { filePath: string; fileName?: string | undefined; lang?: ImportLang; dryRun?: boolean },
): Promise<SheetFileSummary> {
  const fileName = input.fileName ?? basename(input.filePath);
  const lang = input.lang ?? 'fr';
  const parsed = await parseBalanceSheetFile(input.filePath, { fileName });
  if (!parsed.ok) throw importRejected(fileName, parsed.errors, lang);
  const { sheets, errors } = await resolveSheetCustomers(ctx, parsed.records, fileName);
  if (errors.length > 0) throw importRejected(fileName, errors, lang);
  const summary = { file: fileName, dryRun: input.dryRun ?? false, rows: parsed.rowCount };
  if (input.dryRun) return { ...summary, customers: [] };
  const customers = await ctx.db.transaction().execute((trx) => writeSheets(ctx, trx, sheets, 'file'));
  return { ...summary, customers };
}

async function resolveSheetCustomers(
  ctx: AppContext,
  records: readonly ParsedBalanceSheet[],
  fileName: string,
): Promise<{ sheets: SheetInput[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const named = records.flatMap((r) => (r.customerCode ? [r.customerCode] : []));
  const unknownCodes = new Set(await unknownCustomerCodes(ctx.db, ctx.companyId, named));
  const sirens = records.flatMap((r) => (r.customerCode === null && r.siren ? [r.siren] : []));
  const bySiren = await customerCodesBySiren(ctx.db, ctx.companyId, sirens);
  const sheets: SheetInput[] = [];
  for (const { line, customerCode, siren, ...sheet } of records) {
    if (customerCode !== null && unknownCodes.has(customerCode)) {
      const found = problem('unknown_customer', { customerCode });
      errors.push(placeProblem(fileName, line, 'customerCode', customerCode, found));
      continue;
    }
    const codes = customerCode !== null ? [customerCode] : (bySiren.get(siren ?? '') ?? []);
    if (codes.length === 0) {
      const found = problem('unknown_customer_siren', { siren: siren ?? '' });
      errors.push(placeProblem(fileName, line, 'siren', siren, found));
    }
    for (const code of codes) sheets.push({ ...sheet, customerCode: code });
  }
  return { sheets, errors };
}

export async function saveProfile(ctx: AppContext, profile: ProfileRow): Promise<void> {
  if (profile.creationDate && !isValidIsoDate(profile.creationDate))
    throw new DomainError('invalid_input', {
      key: 'errors.credit.notADate',
      params: { value: profile.creationDate },
    });
  await ctx.db.transaction().execute(async (trx) => {
    await checkedCustomer(ctx, trx, profile.customerCode, true);
    await upsertProfile(trx, ctx.companyId, ctx.actor, profile);
    await requestRescore(ctx, trx, [profile.customerCode], 'profile');
    await recordAudit(ctx, trx, {
      action: 'credit.financials',
      entity: 'customer',
      entityKey: profile.customerCode,
      before: null,
      after: profile,
    });
  });
}
