/**
 * XLSX with ExcelJS: typed cells (numbers, real dates), number formats that Excel shows in the
 * reader's locale, labels from the catalogue, a frozen header and a totals row.
 */
import ExcelJS from 'exceljs';
import { currencyExponent, minorToDecimalString } from '#core/money';
import type { Lang } from '#text/catalogue';
import type { Cell, TableColumn, TabularReport } from './document.ts';

function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = exponent > 0 ? `.${'0'.repeat(exponent)}` : '';
  // The currency as a literal suffix: Excel puts it after the amount in every locale.
  return `#,##0${digits} "${currency === 'EUR' ? '€' : currency}";-#,##0${digits} "${currency === 'EUR' ? '€' : currency}"`;
}

function formatOf(column: TableColumn, currency: string): string | undefined {
  const decimals = column.decimals ?? 1;
  switch (column.kind) {
    case 'money':
    case 'moneyCount':
      return moneyFormat(currency);
    case 'percent':
      return `0.${'0'.repeat(decimals)}%`;
    case 'number':
      return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    case 'integer':
      return '#,##0';
    case 'date':
      return 'dd/mm/yyyy';
    default:
      return undefined;
  }
}

function cellValue(value: Cell, column: TableColumn, currency: string): string | number | Date | null {
  if (value === null) return null;
  if (typeof value === 'object') return Number(minorToDecimalString(value.amountMinor, currency));
  if ((column.kind === 'money' || column.kind === 'moneyCount') && typeof value === 'number')
    // Display value of a spreadsheet cell: the exact amount stays in the JSON and CSV exports.
    return Number(minorToDecimalString(value, currency));
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  return value;
}

export async function renderXlsx(report: TabularReport, _lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Encours';
  const sheet = workbook.addWorksheet(report.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  for (const line of report.subtitle) sheet.addRow([line]).font = { italic: true };
  const headerRow = sheet.addRow(report.columns.map((column) => column.header));
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  headerRow.eachCell((cell, index) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E9F1' } };
    cell.border = { bottom: { style: 'thin' } };
    const kind = report.columns[index - 1]?.kind;
    if (kind !== 'text' && kind !== 'date') cell.alignment = { horizontal: 'right', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  const addRow = (values: Cell[], bold = false) => {
    const row = sheet.addRow(
      report.columns.map((column, index) => cellValue(values[index] ?? null, column, report.currency)),
    );
    report.columns.forEach((column, index) => {
      const format = formatOf(column, report.currency);
      if (format) row.getCell(index + 1).numFmt = format;
    });
    if (bold) row.font = { bold: true };
  };
  for (const values of report.rows) addRow(values);
  if (report.totals) addRow(report.totals, true);
  report.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.kind === 'text' ? 30 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
