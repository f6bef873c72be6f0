/** The problems found in a FEC, capped so that a wholly wrong file does not flood the report. */
import type { ImportError } from '../row-context.ts';

export class Problems {
  readonly errors: ImportError[] = [];
  omitted = 0;
  readonly #file: string;
  readonly #limit: number;
  constructor(file: string, limit: number) {
    this.#file = file;
    this.#limit = limit;
  }
  add(line: number, column: string | null, value: string | null, reason: string): void {
    if (this.errors.length >= this.#limit) this.omitted++;
    else this.errors.push({ file: this.#file, line, column, value, reason });
  }
}

export function rejected(
  fileName: string,
  problems: Problems,
): { ok: false; fileName: string; errors: ImportError[] } {
  if (problems.omitted > 0)
    problems.errors.push({
      file: fileName,
      line: 0,
      column: null,
      value: null,
      reason: `${problems.omitted} more problem(s) not listed`,
    });
  return { ok: false, fileName, errors: problems.errors };
}

export function formatMinor(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = Math.abs(amountMinor);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}
