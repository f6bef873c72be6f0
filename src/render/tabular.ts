/**
 * A report as a typed table, the common input of the CSV, XLSX and PDF renderers. Money cells
 * are minor units; the renderers format them with the currency's exponent.
 */
import { currencyExponent, minorToDecimalString } from '#core/money';

export type CellKind = 'text' | 'money' | 'number' | 'percent' | 'date' | 'integer';

export interface TableColumn {
  header: string;
  kind: CellKind;
  width?: number;
}

export type Cell = string | number | null;

export interface TabularReport {
  title: string;
  /** Lines under the title: date, criteria, filters. */
  subtitle: string[];
  currency: string;
  columns: TableColumn[];
  rows: Cell[][];
  totals?: Cell[] | undefined;
}

function csvCell(value: Cell, kind: CellKind, currency: string): string {
  if (value === null) return '';
  if (kind === 'money' && typeof value === 'number') return minorToDecimalString(value, currency);
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with ';' (what French spreadsheets expect), amounts with a '.' decimal point, UTF-8 BOM. */
export function renderCsv(report: TabularReport): Buffer {
  const lines = [report.columns.map((c) => csvCell(c.header, 'text', report.currency)).join(';')];
  for (const row of [...report.rows, ...(report.totals ? [report.totals] : [])]) {
    lines.push(
      row.map((value, i) => csvCell(value, report.columns[i]?.kind ?? 'text', report.currency)).join(';'),
    );
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

export function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency);
  return `#,##0${exponent > 0 ? `.${'0'.repeat(exponent)}` : ''}`;
}

export function toMajor(amountMinor: number, currency: string): number {
  // Display only: the exact value is the minor-unit integer kept in the JSON and CSV outputs.
  return amountMinor / 10 ** currencyExponent(currency);
}
