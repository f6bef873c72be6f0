/**
 * Reading the cells of one row by field name, with every problem recorded against the line and
 * the column header the user will look for in the file.
 */
import type { CurrencyCode, IsoDate } from '../core/types.ts';
import type { DateColumns } from './date-order.ts';
import { type Problem, type ProblemCode, type ProblemParams, problem } from './problems.ts';
import { type AmountReader, type DecimalSeparator, isMissingDay, parseDateText } from './values.ts';

export interface ImportError {
  file: string;
  line: number;
  /** Header as in the file (or the expected field for a missing column); null for a whole row. */
  column: string | null;
  value: string | null;
  /** Stable problem code (problems.ts); the use cases word it in the reader's language. */
  code: ProblemCode;
  /** The values the message is made of. */
  params: ProblemParams;
}

/** Keeps the first `limit` errors in line order and counts the others. */
export class ErrorCollector {
  readonly #file: string;
  readonly #limit: number;
  readonly #errors: ImportError[] = [];
  #omittedCount = 0;
  #firstOmittedLine = Number.POSITIVE_INFINITY;

  constructor(file: string, limit: number) {
    this.#file = file;
    this.#limit = limit;
  }

  get count(): number {
    return this.#errors.length + this.#omittedCount;
  }

  add(line: number, column: string | null, value: string | null, found: Problem): void {
    if (this.#errors.length < this.#limit) {
      this.#errors.push(placeProblem(this.#file, line, column, value, found));
    } else {
      this.#omittedCount++;
      this.#firstOmittedLine = Math.min(this.#firstOmittedLine, line);
    }
  }

  /** Errors sorted by line (stable), plus a last one telling how many were left out. */
  list(): ImportError[] {
    const errors = [...this.#errors].sort((a, b) => a.line - b.line);
    if (this.#omittedCount > 0) {
      const omitted = problem('more_errors_omitted', { count: this.#omittedCount });
      errors.push(placeProblem(this.#file, this.#firstOmittedLine, null, null, omitted));
    }
    return errors;
  }
}

/** A problem placed on a line of a file (and column, with the value found there). */
export function placeProblem(
  file: string,
  line: number,
  column: string | null,
  value: string | null,
  found: Problem,
): ImportError {
  return { file, line, column, value, code: found.code, params: found.params };
}

export interface RowSource {
  headers: readonly string[];
  columnByField: ReadonlyMap<string, number>;
  errors: ErrorCollector;
  amounts: AmountReader;
  /** The order of each date column's day and month; day first for every column when absent. */
  dates?: DateColumns;
}

/** Returns the problem of an amount that parsed but breaks a rule of the entity, or null. */
export type AmountRule = (amountMinor: number) => Problem | null;

export class RowContext {
  readonly line: number;
  readonly #cells: readonly string[];
  readonly #source: RowSource;

  constructor(source: RowSource, line: number, cells: readonly string[]) {
    this.#source = source;
    this.line = line;
    this.#cells = cells;
  }

  /** Header of the column feeding `field` (the field name if the file has no such column). */
  columnOf(field: string): string {
    const index = this.#source.columnByField.get(field);
    return index === undefined ? field : (this.#source.headers[index] ?? field);
  }

  /** Trimmed cell text; null when empty or when the file has no column for the field. */
  text(field: string): string | null {
    const index = this.#source.columnByField.get(field);
    if (index === undefined) return null;
    const value = (this.#cells[index] ?? '').trim();
    return value === '' ? null : value;
  }

  fail(field: string, found: Problem, value: string | null = this.text(field)): void {
    this.#source.errors.add(this.line, this.columnOf(field), value, found);
  }

  /** A value that must be there; a missing column was already reported with the header. */
  required(field: string): string | null {
    const value = this.text(field);
    if (value === null && this.#source.columnByField.has(field)) {
      this.fail(field, problem('missing_required'), '');
    }
    return value;
  }

  date(field: string, isRequired: boolean): IsoDate | null {
    const text = isRequired ? this.required(field) : this.text(field);
    if (text === null) return null;
    const column = this.#source.columnByField.get(field);
    const dates = this.#source.dates;
    if (dates === undefined || column === undefined) {
      const date = parseDateText(text);
      if (date === null)
        this.fail(
          field,
          isMissingDay(text) ? problem('date_not_in_calendar', { value: text }) : problem('invalid_date'),
          text,
        );
      return date;
    }
    const reading = dates.read(column, text, this.line);
    if (reading.ok) return reading.date;
    if (reading.problem !== null) this.fail(field, reading.problem, text);
    return null;
  }

  /**
   * Reads an amount and hands it to `assign` once its decimal convention is known, which may be
   * at the end of the file. `rule` can refuse the value (sign rules of the entity).
   */
  amount(
    field: string,
    currency: CurrencyCode,
    isRequired: boolean,
    assign: (amountMinor: number) => void,
    rule: AmountRule = () => null,
  ): void {
    const text = isRequired ? this.required(field) : this.text(field);
    if (text === null) return;
    const line = this.line;
    const column = this.columnOf(field);
    const errors = this.#source.errors;
    this.#source.amounts.read(text, currency, (amountMinor, decimalSeparator) => {
      if (amountMinor === null) {
        errors.add(line, column, text, describeBadAmount(currency, decimalSeparator));
        return;
      }
      const broken = rule(amountMinor);
      if (broken === null) assign(amountMinor);
      else errors.add(line, column, text, broken);
    });
  }
}

function describeBadAmount(currency: CurrencyCode, decimalSeparator: DecimalSeparator | null): Problem {
  return decimalSeparator === null
    ? problem('invalid_amount', { currency })
    : problem('invalid_amount_with_separator', { currency, decimalSeparator });
}
