/**
 * Reading a small CSV or XLSX file whose columns are a fixed list of fields (a lawyer's status
 * report, customers' balance sheets): headers resolved in French or English, unknown and duplicate
 * columns reported with the accepted header they most resemble, required columns checked, one
 * record built per row, and every problem listed with its line. The ledger imports have their
 * own, streaming reader (parse-file.ts); these files are a few thousand rows at most.
 */
import { basename } from 'node:path';
import type { FieldSpec } from './field-spec.ts';
import { normaliseHeader } from './fields.ts';
import { headerListParam, type ProblemCode, type ProblemParams, problem } from './problems.ts';
import { ErrorCollector, type ImportError, RowContext, type RowSource } from './row-context.ts';
import { openTable, TableFormatError, type TableReader } from './tabular.ts';
import { englishHeaderOf } from './tabular-english-headers.ts';
import { AmountReader } from './values.ts';

export interface FieldTable {
  fields: readonly FieldSpec[];
  /** Two fields of which at least one must be a column (e.g. our file number or the partner's). */
  identifiedBy: readonly [string, string];
}

export type FieldTableParse<T> =
  | { ok: true; records: T[]; rowCount: number }
  | { ok: false; errors: ImportError[]; rowCount: number };

/** The accepted header sharing the most words with an unknown one, to say what was meant; null if none. */
function closestHeader(fields: readonly FieldSpec[], header: string): string | null {
  const words = new Set(normaliseHeader(header).split(' '));
  let best: { header: string | null; shared: number } = { header: null, shared: 0 };
  for (const spec of fields)
    for (const candidate of spec.headers) {
      const shared = normaliseHeader(candidate)
        .split(' ')
        .filter((word) => words.has(word)).length;
      if (shared > best.shared) best = { header: candidate, shared };
    }
  return best.header;
}

/**
 * A problem of the file's columns, marked as one of a file whose columns no option maps or skips
 * (no command, route or page of these files has one): its remedy is to rename or remove a column.
 */
function columnProblem(code: ProblemCode, params: ProblemParams) {
  return problem(code, { ...params, fixedColumns: 'yes' });
}

function resolveHeaders(shape: FieldTable, table: TableReader, errors: ErrorCollector): Map<string, number> {
  const fieldByHeader = new Map(
    shape.fields.flatMap((spec) =>
      [spec.name, ...spec.headers].map((h) => [normaliseHeader(h), spec] as const),
    ),
  );
  const columnByField = new Map<string, number>();
  table.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const spec = fieldByHeader.get(normaliseHeader(header));
    if (!spec) {
      const suggestion = closestHeader(shape.fields, header);
      const unknown =
        suggestion === null
          ? columnProblem('unknown_column_no_match', { column: header })
          : columnProblem('unknown_column', { column: header, suggestion });
      errors.add(table.headerLine, header, null, unknown);
    } else if (columnByField.has(spec.name)) {
      const other = table.headers[columnByField.get(spec.name) ?? 0] ?? '';
      const params = { other, column: header, field: spec.name };
      errors.add(table.headerLine, header, null, columnProblem('ambiguous_columns', params));
    } else columnByField.set(spec.name, index);
  });
  const missing = shape.fields.filter((spec) => spec.required && !columnByField.has(spec.name));
  const [first, second] = shape.identifiedBy;
  const identifying = shape.fields.find((spec) => spec.name === first);
  if (identifying && !columnByField.has(first) && !columnByField.has(second)) missing.unshift(identifying);
  for (const spec of missing) {
    const params = {
      label: spec.headers[0] ?? spec.name,
      englishLabel: englishHeaderOf(spec),
      field: spec.name,
      headers: headerListParam(spec.headers),
    };
    errors.add(table.headerLine, null, null, columnProblem('missing_required_column', params));
  }
  return columnByField;
}

/** Reads the file and builds one record per row; nothing is returned but the problems if there is one. */
export async function parseFieldTable<T>(
  filePath: string,
  fileName: string | undefined,
  shape: FieldTable,
  build: (row: RowContext) => T,
): Promise<FieldTableParse<T>> {
  const errors = new ErrorCollector(fileName ?? basename(filePath), 1000);
  let table: TableReader;
  try {
    table = await openTable(filePath);
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    errors.add(error.line ?? 0, null, null, error.problem);
    return { ok: false, errors: errors.list(), rowCount: 0 };
  }
  const columnByField = resolveHeaders(shape, table, errors);
  const separator =
    table.format === 'xlsx' || table.separator === ',' ? '.' : table.separator === ';' ? ',' : null;
  const source: RowSource = {
    headers: table.headers,
    columnByField,
    errors,
    amounts: new AmountReader(separator),
  };
  const records: T[] = [];
  let rowCount = 0;
  try {
    for await (const { line, cells } of table.rows()) {
      rowCount++;
      records.push(build(new RowContext(source, line, cells)));
    }
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    errors.add(error.line ?? 0, null, null, error.problem);
  }
  source.amounts.finish();
  return errors.count > 0 ? { ok: false, errors: errors.list(), rowCount } : { ok: true, records, rowCount };
}
