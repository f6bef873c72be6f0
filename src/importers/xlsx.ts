/**
 * XLSX side of `tabular.ts`: streams one worksheet with ExcelJS's WorkbookReader (the regular
 * reader would hold a 1,000,000-row sheet in memory) and turns every cell into the text a user
 * would type in a CSV.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { problem } from './problems.ts';
import { isBlankRow, padCells, TableFormatError, type TableReader, type TableRow } from './table-common.ts';
import { checkXlsxBounds } from './xlsx-bounds.ts';

type Cell = ExcelJS.Cell;
type CellValue = ExcelJS.CellValue;

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904_MS = Date.UTC(1904, 0, 1);
/** Excel keeps 15 significant digits; more are binary noise (0.1 + 0.2 = 0.30000000000000004). */
const EXCEL_SIGNIFICANT_DIGITS = 15;
/** Excel's own limit for the text of one cell; a longer one was not written by a spreadsheet. */
export const MAX_CELL_CHARACTERS = 32_767;

/** Expands "1.5e-7" / "1e+21" into plain decimal notation. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = '', integerDigits = '', fractionDigits = '', exponentText = '0'] = match;
  const digits = integerDigits + fractionDigits;
  const pointAt = integerDigits.length + Number(exponentText);
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return sign + digits + '0'.repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** 1234.5 → "1234.5": '.' decimal point, no exponent, rounded to Excel's precision. */
export function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS));
  return expandExponent(String(rounded));
}

export function dateToIsoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // ExcelJS builds dates from serial numbers as UTC midnights: local parts could shift the day.
  return date.toISOString().slice(0, 10);
}

/** Number formats showing a day or a year are dates ("dd/mm/yyyy", "d-mmm-yy", "yyyy-mm-dd h:mm"). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const withoutLiterals = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(withoutLiterals);
}

function serialToIsoDate(serial: number, is1904: boolean): string {
  const epochMs = is1904 ? EXCEL_EPOCH_1904_MS : EXCEL_EPOCH_1900_MS;
  return dateToIsoDate(new Date(epochMs + Math.floor(serial) * MS_PER_DAY));
}

function scalarToText(value: unknown, numFmt: string | undefined, is1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateToIsoDate(value);
  // A formula result is a bare number even when the cell shows a date ("=B2+30").
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? serialToIsoDate(value, is1904) : numberToPlainString(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return '';
}

export function cellValueToText(value: CellValue, numFmt?: string, is1904 = false): string {
  if (typeof value !== 'object' || value === null || value instanceof Date) {
    return scalarToText(value, numFmt, is1904);
  }
  if ('richText' in value) return richTextOf(value);
  if ('error' in value) return value.error;
  if ('result' in value) {
    const result = value.result;
    if (typeof result === 'object' && result !== null && !(result instanceof Date)) return result.error;
    return scalarToText(result, numFmt, is1904);
  }
  if ('text' in value) return String(value.text);
  return '';
}

/**
 * Joined once per shared string: the cells of a sheet that use one share one value object, and
 * joining it again for each of them would copy the text as many times.
 */
const richTexts = new WeakMap<object, string>();

function richTextOf(value: ExcelJS.CellRichTextValue): string {
  let text = richTexts.get(value);
  if (text === undefined) {
    text = value.richText.map((run) => run.text).join('');
    richTexts.set(value, text);
  }
  return text;
}

function rowToCells(row: ExcelJS.Row, is1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell: Cell, columnNumber: number) => {
    while (cells.length < columnNumber - 1) cells.push('');
    const text = cellValueToText(cell.value, cell.numFmt, is1904);
    if (text.length > MAX_CELL_CHARACTERS)
      throw new TableFormatError(problem('cell_too_long', { limit: MAX_CELL_CHARACTERS }), row.number);
    cells[columnNumber - 1] = text;
  });
  // Formatting alone creates empty trailing cells; they are not data.
  while (cells.length > 0 && (cells.at(-1) ?? '').trim() === '') cells.pop();
  return cells;
}

interface StreamingWorkbook {
  model?: { sheets?: Array<{ name?: string }> };
  properties?: { model?: { date1904?: boolean } };
}

function sheetNameOf(worksheetReader: unknown): string {
  return (worksheetReader as { name?: string }).name ?? '';
}

async function* sheetRows(
  workbookReader: ExcelJS.stream.xlsx.WorkbookReader,
  wantedSheet: string | undefined,
): AsyncGenerator<TableRow> {
  const workbook = workbookReader as unknown as StreamingWorkbook;
  const seenNames: string[] = [];
  for await (const worksheetReader of workbookReader) {
    const name = sheetNameOf(worksheetReader);
    seenNames.push(name);
    // Worksheets stream in file order; the first tab is the first sheet of workbook.xml.
    const firstTab = workbook.model?.sheets?.[0]?.name;
    const isWanted =
      wantedSheet === undefined
        ? firstTab === undefined || name === '' || firstTab === name
        : name.trim().toLowerCase() === wantedSheet.trim().toLowerCase();
    if (!isWanted) {
      // Drained, not skipped: ExcelJS may stream this sheet from a temporary file that it deletes
      // as soon as we move on, while the unread stream is still opening it (an ENOENT later).
      for await (const _row of worksheetReader) {
        // nothing to keep
      }
      continue;
    }
    const is1904 = workbook.properties?.model?.date1904 === true;
    for await (const row of worksheetReader) {
      yield { line: row.number, cells: rowToCells(row, is1904) };
    }
    return;
  }
  const names = seenNames.map((name) => JSON.stringify(name)).join(', ');
  throw new TableFormatError(
    wantedSheet === undefined || seenNames.length === 0
      ? problem('xlsx_no_worksheet')
      : problem('xlsx_sheet_not_found', { sheet: wantedSheet, sheets: names }),
  );
}

export async function openXlsx(filePath: string, totalBytes: number, sheet?: string): Promise<TableReader> {
  // Before ExcelJS inflates anything: a zip bomb must cost neither memory nor disk.
  await checkXlsxBounds(filePath);
  let bytesRead = 0;
  const input = createReadStream(filePath);
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const workbookReader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles carry the number formats that tell a date from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  // Set once the header is read.
  let headerCount = 0;

  async function* nonBlankRows(): AsyncGenerator<TableRow> {
    try {
      for await (const row of sheetRows(workbookReader, sheet)) {
        if (!isBlankRow(row.cells)) yield { line: row.line, cells: padCells(row.cells, headerCount) };
      }
    } catch (error) {
      if (error instanceof TableFormatError) throw error;
      throw new TableFormatError(problem('xlsx_unreadable', { detail: (error as Error).message }));
    } finally {
      input.destroy();
    }
  }

  const source = nonBlankRows();
  const header = await source.next();
  if (header.done) throw new TableFormatError(problem('worksheet_empty'), 1);
  const headers = header.value.cells.map((name) => name.trim());
  headerCount = headers.length;
  return {
    format: 'xlsx',
    encoding: null,
    separator: null,
    headers,
    headerLine: header.value.line,
    totalBytes,
    bytesRead: () => bytesRead,
    rows: () => source,
  };
}
