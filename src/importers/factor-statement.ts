/**
 * The factor's statement of the current account (relevé de compte courant), as CSV or XLSX, read
 * into signed lines for the reconciliation. Factors print it from the client's side: a credit is
 * in our favour, a debit against us. Columns are recognised by their usual headers — a date, a
 * label, an optional reference (bordereau, invoice), and either debit and credit columns or one
 * signed amount; other columns (a running balance…) are ignored. Problems name the line.
 */
import type { StatementLine } from '#core/legal/factoring-account';
import type { CurrencyCode } from '#core/types';
import { normaliseHeader } from './fields.ts';
import { openTable, TableFormatError, type TableReader } from './tabular.ts';
import { AmountReader, parseDateText } from './values.ts';

export type StatementField = 'date' | 'reference' | 'label' | 'debit' | 'credit' | 'amount';

const HEADERS: Readonly<Record<StatementField, readonly string[]>> = {
  date: ['date', 'date operation', 'date comptable', 'date valeur', 'value date', 'booking date'],
  reference: ['reference', 'ref', 'piece', 'numero piece', 'bordereau', 'numero bordereau', 'document'],
  label: ['libelle', 'label', 'description', 'designation', 'nature', 'operation'],
  debit: ['debit', 'debit eur', 'montant debit'],
  credit: ['credit', 'credit eur', 'montant credit'],
  amount: ['montant', 'amount', 'montant eur', 'amount eur'],
};

const FIELD_BY_HEADER = new Map(
  (Object.entries(HEADERS) as [StatementField, readonly string[]][]).flatMap(([field, headers]) =>
    headers.map((header) => [normaliseHeader(header), field] as const),
  ),
);

export type StatementProblemCode =
  | 'unreadable'
  | 'missing_column'
  | 'invalid_date'
  | 'invalid_amount'
  | 'no_amount';

export interface StatementProblem {
  line: number;
  code: StatementProblemCode;
  /** The column, or the reader's own problem code when the file cannot be read as a table. */
  detail: string;
}

export type StatementParse =
  | { ok: true; lines: StatementLine[] }
  | { ok: false; problems: StatementProblem[] };

function columnsOf(table: TableReader): Map<StatementField, number> {
  const columns = new Map<StatementField, number>();
  table.headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  return columns;
}

function missingColumns(columns: Map<StatementField, number>): string[] {
  const missing: string[] = [];
  if (!columns.has('date')) missing.push('date');
  if (!columns.has('amount') && !columns.has('debit') && !columns.has('credit')) missing.push('amount');
  return missing;
}

type CellOf = (cells: string[], field: StatementField) => string;

function readRow(
  line: number,
  cells: string[],
  cell: CellOf,
  amounts: { reader: AmountReader; currency: CurrencyCode },
  problems: StatementProblem[],
): StatementLine {
  const date = parseDateText(cell(cells, 'date'));
  if (date === null) problems.push({ line, code: 'invalid_date', detail: 'date' });
  const entry: StatementLine = {
    line,
    date: date ?? '',
    reference: cell(cells, 'reference') || null,
    label: cell(cells, 'label'),
    amountMinor: 0,
  };
  const texts = (['amount', 'credit', 'debit'] as const).map((field) => [field, cell(cells, field)] as const);
  if (texts.every(([, text]) => text === '')) problems.push({ line, code: 'no_amount', detail: 'amount' });
  for (const [field, text] of texts) {
    if (text === '') continue;
    // An ambiguous amount ("1.234") is settled at the end of the file: the entry is completed then.
    amounts.reader.read(text, amounts.currency, (minor) => {
      if (minor === null) problems.push({ line, code: 'invalid_amount', detail: field });
      else if (field === 'debit') entry.amountMinor -= Math.abs(minor);
      else if (field === 'credit') entry.amountMinor += Math.abs(minor);
      else entry.amountMinor += minor;
    });
  }
  return entry;
}

export async function parseFactorStatement(
  filePath: string,
  currency: CurrencyCode,
): Promise<StatementParse> {
  let table: TableReader;
  try {
    table = await openTable(filePath);
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    return {
      ok: false,
      problems: [{ line: error.line ?? 0, code: 'unreadable', detail: error.problem.code }],
    };
  }
  const columns = columnsOf(table);
  const missing = missingColumns(columns);
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((detail) => ({ line: table.headerLine, code: 'missing_column', detail })),
    };
  const fallback =
    table.format === 'xlsx' || table.separator === ',' ? '.' : table.separator === ';' ? ',' : null;
  const reader = new AmountReader(fallback);
  const problems: StatementProblem[] = [];
  const lines: StatementLine[] = [];
  const cell: CellOf = (cells, field) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  try {
    for await (const { line, cells } of table.rows())
      lines.push(readRow(line, cells, cell, { reader, currency }, problems));
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    problems.push({ line: error.line ?? 0, code: 'unreadable', detail: error.problem.code });
  }
  reader.finish();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}
