/** The problems found in a FEC, capped so that a wholly wrong file does not flood the report. */
import { type Problem, problem } from '../problems.ts';
import { type ImportError, placeProblem } from '../row-context.ts';

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
