/**
 * The importers' entry point: reads a whole CSV/XLSX file of one entity and returns either every
 * record (with its line) or every problem found, so that the use case can write all or nothing.
 */
import { basename } from 'node:path';
import { dateColumnsKey } from './date-columns-key.ts';
import { DateColumns, type DateOrder, type ImportNotice, type RememberedDateOrder } from './date-order.ts';
import type { ImportEntity } from './entities.ts';
import { ENTITY_FIELDS } from './entities.ts';
import { type ColumnResolution, resolveColumns } from './fields.ts';
import { type Problem, type ProblemCode, problem } from './problems.ts';
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
import { ErrorCollector, type ImportError, RowContext, type RowSource } from './row-context.ts';
import { openTable, TableFormatError, type TableReader } from './tabular.ts';
import { AmountReader, type DecimalSeparator } from './values.ts';
import { guessedYesNoColumn, isYesNoCell, YES_NO_FIELD } from './yes-no-column.ts';

export {
  DATE_ORDERS,
  type DateOrder,
  type ImportNotice,
  isDateOrder,
  NOTICE_CODES,
  type NoticeCode,
  type RememberedDateOrder,
} from './date-order.ts';
export { ENTITIES, type FieldSpec, type FieldType, type ImportEntity, isImportEntity } from './entities.ts';
export { type FieldHelp, formatEntityFieldsHelp, listEntityFields } from './fields.ts';
export { PROBLEM_CODES, type Problem, type ProblemCode, type ProblemParams, problem } from './problems.ts';
export type { ParsedCustomer, ParsedDocument, ParsedOrder, ParsedPayment } from './records.ts';
export { type ImportError, placeProblem } from './row-context.ts';

export interface ParsedRecordByEntity {
  customers: ParsedCustomer;
  invoices: ParsedDocument;
  'credit-notes': ParsedDocument;
  payments: ParsedPayment;
  orders: ParsedOrder;
}
export type ParsedRecord = ParsedRecordByEntity[ImportEntity];

export interface ParseOptions {
  /** Column header as in the file → field name ("ignore" drops the column); wins over recognition. */
  mapping?: Record<string, string>;
  /** Column headers to skip (`--ignore-column`); other unknown columns of a customers file are refused. */
  ignoreColumns?: readonly string[];
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** XLSX: worksheet to read instead of the first one. */
  sheet?: string;
  /** Errors listed before the "N more" summary; 1000 by default. */
  maxErrors?: number;
  /** The order of the numbers of "N/N/N" dates; by default each column's is read from its values. */
  dateOrder?: DateOrder;
  /**
   * The order the last file of the same kind showed (see `dateColumnsKey`), for the columns
   * whose values all read both ways; asked once the headers are known.
   */
  recallDateOrder?: (dateColumnsKey: string) => Promise<RememberedDateOrder | null>;
}

/** What to remember of an accepted file's dates for the next file of its kind (see date-order.ts). */
export interface LearnedDateOrder {
  /** The file's kind as far as dates go: its date fields and their headers. */
  dateColumnsKey: string;
  order: 'dmy' | 'mdy';
}

export type ParseResult<E extends ImportEntity = ImportEntity> =
  | {
      ok: true;
      entity: E;
      fileName: string;
      format: 'csv' | 'xlsx';
      encoding: 'utf-8' | 'windows-1252' | null;
      separator: ',' | ';' | '\t' | null;
      /** Decimal separator used for ambiguous amounts such as "1.234" (see AmountReader). */
      decimalSeparator: DecimalSeparator | null;
      /** Data rows read (blank rows are not counted). */
      rowCount: number;
      records: ParsedRecordByEntity[E][];
      unmappedColumns: string[];
      /** Fields the file has a column for: a customers import leaves the others as they are. */
      fields: string[];
      /** How the dates were read, when the user should know (a column read month first or by default). */
      notices: ImportNotice[];
      /** The order the file's own values showed, to remember; null when they showed none. */
      learnedDateOrder: LearnedDateOrder | null;
    }
  | { ok: false; entity: E; fileName: string; rowCount: number; errors: ImportError[] };

const DEFAULT_MAX_ERRORS = 1000;
const PROGRESS_EVERY_ROWS = 2000;
/** Line number of problems about the file as a whole. */
const WHOLE_FILE_LINE = 0;

type Builder<E extends ImportEntity> = (row: RowContext, options: BuildOptions) => ParsedRecordByEntity[E];

const BUILDERS: { [E in ImportEntity]: Builder<E> } = {
  customers: buildCustomer,
  invoices: buildInvoice,
  'credit-notes': buildCreditNote,
  payments: buildPayment,
  orders: buildOrder,
};

const KEY_FIELDS: Record<ImportEntity, { field: string; duplicate: ProblemCode }> = {
  customers: { field: 'code', duplicate: 'duplicate_customer_code' },
  invoices: { field: 'externalRef', duplicate: 'duplicate_invoice_number' },
  'credit-notes': { field: 'externalRef', duplicate: 'duplicate_credit_note_number' },
  payments: { field: 'externalRef', duplicate: 'duplicate_payment_reference' },
  orders: { field: 'number', duplicate: 'duplicate_order_number' },
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

/** Keys already seen (→ first line), to report a repeated customer code / reference / order number. */
class DuplicateChecker {
  readonly #entity: ImportEntity;
  readonly #firstLineByKey = new Map<string, number>();

  constructor(entity: ImportEntity) {
    this.#entity = entity;
  }

  check(row: RowContext, defaultSource: string): void {
    const { field, duplicate } = KEY_FIELDS[this.#entity];
    const value = row.text(field);
    if (value === null) return;
    // A document reference is unique per source, which a Source column may vary.
    const source = field === 'externalRef' ? row.text('source') : null;
    const key = source === null || source === defaultSource ? value : `${source}\u0000${value}`;
    const firstLine = this.#firstLineByKey.get(key);
    if (firstLine === undefined) this.#firstLineByKey.set(key, row.line);
    else row.fail(field, problem(duplicate, { value, firstLine }), value);
  }
}

export async function parseImportFile<E extends ImportEntity>(
  filePath: string,
  entity: E,
  options: ParseOptions = {},
): Promise<ParseResult<E>> {
  const fileName = basename(filePath);
  const opening = { ...(options.sheet === undefined ? {} : { sheet: options.sheet }) };
  let table: TableReader;
  try {
    table = await openTable(filePath, opening);
  } catch (error) {
    if (!isFileProblem(error)) throw error;
    const errors = new ErrorCollector(fileName, options.maxErrors ?? DEFAULT_MAX_ERRORS);
    errors.add(lineOf(error), null, null, problemOf(error));
    return { ok: false, entity, fileName, rowCount: 0, errors: errors.list() };
  }
  let resolution = resolveColumns(entity, table.headers, options.mapping, options.ignoreColumns);
  const yesNoColumn = guessedYesNoColumn(resolution.columnByField, options.mapping);
  const datesKey = dateColumnsKey(entity, resolution, table.headers);
  const remembered =
    datesKey === null || options.dateOrder !== undefined
      ? null
      : ((await options.recallDateOrder?.(datesKey)) ?? null);
  let pass = await readRows(table, fileName, entity, resolution, options, {
    dates: new DateColumns(options.dateOrder ?? null, null, remembered),
    yesNoColumn,
  });
  // A month-first date read day first, or a "Litige" column of comments: the file is read again
  // with the orders its dates decide, without that column.
  if (pass.dates.needsAnotherPass || pass.notYesNo) {
    const plan = pass.dates.needsAnotherPass ? pass.dates.plan() : null;
    if (pass.notYesNo) {
      const { mapping, ignoreColumns } = options;
      resolution = resolveColumns(entity, table.headers, mapping, ignoreColumns, [YES_NO_FIELD]);
    }
    table = await openTable(filePath, opening);
    const dates = new DateColumns(options.dateOrder ?? null, plan, remembered);
    pass = await readRows(table, fileName, entity, resolution, options, { dates, yesNoColumn: undefined });
  }
  const { errors, records, rowCount, amounts, dates } = pass;
  if (errors.count > 0) return { ok: false, entity, fileName, rowCount, errors: errors.list() };
  const learned = dates.learnedOrder();
  return {
    ok: true,
    entity,
    fileName,
    format: table.format,
    encoding: table.encoding,
    separator: table.separator,
    decimalSeparator: amounts.decimalSeparator,
    rowCount,
    records,
    unmappedColumns: resolution.unmappedColumns,
    fields: [...resolution.columnByField.keys()],
    notices: dates.notices(table.headers),
    learnedDateOrder:
      datesKey === null || learned === null ? null : { dateColumnsKey: datesKey, order: learned },
  };
}

interface RowsPass<E extends ImportEntity> {
  errors: ErrorCollector;
  records: ParsedRecordByEntity[E][];
  rowCount: number;
  amounts: AmountReader;
  dates: DateColumns;
  /** The guessed yes/no column holds another value: the pass is to be done again without it. */
  notYesNo: boolean;
}

interface PassReaders {
  dates: DateColumns;
  /** A column recognised as yes/no from its header only, whose values must all say yes or no. */
  yesNoColumn: number | undefined;
}

/** One pass over the rows: the records, or the problems once there is one. */
async function readRows<E extends ImportEntity>(
  table: TableReader,
  fileName: string,
  entity: E,
  resolution: ColumnResolution,
  options: ParseOptions,
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
  // One source for every spreadsheet, so a CSV and an XLSX export of the same data are the same records.
  const buildOptions: BuildOptions = { defaultSource: 'import' };
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
      // Once the file is known to be rejected (or to be read again), records are useless.
      if (errors.count === 0 && !dates.needsAnotherPass && !notYesNo) records.push(record);
      else if (records.length > 0) records = [];
    }
  } catch (error) {
    if (!isFileProblem(error)) throw error;
    errors.add(lineOf(error), null, null, problemOf(error));
  }
  amounts.finish();
  for (const mixed of dates.problems(table.headers))
    errors.add(table.headerLine, mixed.column, null, mixed.problem);
  options.onProgress?.(table.totalBytes, table.totalBytes);
  return { errors, records, rowCount, amounts, dates, notYesNo };
}

/** Unreadable or malformed files become import errors; anything else is a bug and propagates. */
function isFileProblem(error: unknown): boolean {
  return (
    error instanceof TableFormatError || typeof (error as NodeJS.ErrnoException | null)?.code === 'string'
  );
}

function lineOf(error: unknown): number {
  return error instanceof TableFormatError ? (error.line ?? WHOLE_FILE_LINE) : WHOLE_FILE_LINE;
}

function problemOf(error: unknown): Problem {
  if (error instanceof TableFormatError) return error.problem;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return problem('file_not_found');
  if (code === 'EISDIR') return problem('file_is_directory');
  if (code === 'EACCES') return problem('file_permission_denied');
  return problem('file_unreadable', { detail: (error as Error).message });
}
