/** The problems found in a FEC, capped so that a wholly wrong file does not flood the report. */
import { type Problem, problem } from '../problems.ts';
import { type ImportError, placeProblem } from '../row-context.ts';
import type { FecHeader } from './fec-values.ts';

export class Problems {
  readonly errors: ImportError[] = [];
  omitted = 0;
  readonly #file: string;
  readonly #limit: number;
  constructor(file: string, limit: number) {
    this.#file = file;
    this.#limit = limit;
  }
  add(line: number, column: string | null, value: string | null, found: Problem): void {
    if (this.errors.length >= this.#limit) this.omitted++;
    else this.errors.push(placeProblem(this.#file, line, column, value, found));
  }
}

/**
 * The header's problems, false when the file cannot be read on. A header that splits into one cell
 * has neither separator a FEC uses (tab, pipe): every column is then "missing", and eighteen
 * problems would hide the one cause, so it is one problem for the line.
 */
export function checkFecHeader(header: FecHeader, line: number, problems: Problems): boolean {
  if (header.width <= 1 && header.missingColumns.length > 1) {
    problems.add(line, null, null, problem('fec_header_unreadable'));
    return false;
  }
  for (const column of header.missingColumns) problems.add(line, column, null, problem('fec_missing_column'));
  return header.missingColumns.length === 0;
}

export function rejected(
  fileName: string,
  problems: Problems,
): { ok: false; fileName: string; errors: ImportError[] } {
  if (problems.omitted > 0) {
    const omitted = problem('fec_more_problems_omitted', { count: problems.omitted });
    problems.errors.push(placeProblem(fileName, 0, null, null, omitted));
  }
  return { ok: false, fileName, errors: problems.errors };
}

export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = Math.abs(amountMinor);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}
