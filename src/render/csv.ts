/**
 * The one CSV writer (csv-stringify). French: ';' separator, decimal comma, dates « 04/12/2026 »,
 * UTF-8 with a BOM, so that French Excel opens the file with numbers as numbers. English: ','
 * and a decimal point, ISO dates. Text cells that a spreadsheet would run as a formula are
 * neutralised here, once, for every export (OWASP "CSV injection").
 */
import { stringify } from 'csv-stringify/sync';
import { minorToDecimalString } from '#core/money';
import type { Lang } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { Cell, CellKind, TabularReport } from './document.ts';

/** Characters that make a spreadsheet read a cell as a formula or a command (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet will show as text: a leading formula character gets a quote before it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function decimal(lang: Lang, text: string): string {
  return lang === 'fr' ? text.replace('.', ',') : text;
}

function numberText(lang: Lang, value: number, kind: CellKind, currency: string, decimals = 1): string {
  switch (kind) {
    case 'money':
    case 'moneyCount':
      return decimal(lang, minorToDecimalString(value, currency));
    case 'percent': {
      // « 76,3 % » is what French Excel reads back as the number 0.763 shown as a percentage.
      const text = decimal(lang, (value * 100).toFixed(decimals));
      return lang === 'fr' ? `${text} %` : `${text}%`;
    }
    case 'integer':
      return String(Math.round(value));
    default:
      return decimal(lang, String(value));
  }
}

export function csvCell(
  lang: Lang,
  value: Cell,
  kind: CellKind,
  currency: string,
  decimals?: number,
): string {
  if (value === null) return '';
  if (typeof value === 'object') return numberText(lang, value.amountMinor, 'money', currency);
  // Numbers in numeric columns are written by us from a number: never a formula, even when negative.
  if (typeof value === 'number' && kind !== 'text' && kind !== 'date')
    return numberText(lang, value, kind, currency, decimals);
  const text = String(value);
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text))
    return lang === 'fr' ? formatDate(lang, text) : text;
  return neutraliseFormula(text);
}

export function renderCsv(report: TabularReport, lang: Lang): Buffer {
  const rows = [...report.rows, ...(report.totals ? [report.totals] : [])];
  const records = [
    report.columns.map((column) => neutraliseFormula(column.header)),
    ...rows.map((row) =>
      report.columns.map((column, i) =>
        csvCell(lang, row[i] ?? null, column.kind, report.currency, column.decimals),
      ),
    ),
  ];
  const text = stringify(records, { delimiter: lang === 'fr' ? ';' : ',', record_delimiter: '\r\n' });
  return Buffer.from(`\ufeff${text}`, 'utf8');
}
