/**
 * The order of a date column's day and month. "03/04/2013" is the 3rd of April in France and
 * March 4th in an American export, so each column's order is read from all its values: a value
 * whose second number is over 12 ("3/25/2013") can only be month first, one whose first number
 * is ("25/3/2013") only day first; a value that is a real date in neither order ("02/30/2024") says
 * nothing and is reported as an invalid date. A column with values of both kinds is refused. A
 * column whose values all read both ways takes the order of the file's other date columns when
 * they agree, else stays day first (the French habit), and the import says so.
 */
import type { IsoDate } from '../core/types.ts';
import { type Problem, problem } from './problems.ts';
import { parseDateText } from './values.ts';

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export function isDateOrder(text: string): text is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(text);
}

/** How the first two numbers of "N/N/YYYY" look; null for any other shape (ISO dates included). */
const NUMERIC_DATE = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})\s*$/;

export type DateEvidence = 'day_first' | 'month_first' | 'ambiguous' | null;

/**
 * What one value says about its column's order (null: nothing, e.g. ISO or "5/5/2013"). Only a real
 * date counts: "02/30/2024" is no date in either order, so it is an invalid value, not month-first
 * evidence.
 */
export function dateEvidence(text: string): DateEvidence {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return null;
  const dayFirst = parseDateText(text, 'dmy') !== null;
  const monthFirst = parseDateText(text, 'mdy') !== null;
  if (dayFirst && !monthFirst) return 'day_first';
  if (monthFirst && !dayFirst) return 'month_first';
  return dayFirst && Number(match[1]) !== Number(match[3]) ? 'ambiguous' : null;
}

interface Example {
  line: number;
  value: string;
}

interface ColumnEvidence {
  dayFirst: number;
  monthFirst: number;
  ambiguous: number;
  firstDayFirst: Example | null;
  firstMonthFirst: Example | null;
  firstAmbiguous: Example | null;
}

/** What a finished pass tells about the file's dates, per column index. */
export interface DateColumnsPlan {
  orderByColumn: ReadonlyMap<number, DateOrder>;
  /** Columns with day-first-only and month-first-only values: refused once, their values not again. */
  mixedColumns: ReadonlySet<number>;
}

export type DateReading = { ok: true; date: IsoDate } | { ok: false; problem: Problem | null };

const FORMAT_OF_ORDER: Record<DateOrder, string> = {
  dmy: 'DD/MM/YYYY',
  mdy: 'MM/DD/YYYY',
  ymd: 'YYYY/MM/DD',
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
  readonly #evidence = new Map<number, ColumnEvidence>();
  #needsAnotherPass = false;

  constructor(explicit: DateOrder | null, plan: DateColumnsPlan | null = null) {
    this.#explicit = explicit;
    this.#plan = plan;
  }

  get needsAnotherPass(): boolean {
    return this.#needsAnotherPass;
  }

  orderOf(column: number): DateOrder {
    return this.#explicit ?? this.#plan?.orderByColumn.get(column) ?? 'dmy';
  }

  /** Counts what one value says (only while the order is not the user's). */
  observe(column: number, text: string, line: number): void {
    if (this.#explicit !== null) return;
    const evidence = dateEvidence(text);
    if (evidence === null) return;
    let counts = this.#evidence.get(column);
    if (counts === undefined) {
      counts = {
        dayFirst: 0,
        monthFirst: 0,
        ambiguous: 0,
        firstDayFirst: null,
        firstMonthFirst: null,
        firstAmbiguous: null,
      };
      this.#evidence.set(column, counts);
    }
    // The examples are made once per column and kind: this runs for every date of the file.
    if (evidence === 'day_first') {
      counts.dayFirst++;
      counts.firstDayFirst ??= { line, value: text.trim() };
    } else if (evidence === 'month_first') {
      counts.monthFirst++;
      counts.firstMonthFirst ??= { line, value: text.trim() };
      if (this.#plan === null) this.#needsAnotherPass = true;
    } else {
      counts.ambiguous++;
      counts.firstAmbiguous ??= { line, value: text.trim() };
    }
  }

  /** Observes and parses one value of a column. */
  read(column: number, text: string, line: number): DateReading {
    this.observe(column, text, line);
    const order = this.orderOf(column);
    const date = parseDateText(text, order);
    if (date !== null) return { ok: true, date };
    // A mixed column is refused once for all its values; a value that reads neither way is still shown.
    if (this.#plan?.mixedColumns.has(column) && parseDateText(text, otherOrder(order)) !== null) {
      return { ok: false, problem: null };
    }
    if (order === 'dmy') return { ok: false, problem: problem('invalid_date') };
    return { ok: false, problem: problem('invalid_date_in_order', { format: FORMAT_OF_ORDER[order] }) };
  }

  /**
   * The orders the evidence decides, for the next pass. A column whose values all read both ways
   * takes the order of the file's other date columns when they agree (one system wrote the
   * file: its due dates are in the order of its invoice dates), else day first.
   */
  plan(): DateColumnsPlan {
    const orderByColumn = new Map<number, DateOrder>();
    const mixedColumns = new Set<number>();
    const fileOrder = this.#fileOrder();
    for (const [column, counts] of this.#evidence) {
      if (counts.monthFirst > 0 && counts.dayFirst > 0) mixedColumns.add(column);
      const decisive = counts.monthFirst + counts.dayFirst > 0;
      const order = counts.monthFirst > counts.dayFirst ? 'mdy' : 'dmy';
      orderByColumn.set(column, decisive ? order : (fileOrder ?? 'dmy'));
    }
    return { orderByColumn, mixedColumns };
  }

  /** The one order of every column with decisive values, or null (none, or they disagree). */
  #fileOrder(): DateOrder | null {
    const orders = new Set<DateOrder>();
    for (const counts of this.#evidence.values()) {
      if (counts.monthFirst > 0) orders.add('mdy');
      if (counts.dayFirst > 0) orders.add('dmy');
    }
    const [only] = orders;
    return orders.size === 1 && only !== undefined ? only : null;
  }

  /** Column-level problems (mixed orders) for `headers`, one per column. */
  problems(headers: readonly string[]): Array<{ column: string; problem: Problem }> {
    const found: Array<{ column: string; problem: Problem }> = [];
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
      found.push({ column: headers[column] ?? '', problem: problem('mixed_date_orders', params) });
    }
    return found;
  }

  /**
   * What the user should know about how the dates were read: a column read month first (with
   * the value that decided it), or columns whose every value reads both ways, read day first.
   * Nothing when the user chose the order.
   */
  notices(headers: readonly string[]): ImportNotice[] {
    const notices: ImportNotice[] = [];
    const fileOrder = this.#fileOrder();
    for (const [column, counts] of this.#evidence) {
      const header = headers[column] ?? '';
      const decided = this.#plan?.orderByColumn.get(column) ?? 'dmy';
      if (counts.dayFirst > 0 || this.#plan?.mixedColumns.has(column)) continue;
      if (decided === 'mdy') {
        const example = counts.firstMonthFirst ?? this.#firstMonthFirstOfFile();
        if (example === null) continue;
        const params = { column: header, line: example.line, value: example.value };
        notices.push({ code: 'date_order_month_first', params });
      } else if (fileOrder === null && counts.firstAmbiguous !== null) {
        const params = { column: header, count: counts.ambiguous, value: counts.firstAmbiguous.value };
        notices.push({ code: 'date_order_assumed', params });
      }
    }
    return notices;
  }

  #firstMonthFirstOfFile(): Example | null {
    for (const counts of this.#evidence.values()) if (counts.firstMonthFirst) return counts.firstMonthFirst;
    return null;
  }
}

function otherOrder(order: DateOrder): DateOrder {
  return order === 'mdy' ? 'dmy' : 'mdy';
}

/** The notices of a CSV/XLSX import: how its dates were read, and (from the use case) disputes left alone. */
export const NOTICE_CODES = [
  'date_order_month_first',
  'date_order_assumed',
  'disputes_skipped_settled',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Something about an accepted file the user should know (coded like problems, worded by the app). */
export interface ImportNotice {
  code: NoticeCode;
  params: Readonly<Record<string, string | number>>;
}
