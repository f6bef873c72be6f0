/**
 * Balance sheets from a CSV or XLSX file, under the spreadsheet importer's rules: headers in
 * French or English, the file's decimal convention, every problem listed with its line and
 * column, and unknown columns refused (a column we do not read would be data silently lost).
 * A row names its customer by code or by SIREN; the database check happens in the use case.
 */
import type { BalanceSheet } from '../core/credit/financial-ratios.ts';
import type { CurrencyCode, IsoDate } from '../core/types.ts';
import { type FieldSpec, field, REQUIRED } from './field-spec.ts';
import { type FieldTableParse, parseFieldTable } from './field-table.ts';
import { problem } from './problems.ts';
import type { RowContext } from './row-context.ts';

type AmountField = Exclude<keyof BalanceSheet, 'currency' | 'fiscalYearEnd'>;

const amount = (name: string, headers: string[]) => field(name, 'amount', name, headers, REQUIRED);

/** Amount columns, by the sheet field they fill; items that are never negative are flagged. */
const AMOUNTS: readonly { spec: FieldSpec; target: AmountField; nonNegative: boolean }[] = [
  {
    target: 'totalAssetsMinor',
    nonNegative: true,
    spec: amount('totalAssets', ['Total bilan', 'Total actif', 'Total de l’actif', 'Total assets']),
  },
  { target: 'equityMinor', nonNegative: false, spec: amount('equity', ['Capitaux propres', 'Equity']) },
  {
    target: 'totalDebtsMinor',
    nonNegative: true,
    spec: amount('totalDebts', ['Total dettes', 'Dettes', 'Total debts', 'Debts']),
  },
  {
    target: 'turnoverMinor',
    nonNegative: true,
    spec: amount('turnover', ['Chiffre d’affaires', "Chiffre d'affaires", 'CA', 'Turnover', 'Revenue']),
  },
  {
    target: 'valueAddedMinor',
    nonNegative: false,
    spec: amount('valueAdded', ['Valeur ajoutée', 'Value added']),
  },
  {
    target: 'grossOperatingProfitMinor',
    nonNegative: false,
    spec: amount('grossOperatingProfit', [
      'EBE',
      'Excédent brut d’exploitation',
      'EBITDA',
      'Gross operating profit',
    ]),
  },
  {
    target: 'permanentCapitalMinor',
    nonNegative: false,
    spec: amount('permanentCapital', ['Capitaux permanents', 'Permanent capital']),
  },
  { target: 'cashMinor', nonNegative: true, spec: amount('cash', ['Disponibilités', 'Trésorerie', 'Cash']) },
  {
    target: 'receivablesMinor',
    nonNegative: true,
    spec: amount('receivables', [
      'Créances clients',
      'Clients et comptes rattachés',
      'Receivables',
      'Trade receivables',
    ]),
  },
  {
    target: 'financialChargesMinor',
    nonNegative: true,
    spec: amount('financialCharges', ['Charges financières', 'Financial charges', 'Financial expenses']),
  },
  {
    target: 'staffCostsMinor',
    nonNegative: true,
    spec: amount('staffCosts', ['Charges de personnel', 'Frais de personnel', 'Staff costs']),
  },
  {
    target: 'netResultMinor',
    nonNegative: false,
    spec: amount('netResult', ['Résultat net', 'Résultat de l’exercice', 'Net result', 'Net income']),
  },
];

export const BALANCE_SHEET_FIELDS: readonly FieldSpec[] = [
  field('customerCode', 'text', 'customer code (or the SIREN)', [
    'Code client',
    'N° client',
    'Client',
    'Customer code',
    'Customer',
  ]),
  field('siren', 'text', 'SIREN of the customer (or its code)', ['SIREN', 'N° SIREN', 'Siren number']),
  field(
    'fiscalYearEnd',
    'date',
    'closing date of the fiscal year',
    ['Date de clôture', 'Clôture', 'Fin d’exercice', 'Clôture de l’exercice', 'Fiscal year end', 'Year end'],
    REQUIRED,
  ),
  field('currency', 'text', 'ISO 4217 code, EUR when absent', ['Devise', 'Monnaie', 'Currency']),
  ...AMOUNTS.map((a) => a.spec),
];

export interface ParsedBalanceSheet extends BalanceSheet {
  line: number;
  customerCode: string | null;
  siren: string | null;
}

export type BalanceSheetParse = FieldTableParse<ParsedBalanceSheet>;

function buildSheet(row: RowContext, firstLineByKey: Map<string, number>): ParsedBalanceSheet {
  const currency = (row.text('currency') ?? 'EUR').toUpperCase() as CurrencyCode;
  if (!/^[A-Z]{3}$/.test(currency)) row.fail('currency', problem('invalid_currency', { value: currency }));
  const customerCode = row.text('customerCode');
  const siren = row.text('siren')?.replace(/\s/g, '') ?? null;
  if (customerCode === null && siren === null)
    row.fail('customerCode', problem('customer_or_siren_required'), '');
  if (siren !== null && !/^\d{9}$/.test(siren)) row.fail('siren', problem('invalid_siren_length'), siren);
  const fiscalYearEnd = row.date('fiscalYearEnd', true) ?? ('' as IsoDate);
  const key = `${customerCode ?? siren}\u0000${fiscalYearEnd}`;
  const firstLine = firstLineByKey.get(key);
  if (firstLine === undefined) firstLineByKey.set(key, row.line);
  else row.fail('fiscalYearEnd', problem('duplicate_balance_sheet', { firstLine }));
  const sheet = { line: row.line, customerCode, siren, currency, fiscalYearEnd } as ParsedBalanceSheet;
  for (const { spec, target, nonNegative } of AMOUNTS) {
    const rule = (minor: number) =>
      nonNegative && minor < 0 ? problem('negative_balance_sheet_amount') : null;
    row.amount(
      spec.name,
      currency,
      true,
      (minor) => {
        sheet[target] = minor;
      },
      rule,
    );
  }
  return sheet;
}

export async function parseBalanceSheetFile(
  filePath: string,
  options: { fileName?: string } = {},
): Promise<BalanceSheetParse> {
  const firstLineByKey = new Map<string, number>();
  const shape = { fields: BALANCE_SHEET_FIELDS, identifiedBy: ['customerCode', 'siren'] as const };
  return parseFieldTable(filePath, options.fileName, shape, (row) => buildSheet(row, firstLineByKey));
}
