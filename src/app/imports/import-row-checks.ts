/**
 * The row-level checks of an import against the company's data (customers and their currency,
 * amount bounds), shared by a file being written and a file the parser already rejected: a
 * rejected file is still checked on the values that did read, so that one report lists every
 * problem of the file (an unknown customer on a row whose amount is also bad).
 */
import type { Kysely } from 'kysely';
import { findCustomerTerms } from '#db/imports/import-checks';
import type { Database } from '#db/infra/schema';
import { shareTheLoop } from '#importers/event-loop';
import { type ImportError, placeProblem } from '#importers/parse-file';
import { type Problem, problem } from '#importers/problems';
import { isAmountWithinBounds, MAX_AMOUNT_MINOR } from './amount-bounds.ts';

/** Which values of a file read (a bad or absent cell leaves a placeholder in its record). */
export interface ValuesRead {
  /** Whether the row's value of the field is what the file says. */
  value(line: number, field: string): boolean;
  /** Whether the whole row read (its record may be staged). */
  row(line: number): boolean;
}

/** A file that read without a problem: every value is what the file says. */
export const EVERY_VALUE: ValuesRead = { value: () => true, row: () => true };

/**
 * The values of a rejected file that did read: not those of a required field the file has no
 * column for, nor those of a cell with a problem, nor any of a row with a problem of the whole row.
 */
export function valuesThatRead(
  errors: readonly ImportError[],
  columnNames: Readonly<Record<string, string>>,
): ValuesRead {
  const absentFields = new Set<string>();
  const badCells = new Set<string>();
  const badRows = new Set<number>();
  const linesWithProblems = new Set<number>();
  for (const error of errors) {
    linesWithProblems.add(error.line);
    if (error.code === 'missing_required_column') absentFields.add(String(error.params.field));
    else if (error.column === null) badRows.add(error.line);
    else badCells.add(`${error.line}\u0000${error.column}`);
  }
  return {
    value: (line, field) =>
      !absentFields.has(field) &&
      !badRows.has(line) &&
      !badCells.has(`${line}\u0000${columnNames[field] ?? field}`),
    row: (line) => absentFields.size === 0 && !linesWithProblems.has(line),
  };
}

/**
 * The problems found while checking or writing a file, each placed on the column the person
 * knows: the file's header for the field (or its usual header when the file has none).
 */
export class ProblemList {
  readonly errors: ImportError[] = [];
  readonly #lines = new Set<number>();
  readonly #fileName: string;
  readonly #columnNames: Readonly<Record<string, string>>;

  constructor(fileName: string, columnNames: Readonly<Record<string, string>>) {
    this.#fileName = fileName;
    this.#columnNames = columnNames;
  }

  add(line: number, field: string | null, value: string | null, found: Problem): void {
    const column = field === null ? null : (this.#columnNames[field] ?? field);
    this.errors.push(placeProblem(this.#fileName, line, column, value, found));
    this.#lines.add(line);
  }

  /** Whether a line already has a problem (its record is not to be staged). */
  hasLine(line: number): boolean {
    return this.#lines.has(line);
  }
}

/** No single amount past the business bound (see amount-bounds.ts). */
export async function checkAmounts<Row extends { line: number; currency: string }>(
  problems: ProblemList,
  rows: readonly Row[],
  field: string,
  amountOf: (row: Row) => number | null,
  read: ValuesRead = EVERY_VALUE,
): Promise<void> {
  for (const [index, row] of rows.entries()) {
    await shareTheLoop(index);
    if (!read.value(row.line, field)) continue;
    const amountMinor = amountOf(row);
    if (isAmountWithinBounds(amountMinor)) continue;
    const params = { limitMinor: MAX_AMOUNT_MINOR, currency: row.currency };
    problems.add(row.line, field, String(amountMinor), problem('amount_too_large', params));
  }
}

export type CustomerTerms = Map<string, { terms: string; currency: string }>;

/** Every row's customer must exist, in the same currency; returns their payment terms. */
export async function checkCustomers(
  trx: Kysely<Database>,
  companyId: string,
  problems: ProblemList,
  rows: readonly { line: number; customerCode: string; currency: string }[],
  read: ValuesRead = EVERY_VALUE,
): Promise<CustomerTerms> {
  const named = rows.filter((row) => read.value(row.line, 'customerCode') && row.customerCode !== '');
  const codes = [...new Set(named.map((row) => row.customerCode))];
  const found = await findCustomerTerms(trx, companyId, codes);
  for (const [index, row] of named.entries()) {
    await shareTheLoop(index);
    const customer = found.get(row.customerCode);
    if (!customer) {
      const unknown = problem('unknown_customer', { customerCode: row.customerCode });
      problems.add(row.line, 'customerCode', row.customerCode, unknown);
    } else if (customer.currency !== row.currency && read.value(row.line, 'currency')) {
      const params = { currency: row.currency, customerCurrency: customer.currency };
      problems.add(row.line, 'currency', row.currency, problem('currency_mismatch', params));
    }
  }
  return found;
}
