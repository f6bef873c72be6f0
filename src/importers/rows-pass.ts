/**
 * One pass over the rows of a CSV/XLSX file of one entity: every row built into its record, and
 * the problems found. parse-file.ts runs a second pass when the first one learns
 * something that changes how the rows read (month-first dates, a "Litige" column of comments).
 */
import { ChannelColumn } from './channel-column.ts';
import type { DateColumns } from './date-order.ts';
import { DuplicateChecker } from './duplicate-keys.ts';
import type { ImportEntity } from './entities.ts';
import { ENTITY_FIELDS } from './entities.ts';
import type { ColumnResolution } from './fields.ts';
import { isFileProblem, lineOf, problemOf } from './file-problems.ts';
import { type Problem, problem } from './problems.ts';
import {
  type BuildOptions,
  buildCreditNote,
  buildCustomer,
  buildInvoice,
  buildOrder,
  buildPayment,
  type ParsedCustomer,
  type ParsedDocument,
  type ParsedOrder,
  type ParsedPayment,
} from './records.ts';
import { ErrorCollector, RowContext, type RowSource } from './row-context.ts';
import type { TableReader } from './tabular.ts';
import { AmountReader, type DecimalSeparator } from './values.ts';
import { isYesNoCell } from './yes-no-column.ts';

export interface ParsedRecordByEntity {
  customers: ParsedCustomer;
  invoices: ParsedDocument;
  'credit-notes': ParsedDocument;
  payments: ParsedPayment;
  orders: ParsedOrder;
}

/** Errors listed before the "N more" summary, unless the caller says otherwise. */
export const DEFAULT_MAX_ERRORS = 1000;
const PROGRESS_EVERY_ROWS = 2000;

type Builder<E extends ImportEntity> = (row: RowContext, options: BuildOptions) => ParsedRecordByEntity[E];

const BUILDERS: { [E in ImportEntity]: Builder<E> } = {
  customers: buildCustomer,
  invoices: buildInvoice,
  'credit-notes': buildCreditNote,
  payments: buildPayment,
  orders: buildOrder,
};

/** The format's usual decimal separator, for amounts the file itself leaves ambiguous. */
function usualDecimalSeparator(table: TableReader): DecimalSeparator | null {
  if (table.format === 'xlsx' || table.separator === ',') return '.';
  return table.separator === ';' ? ',' : null;
}

function describeExtraCells(table: TableReader, cells: readonly string[]): Problem {
  const headerCount = table.headers.length;
  const extraCount = cells.length - headerCount;
  if (table.format === 'xlsx') return problem('xlsx_extra_cells', { count: extraCount });
  const separator = table.separator ?? ',';
  if (cells.slice(headerCount).every((cell) => cell.trim() === '')) {
    return problem('trailing_separators', { count: extraCount, separator, columns: headerCount });
  }
  return problem('bad_column_count', { count: cells.length, separator, columns: headerCount });
}

export interface RowsPass<E extends ImportEntity> {
  errors: ErrorCollector;
  records: ParsedRecordByEntity[E][];
  rowCount: number;
  amounts: AmountReader;
  dates: DateColumns;
  /** The guessed yes/no column holds another value: the pass is to be done again without it. */
  notYesNo: boolean;
}

export interface PassReaders {
  dates: DateColumns;
  /** A column recognised as yes/no from its header only, whose values must all say yes or no. */
  yesNoColumn: number | undefined;
}

export interface PassOptions {
  maxErrors?: number | undefined;
  onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined;
}

/** One pass over the rows: the records (placeholders where a cell was bad) and the problems. */
export async function readRows<E extends ImportEntity>(
  table: TableReader,
  fileName: string,
  entity: E,
  resolution: ColumnResolution,
  options: PassOptions,
  { dates, yesNoColumn }: PassReaders,
): Promise<RowsPass<E>> {
  const errors = new ErrorCollector(fileName, options.maxErrors ?? DEFAULT_MAX_ERRORS);
  for (const header of resolution.problems) {
    errors.add(table.headerLine, header.column, header.value, header.problem);
  }
  const amounts = new AmountReader(usualDecimalSeparator(table));
  const source: RowSource = {
    headers: table.headers,
    columnByField: resolution.columnByField,
    errors,
    amounts,
    dates,
  };
  const dateColumns = ENTITY_FIELDS[entity].flatMap((spec) => {
    const column = spec.type === 'date' ? resolution.columnByField.get(spec.name) : undefined;
    return column === undefined ? [] : [column];
  });
  const channelColumn = entity === 'invoices' ? resolution.columnByField.get('channel') : undefined;
  const channels =
    channelColumn === undefined ? undefined : new ChannelColumn(table.headers[channelColumn] ?? '');
  // One source for every spreadsheet, so a CSV and an XLSX export of the same data are the same records.
  const buildOptions: BuildOptions = { defaultSource: 'import', ...(channels ? { channels } : {}) };
  const build = BUILDERS[entity] as Builder<E>;
  const duplicates = new DuplicateChecker(entity);
  let records: ParsedRecordByEntity[E][] = [];
  let rowCount = 0;
  let notYesNo = false;
  const reportProgress = () => options.onProgress?.(table.bytesRead(), table.totalBytes);
  try {
    for await (const { line, cells } of table.rows()) {
      rowCount++;
      if (rowCount % PROGRESS_EVERY_ROWS === 0) reportProgress();
      if (yesNoColumn !== undefined && !notYesNo) notYesNo = !isYesNoCell(cells[yesNoColumn] ?? '');
      if (dates.needsAnotherPass || notYesNo) {
        // This pass is thrown away: only what the dates say still counts.
        for (const column of dateColumns) dates.observe(column, cells[column] ?? '', line);
        continue;
      }
      if (cells.length > table.headers.length) {
        const extraCells = cells.slice(table.headers.length).map((cell) => cell.trim());
        errors.add(line, null, extraCells.join(' | '), describeExtraCells(table, cells));
        continue;
      }
      const row = new RowContext(source, line, cells);
      const record = build(row, buildOptions);
      duplicates.check(row, buildOptions.defaultSource);
      // Kept even when the file is rejected: the import checks the values that did read against
      // the company's data (unknown customers…), so one report lists every problem. A pass to be
      // read again keeps nothing.
      if (!dates.needsAnotherPass && !notYesNo) records.push(record);
      else if (records.length > 0) records = [];
    }
  } catch (error) {
    if (!isFileProblem(error)) throw error;
    errors.add(lineOf(error), null, null, problemOf(error));
  }
  amounts.finish();
  // Blanks of a column that marks only electronic invoices are paper: known once it is all read.
  channels?.fillBlanks(records as ParsedDocument[]);
  for (const mixed of dates.problems(table.headers))
    errors.add(mixed.line, mixed.column, mixed.value, mixed.problem);
  options.onProgress?.(table.totalBytes, table.totalBytes);
  return { errors, records, rowCount, amounts, dates, notYesNo };
}
