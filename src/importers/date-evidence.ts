/**
 * What a date column's values say about its order, value by value and counted per column:
 * "25/3/2013" can only be day first, "3/25/2013" only month first, "03/04/2013" reads both ways.
 * date-order.ts decides each column's order from these counts.
 */
import { parseDateText } from './values.ts';

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

/** A value shown in a problem or a notice, with its line. */
export interface DateExample {
  line: number;
  value: string;
}

/** What a column's values said so far: counts per kind and the first value of each kind. */
export interface ColumnEvidence {
  dayFirst: number;
  monthFirst: number;
  ambiguous: number;
  firstDayFirst: DateExample | null;
  firstMonthFirst: DateExample | null;
  firstAmbiguous: DateExample | null;
}

export function emptyColumnEvidence(): ColumnEvidence {
  return {
    dayFirst: 0,
    monthFirst: 0,
    ambiguous: 0,
    firstDayFirst: null,
    firstMonthFirst: null,
    firstAmbiguous: null,
  };
}

/** Adds one value's evidence to its column's counts (the examples are made once per kind). */
export function countEvidence(
  counts: ColumnEvidence,
  evidence: Exclude<DateEvidence, null>,
  text: string,
  line: number,
): void {
  if (evidence === 'day_first') {
    counts.dayFirst++;
    counts.firstDayFirst ??= { line, value: text.trim() };
  } else if (evidence === 'month_first') {
    counts.monthFirst++;
    counts.firstMonthFirst ??= { line, value: text.trim() };
  } else {
    counts.ambiguous++;
    counts.firstAmbiguous ??= { line, value: text.trim() };
  }
}

/** The one order of every column with decisive values, or null (none, or they disagree). */
export function fileOrderOf(evidence: Iterable<ColumnEvidence>): 'dmy' | 'mdy' | null {
  const orders = new Set<'dmy' | 'mdy'>();
  for (const counts of evidence) {
    if (counts.monthFirst > 0) orders.add('mdy');
    if (counts.dayFirst > 0) orders.add('dmy');
  }
  const [only] = orders;
  return orders.size === 1 && only !== undefined ? only : null;
}
