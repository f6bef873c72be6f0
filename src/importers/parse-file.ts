/**
 * The importers' entry point: reads a whole CSV/XLSX file of one entity and returns every record
 * (with its line) or, once a cell is bad, every problem found with the records as they read
 * (placeholders where a cell was bad), so that the use case checks what did read against the
 * company's data in the same report, and writes all or nothing.
 */
import { basename } from 'node:path';
import { columnNamesOf } from './column-names.ts';
import { dateColumnsKey } from './date-columns-key.ts';
import { DateColumns, type DateOrder, type RememberedDateOrder } from './date-order.ts';
import type { ImportEntity } from './entities.ts';
import { resolveColumns, type UnknownColumns } from './fields.ts';
import { isFileProblem, lineOf, problemOf } from './file-problems.ts';
import type { ImportNotice } from './import-notices.ts';
import { ErrorCollector, type ImportError } from './row-context.ts';
import { DEFAULT_MAX_ERRORS, type ParsedRecordByEntity, readRows } from './rows-pass.ts';
import { openTable, type TableReader } from './tabular.ts';
import type { DecimalSeparator } from './values.ts';
import { guessedYesNoColumn, YES_NO_FIELD } from './yes-no-column.ts';

export { DATE_ORDERS, type DateOrder, isDateOrder, type RememberedDateOrder } from './date-order.ts';
export { ENTITIES, type FieldSpec, type FieldType, type ImportEntity, isImportEntity } from './entities.ts';
export { type FieldHelp, formatEntityFieldsHelp, listEntityFields } from './fields.ts';
export { type ImportNotice, NOTICE_CODES, type NoticeCode } from './import-notices.ts';
export { PROBLEM_CODES, type Problem, type ProblemCode, type ProblemParams, problem } from './problems.ts';
export type { ParsedCustomer, ParsedDocument, ParsedOrder, ParsedPayment } from './records.ts';
export { type ImportError, placeProblem } from './row-context.ts';
export type { ParsedRecordByEntity } from './rows-pass.ts';

export type ParsedRecord = ParsedRecordByEntity[ImportEntity];

export interface ParseOptions {
  /** Column header as in the file → field name ("ignore" drops the column); wins over recognition. */
  mapping?: Record<string, string>;
  /**
   * Column headers to skip (`--ignore-column`), without a notice; other unknown columns of a
   * customers file are refused, and a near miss of a field the file lacks (ignored-columns.ts).
   */
  ignoreColumns?: readonly string[];
  /** 'ignore': every column no field takes is skipped, a customers file's too. */
  unknownColumns?: UnknownColumns;
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
      /** Every field → the header naming it in problems (the file's, else its usual one). */
      columnNames: Record<string, string>;
      /**
       * What the user should know: the columns read past, how the dates were read (a column read
       * month first or by default), a file without rows.
       */
      notices: ImportNotice[];
      /** The order the file's own values showed, to remember; null when they showed none. */
      learnedDateOrder: LearnedDateOrder | null;
    }
  | {
      ok: false;
      entity: E;
      fileName: string;
      rowCount: number;
      errors: ImportError[];
      /** Every row built, with placeholders where a cell was bad: what did read can still be checked. */
      records: ParsedRecordByEntity[E][];
      fields: string[];
      columnNames: Record<string, string>;
      /** The file's headers no field takes (to offer them for a field the file lacks). */
      unmappedColumns: string[];
    };

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
    const columnNames = columnNamesOf(entity, { columnByField: new Map() }, []);
    return {
      ok: false,
      entity,
      fileName,
      rowCount: 0,
      errors: errors.list(),
      records: [],
      fields: [],
      columnNames,
      unmappedColumns: [],
    };
  }
  const { mapping, ignoreColumns, unknownColumns } = options;
  let resolution = resolveColumns(entity, table.headers, mapping, ignoreColumns, [], unknownColumns);
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
    if (pass.notYesNo)
      resolution = resolveColumns(
        entity,
        table.headers,
        mapping,
        ignoreColumns,
        [YES_NO_FIELD],
        unknownColumns,
      );
    table = await openTable(filePath, opening);
    const dates = new DateColumns(options.dateOrder ?? null, plan, remembered);
    pass = await readRows(table, fileName, entity, resolution, options, { dates, yesNoColumn: undefined });
  }
  const { errors, records, rowCount, amounts, dates } = pass;
  const fields = [...resolution.columnByField.keys()];
  const columnNames = columnNamesOf(entity, resolution, table.headers);
  const { unmappedColumns } = resolution;
  if (errors.count > 0)
    return {
      ok: false,
      entity,
      fileName,
      rowCount,
      errors: errors.list(),
      records,
      fields,
      columnNames,
      unmappedColumns,
    };
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
    unmappedColumns,
    fields,
    columnNames,
    // The columns read past first (what was not read), then how the dates were. A header and no
    // row is accepted (nothing to write) but said: an export cut short looks like it.
    notices: [
      ...resolution.notices,
      ...(rowCount === 0
        ? [{ code: 'file_has_no_rows' as const, params: {} }]
        : dates.notices(table.headers)),
    ],
    learnedDateOrder:
      datesKey === null || learned === null ? null : { dateColumnsKey: datesKey, order: learned },
  };
}
