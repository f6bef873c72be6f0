/** Types and helpers shared by the CSV and XLSX readers (see `tabular.ts`). */
import type { Problem } from './problems.ts';
import type { CsvSeparator } from './text-encoding.ts';

export interface TableRow {
  /** CSV: 1-based physical line where the record starts; XLSX: the sheet's row number. */
  line: number;
  /** Raw cell texts, padded with '' up to the header length; longer rows are kept as they are. */
  cells: string[];
}

export interface TableReader {
  format: 'csv' | 'xlsx';
  /** CSV only; a pure-ASCII beginning reads as 'utf-8' until a later byte says otherwise. */
  encoding: 'utf-8' | 'windows-1252' | null;
  separator: CsvSeparator | null;
  headers: string[];
  headerLine: number;
  totalBytes: number;
  bytesRead(): number;
  /** Data rows after the header; entirely empty rows are skipped. Can be iterated once. */
  rows(): AsyncIterable<TableRow>;
}

/** The file cannot be read as a table at all (empty, corrupt, unbalanced quotes…). */
export class TableFormatError extends Error {
  readonly line: number | null;
  readonly problem: Problem;

  constructor(found: Problem, line: number | null = null) {
    // The code is the message of the error (for logs); imports word the problem in their language.
    super(`${found.code} ${JSON.stringify(found.params)}`);
    this.name = 'TableFormatError';
    this.problem = found;
    this.line = line;
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function padCells(cells: string[], headerCount: number): string[] {
  while (cells.length < headerCount) cells.push('');
  return cells;
}
