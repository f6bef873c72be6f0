/**
 * XLSX with ExcelJS: typed cells (numbers, real dates), number formats that Excel shows in the
 * reader's locale, labels from the catalogue, a frozen header and a totals row. A workbook may
 * hold several tabs: tables, and headline figures one a row.
 */
import ExcelJS from 'exceljs';
import { currencyExponent, minorToDecimalString } from '#core/money';
import type { Lang } from '#text/catalogue';
import type { Cell, FigureRow, FiguresSheet, TableColumn, TabularReport, WorkbookSheet } from './document.ts';

/** Excel's longest tab name. */
const SHEET_NAME_MAX = 31;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E9F1' } } as const;

function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = exponent > 0 ? `.${'0'.repeat(exponent)}` : '';
  // The currency as a literal suffix: Excel puts it after the amount in every locale.
  return `#,##0${digits} "${currency === 'EUR' ? '€' : currency}";-#,##0${digits} "${currency === 'EUR' ? '€' : currency}"`;
}

function formatOf(column: Pick<TableColumn, 'kind' | 'decimals'>, currency: string): string | undefined {
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
  // A spreadsheet cell holds no infinity: an unbounded ratio (a zero limit) is left empty.
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if ((column.kind === 'money' || column.kind === 'moneyCount') && typeof value === 'number')
    // Display value of a spreadsheet cell: the exact amount stays in the JSON and CSV exports.
    return Number(minorToDecimalString(value, currency));
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * A tab name Excel accepts: no \ / ? * [ ] :, at most 31 characters cut between words (never
 * mid-word, no dangling separator or little word), unique in the workbook regardless of case.
 */
export function sheetName(wanted: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = wanted
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const cut = (text: string, max: number): string => {
    if (text.length <= max) return text;
    const head = text.slice(0, max + 1);
    const space = head.lastIndexOf(' ');
    if (space <= 0) return text.slice(0, max);
    const words = head.slice(0, space).split(' ');
    // A cut name does not end on a separator or a little word (« de », « des », « of »).
    while (words.length > 1 && /^([×·,;:–—-]|\p{Ll}{1,3})$/u.test(words.at(-1) as string)) words.pop();
    return words.join(' ');
  };
  const base = cut(clean || 'Sheet', SHEET_NAME_MAX);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${cut(base, SHEET_NAME_MAX - 4)} (${n})`;
  return name;
}

function headerCells(row: ExcelJS.Row, rightAligned: (index: number) => boolean): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.eachCell((cell, index) => {
    cell.fill = HEAD_FILL;
    cell.border = { bottom: { style: 'thin' } };
    if (rightAligned(index)) cell.alignment = { horizontal: 'right', wrapText: true };
  });
}

function addTable(workbook: ExcelJS.Workbook, report: TabularReport, name: string): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  for (const line of report.subtitle) sheet.addRow([line]).font = { italic: true };
  const headerRow = sheet.addRow(report.columns.map((column) => column.header));
  headerCells(headerRow, (index) => {
    const kind = report.columns[index - 1]?.kind;
    return kind !== 'text' && kind !== 'date';
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
}

function figureFormat(figure: FigureRow, currency: string): string | undefined {
  const format = formatOf(figure, currency);
  return format && figure.unit ? `${format} "${figure.unit.replace(/"/g, '')}"` : format;
}

function addFigures(workbook: ExcelJS.Workbook, figures: FiguresSheet, name: string): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([figures.title]).font = { bold: true, size: 14 };
  for (const line of figures.subtitle) sheet.addRow([line]).font = { italic: true };
  const { label, value, note } = figures.headers;
  headerCells(sheet.addRow([label, value, note]), (index) => index === 2);
  for (const figure of figures.figures) {
    const row = sheet.addRow([
      figure.label,
      figure.value === null || !Number.isFinite(figure.value)
        ? null
        : figure.kind === 'money'
          ? Number(minorToDecimalString(figure.value, figures.currency))
          : figure.value,
      figure.note ?? null,
    ]);
    const format = figureFormat(figure, figures.currency);
    if (format) row.getCell(2).numFmt = format;
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(1).width = 38;
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 90;
}

/** A workbook of one tab per sheet, in order. */
export async function renderWorkbook(sheets: readonly WorkbookSheet[], _lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Encours';
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.sheetName ?? sheet.title, taken);
    taken.add(name.toLowerCase());
    if ('figures' in sheet) addFigures(workbook, sheet, name);
    else addTable(workbook, sheet, name);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderXlsx(report: TabularReport, lang: Lang): Promise<Buffer> {
  return renderWorkbook([report], lang);
}
