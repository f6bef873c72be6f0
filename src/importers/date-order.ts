/**
 * The order of a date column's day and month. "03/04/2013" is the 3rd of April in France and
 * March 4th in an American export, so each column's order is read from all its values: a value
 * whose second number is over 12 ("3/25/2013") can only be month first, one whose first number
 * is ("25/3/2013") only day first; a value that is a real date in neither order ("02/30/2024") says
 * nothing and is reported as an invalid date. A column with values of both kinds is refused. A
 * column whose values all read both ways takes the order of the file's other date columns when
 * they agree, else the order the company's last file of the same kind showed (remembered with
 * that import, see import-runs.ts), else stays day first (the French habit); the import says so.
 * What each value says, and its counts per column: date-evidence.ts.
 */
import type { IsoDate } from '../core/types.ts';
import {
  type ColumnEvidence,
  countEvidence,
  type DateEvidence,
  type DateExample,
  dateEvidence,
  emptyColumnEvidence,
  fileOrderOf,
} from './date-evidence.ts';
import type { ImportNotice } from './import-notices.ts';
import { type Problem, problem } from './problems.ts';
import { isMissingDay, parseDateText } from './values.ts';

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export function isDateOrder(text: string): text is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(text);
}

/**
 * The order an earlier import of the same kind of file (same entity, same date columns) found in
 * its own values, with that file's name, for the columns whose values read both ways.
 */
export interface RememberedDateOrder {
  order: 'dmy' | 'mdy';
  fileName: string;
}

/** What a finished pass tells about the file's dates, per column index. */
export interface DateColumnsPlan {
  orderByColumn: ReadonlyMap<number, DateOrder>;
  /** Columns with day-first-only and month-first-only values: refused once, their values not again. */
  mixedColumns: ReadonlySet<number>;
}

/** A column mixing both orders, placed on one of its rows (`line`, with its `value`). */
export interface MixedDateColumn extends DateExample {
  column: string;
  problem: Problem;
}

export type DateReading = { ok: true; date: IsoDate } | { ok: false; problem: Problem | null };

const FORMAT_OF_ORDER: Record<DateOrder, string> = {
  dmy: 'DD/MM/YYYY',
  mdy: 'MM/DD/YYYY',
  // Only a two-digit year comes first in this order: four-digit years first are read in every order.
  ymd: 'YY/MM/DD',
};

/**
 * Reads a file's dates with its columns' orders and counts what every value says about them.
 * `explicit` (the user's `--date-order`) wins; otherwise `plan` (from an earlier pass over the
 * file) or day first. `needsAnotherPass` turns true as soon as a value contradicts the order
 * used, so the caller can stop building records and only count (`observe`) to the end.
 */
export class DateColumns {
  readonly #explicit: DateOrder | null;
  readonly #plan: DateColumnsPlan | null;
  readonly #remembered: RememberedDateOrder | null;
  readonly #evidence = new Map<number, ColumnEvidence>();
  /**
   * What each distinct text says and reads as. A file's dates repeat (about a thousand days in a
   * million rows) and each value was parsed three times (both orders for the evidence, then its
   * column's): 18 % of a parse's CPU. Pure functions of the text, so the same answers.
   */
  readonly #evidenceByText = new Map<string, DateEvidence>();
  readonly #dateByText = new Map<string, IsoDate | null>();
  #needsAnotherPass = false;

  constructor(
    explicit: DateOrder | null,
    plan: DateColumnsPlan | null = null,
    remembered: RememberedDateOrder | null = null,
  ) {
    this.#explicit = explicit;
    this.#plan = plan;
    this.#remembered = remembered;
  }

  get needsAnotherPass(): boolean {
    return this.#needsAnotherPass;
  }

  orderOf(column: number): DateOrder {
    return this.#explicit ?? this.#plan?.orderByColumn.get(column) ?? this.#remembered?.order ?? 'dmy';
  }

  /** Counts what one value says (only while the order is not the user's). */
  observe(column: number, text: string, line: number): void {
    if (this.#explicit !== null) return;
    let evidence = this.#evidenceByText.get(text);
    if (evidence === undefined) {
      evidence = dateEvidence(text);
      remember(this.#evidenceByText, text, evidence);
    }
    if (evidence === null) return;
    let counts = this.#evidence.get(column);
    if (counts === undefined) {
      counts = emptyColumnEvidence();
      this.#evidence.set(column, counts);
    }
    // This runs for every date of the file: the examples are made once per column and kind.
    countEvidence(counts, evidence, text, line);
    // A value valid only in the order not in use (month first, or day first where the remembered
    // order reads month first): the file is to be read again in the orders its values decide.
    if (this.#plan !== null) return;
    const order = this.orderOf(column);
    if ((evidence === 'day_first' && order === 'mdy') || (evidence === 'month_first' && order !== 'mdy'))
      this.#needsAnotherPass = true;
  }

  /** Observes and parses one value of a column. */
  read(column: number, text: string, line: number): DateReading {
    this.observe(column, text, line);
    const order = this.orderOf(column);
    const key = `${order}/${text}`;
    let date = this.#dateByText.get(key);
    if (date === undefined) {
      date = parseDateText(text, order);
      remember(this.#dateByText, key, date);
    }
    if (date !== null) return { ok: true, date };
    // A mixed column is refused once for all its values; a value that reads neither way is still shown.
    if (this.#plan?.mixedColumns.has(column) && parseDateText(text, otherOrder(order)) !== null) {
      return { ok: false, problem: null };
    }
    if (isMissingDay(text, order))
      return { ok: false, problem: problem('date_not_in_calendar', { value: text }) };
    if (order === 'dmy') return { ok: false, problem: problem('invalid_date') };
    return { ok: false, problem: problem('invalid_date_in_order', { format: FORMAT_OF_ORDER[order] }) };
  }

  /**
   * The orders the evidence decides, for the next pass. A column whose values all read both ways
   * takes the order of the file's other date columns when they agree (one system wrote the
   * file: its due dates are in the order of its invoice dates), else the remembered one, else
   * day first.
   */
  plan(): DateColumnsPlan {
    const orderByColumn = new Map<number, DateOrder>();
    const mixedColumns = new Set<number>();
    const fileOrder = this.#fileOrder();
    for (const [column, counts] of this.#evidence) {
      if (counts.monthFirst > 0 && counts.dayFirst > 0) mixedColumns.add(column);
      const decisive = counts.monthFirst + counts.dayFirst > 0;
      const order = counts.monthFirst > counts.dayFirst ? 'mdy' : 'dmy';
      orderByColumn.set(column, decisive ? order : (fileOrder ?? this.#remembered?.order ?? 'dmy'));
    }
    return { orderByColumn, mixedColumns };
  }

  /**
   * The order this file's own values showed, to remember for the next file of its kind: every
   * column with decisive values agrees on it. Null when the user chose the order (their choice
   * is for this file), when no value decides, or when the columns disagree.
   */
  learnedOrder(): 'dmy' | 'mdy' | null {
    if (this.#explicit !== null) return null;
    return this.#fileOrder();
  }

  /** The one order of every column with decisive values, or null (none, or they disagree). */
  #fileOrder(): 'dmy' | 'mdy' | null {
    return fileOrderOf(this.#evidence.values());
  }

  /**
   * Column-level problems (mixed orders) for `headers`, one per column, placed on the row most
   * likely at fault: the first of the fewer order (the later of the two firsts when as many),
   * with its value; the message names the first row of each order.
   */
  problems(headers: readonly string[]): MixedDateColumn[] {
    const found: MixedDateColumn[] = [];
    for (const [column, counts] of this.#evidence) {
      const { firstDayFirst: dayFirst, firstMonthFirst: monthFirst } = counts;
      if (dayFirst === null || monthFirst === null) continue;
      const params = {
        column: headers[column] ?? '',
        dayFirstLine: dayFirst.line,
        dayFirstValue: dayFirst.value,
        dayFirstCount: counts.dayFirst,
        monthFirstLine: monthFirst.line,
        monthFirstValue: monthFirst.value,
        monthFirstCount: counts.monthFirst,
      };
      const atFault = rowAtFault(counts, dayFirst, monthFirst);
      found.push({ ...atFault, column: params.column, problem: problem('mixed_date_orders', params) });
    }
    return found;
  }

  /**
   * What the user should know about how the dates were read: a column read month first (with
   * the value that decided it, and that value's column when it is another one), a column read in
   * the order remembered from the last file of its kind, or a column whose every value reads both
   * ways, read day first. Nothing when the user chose the order.
   */
  notices(headers: readonly string[]): ImportNotice[] {
    const notices: ImportNotice[] = [];
    const fileOrder = this.#fileOrder();
    for (const [column, counts] of this.#evidence) {
      if (counts.dayFirst > 0 || this.#plan?.mixedColumns.has(column)) continue;
      const notice = this.#noticeOf(headers, column, counts, fileOrder);
      if (notice !== null) notices.push(notice);
    }
    return notices;
  }

  #noticeOf(
    headers: readonly string[],
    column: number,
    counts: ColumnEvidence,
    fileOrder: DateOrder | null,
  ): ImportNotice | null {
    const header = headers[column] ?? '';
    const order = this.orderOf(column);
    if (order === 'mdy' && counts.firstMonthFirst !== null) {
      const { line, value } = counts.firstMonthFirst;
      return { code: 'date_order_month_first', params: { column: header, line, value } };
    }
    // The column's own values all read both ways: say what decided its order, and where.
    if (order === 'mdy' && fileOrder === 'mdy') {
      const other = this.#firstMonthFirstOfFile();
      if (other === null) return null;
      const otherColumn = headers[other.column] ?? '';
      const params = { column: header, otherColumn, line: other.line, value: other.value };
      return { code: 'date_order_month_first_other_column', params };
    }
    if (fileOrder !== null || counts.firstAmbiguous === null) return null;
    if (this.#remembered !== null) {
      const { order: remembered, fileName } = this.#remembered;
      const params = { column: header, order: remembered, file: fileName };
      return { code: 'date_order_remembered', params };
    }
    const params = { column: header, count: counts.ambiguous, value: counts.firstAmbiguous.value };
    return { code: 'date_order_assumed', params };
  }

  #firstMonthFirstOfFile(): (DateExample & { column: number }) | null {
    for (const [column, counts] of this.#evidence)
      if (counts.firstMonthFirst) return { ...counts.firstMonthFirst, column };
    return null;
  }
}

/** Distinct texts kept per cache: a file of all-different values does not grow it without bound. */
const MAX_CACHED_TEXTS = 20_000;

function remember<Value>(cache: Map<string, Value>, key: string, value: Value): void {
  if (cache.size >= MAX_CACHED_TEXTS) cache.clear();
  cache.set(key, value);
}

/** The first value of the fewer order in a mixed column; of the later first when both are as many. */
function rowAtFault(counts: ColumnEvidence, dayFirst: DateExample, monthFirst: DateExample): DateExample {
  if (counts.dayFirst !== counts.monthFirst)
    return counts.dayFirst < counts.monthFirst ? dayFirst : monthFirst;
  return dayFirst.line > monthFirst.line ? dayFirst : monthFirst;
}

function otherOrder(order: DateOrder): DateOrder {
  return order === 'mdy' ? 'dmy' : 'mdy';
}
