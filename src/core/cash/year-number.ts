/**
 * Invoices written as a number and a year: « facture 1331 du 2026 », « fact. 1331/2026 »,
 * « N° 1331 2026 », « 1331 du 15/06/2026 », « F2026-1331 ». The reader finds such readings in a
 * bank text without knowing the company: what they name is decided by its numbering
 * (numbering.ts) and by whether the invoice exists — a reading that names none is nothing. Numbers
 * that are something else are left alone: a date (« 12/06/2026 », « 06/2026 »), an amount
 * (« 1 331,00 », « 2026,00 EUR »), a number in groups of three (a SIREN « 552 100 554 »), a
 * postcode or any number beside a year without a word saying it is an invoice (« 13100 2026 »).
 */
import { type NumberedRef, plausibleYear } from './numbering.ts';

export interface YearNumberReading extends NumberedRef {
  /** The reading as the text writes it: « 1331 DU 2026 ». */
  typed: string;
  /**
   * The whole reference, when the reading is one word with its letters before it: « F2026-0001564 »
   * (numbering.ts writtenWider tells whether it is an invoice's own, written wider).
   */
  written?: string;
}

/** Words that say a number is an invoice's (« FACT », « N° »…), right before it. */
const MARKER_BEFORE =
  /(?:^|[^A-Z0-9])(?:FACTURES?|FACTS?|FACT|FAC|FCT|FA|FT|F|INVOICES?|INV|N[°º]|NO|NUM|NUMERO|REF|PIECE)\.?\s*$/;
/** Number then year: « DU 2026 », « / 2026 », « 2026 » (a space: only after a marker). */
const THEN_YEAR = /^(\s+(?:DU|DE)\s+|\s*[/-]\s*|\s+)(\d{4})(?!\d)/;
/** Number then the date of the invoice: « DU 15/06/2026 », « DU 2026-06-15 ». */
const THEN_DATE =
  /^\s+(?:DU|DE)\s+(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})|(\d{4})-(\d{2})-(\d{2}))(?!\d)/;
/**
 * More numbers before « DU 2026 »: « , 1332 ET 1340 », or « ,1332 » — a comma with no space between
 * numbers of three digits or more: a decimal comma (« 1331,00 », « 1234,5 ») has one or two digits
 * after it. Sticky, run from the end of the first number (the comma looks behind at its digits).
 */
const LIST_THEN_DU =
  /(?:(?:,\s+|(?<=\d{3}),(?=\d{3,8}(?!\d))|\s*(?:\bET\b|&|\+)\s*)\d{1,8}(?!\d))+(?=\s+(?:DU|DE)\s)/y;
/** Year then number: « 2026-1331 », « 2026/1331 », « 2026 1331 » (a space: only after a marker). */
const THEN_NUMBER = /^(\s*[/-]\s*|\s+)(\d{1,8})(?!\d)/;
const MAX_NUMBER_DIGITS = 8;

/** The digits just before are part of one number with these: a decimal, a date, groups of three. */
function continuesNumber(before: string, digits: string): boolean {
  if (/\d[.,/:'’-]$/.test(before)) return true;
  return digits.length === 3 && /(?:^|\D)\d{1,3} $/.test(before);
}

/** What follows makes the digits just read part of something else: a decimal, a date, an amount. */
function continuedBy(after: string, digits: string): boolean {
  if (/^[.,/:'’-]\d/.test(after)) return true;
  if (/^\s?(?:EUR|EUROS?|€)(?![A-Z])/.test(after)) return true;
  return digits.length <= 3 && /^ \d{3}(?!\d)/.test(after);
}

/** « 06/2026 », « 2026-06 »: a month and its year. */
const isMonth = (digits: string, separator: string) =>
  digits.length <= 2 && Number(digits) <= 12 && /[/-]/.test(separator);

function dateYear(match: RegExpExecArray): number | null {
  const [, day, month, year, isoYear, isoMonth, isoDay] = match;
  const [d, m, y] = isoYear ? [isoDay, isoMonth, isoYear] : [day, month, year];
  if (Number(d) < 1 || Number(d) > 31 || Number(m) < 1 || Number(m) > 12) return null;
  const full = (y ?? '').length === 2 ? 2000 + Number(y) : Number(y);
  return plausibleYear(full) ? full : null;
}

interface Read {
  year: number;
  numbers: number[];
  end: number;
}

/**
 * The number at `at` read as an invoice number followed by its year, or as the first of a list of
 * numbers sharing it (« 1331, 1332 ET 1340 DU 2026 », « 1331,1332 DU 2026 »).
 */
function numberThenYear(text: string, at: number, digits: string, marked: boolean): Read | null {
  LIST_THEN_DU.lastIndex = at + digits.length;
  const list = LIST_THEN_DU.exec(text);
  const listed = list ? [...(list[0].match(/\d+/g) ?? [])] : [];
  const from = at + digits.length + (list?.[0].length ?? 0);
  const numbers = [digits, ...listed].map(Number);
  const after = text.slice(from);
  const date = THEN_DATE.exec(after);
  if (date) {
    const year = dateYear(date);
    return year === null ? null : { year, numbers, end: from + date[0].length };
  }
  const match = THEN_YEAR.exec(after);
  if (!match) return null;
  const [whole, separator = '', yearText = ''] = match;
  const end = from + whole.length;
  if (separator.trim() === '' && !marked) return null;
  if (list && !/DU|DE/.test(separator)) return null;
  if (isMonth(digits, separator) || !plausibleYear(Number(yearText))) return null;
  if (continuedBy(text.slice(end), yearText)) return null;
  return { year: Number(yearText), numbers, end };
}

/** The number at `at` read as a year followed by an invoice number. */
function yearThenNumber(text: string, at: number, digits: string, marked: boolean): Read | null {
  if (digits.length !== 4 || !plausibleYear(Number(digits))) return null;
  const match = THEN_NUMBER.exec(text.slice(at + 4));
  if (!match) return null;
  const [whole, separator = '', numberText = ''] = match;
  const end = at + 4 + whole.length;
  if (separator.trim() === '' && !marked) return null;
  if (isMonth(numberText, separator) || continuedBy(text.slice(end), numberText)) return null;
  return { year: Number(digits), numbers: [Number(numberText)], end };
}

/** Letters right before a reference's first number (« F », « FA- »), none before them. */
const PREFIX_BEFORE = /(?:^|[^A-Z0-9])([A-Z]{1,6}[/_.-]?)$/;

/** The reading as one word with its letters (« F2026-0001564 »), if the text writes it so. */
function writtenOf(upper: string, at: number, read: Read, typed: string): string | undefined {
  if (read.numbers.length !== 1 || /\s/.test(typed) || /^[A-Z0-9]/.test(upper.slice(read.end)))
    return undefined;
  const prefix = PREFIX_BEFORE.exec(upper.slice(0, at))?.[1];
  return prefix === undefined ? undefined : prefix + typed;
}

/**
 * Each invoice the text writes as a number and a year, once, in the order written (read as a whole
 * reference rather than a number and a year when the text also writes it so).
 */
export function readYearNumbers(text: string): YearNumberReading[] {
  const upper = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  const readings = new Map<string, YearNumberReading>();
  for (const run of upper.matchAll(/\d+/g)) {
    const digits = run[0];
    const at = run.index;
    const before = upper.slice(0, at);
    const marked = MARKER_BEFORE.test(before);
    // Digits inside a word (a code « AB1331 ») are not a number of their own, but « F2026 » is.
    if (/[A-Z]$/.test(before) && !marked) continue;
    if (digits.length > MAX_NUMBER_DIGITS || continuesNumber(before, digits)) continue;
    for (const read of [
      numberThenYear(upper, at, digits, marked),
      yearThenNumber(upper, at, digits, marked),
    ]) {
      if (!read) continue;
      const typed = upper.slice(at, read.end).trim();
      const written = writtenOf(upper, at, read, typed);
      for (const number of read.numbers) {
        const key = `${read.year}/${number}`;
        if (number <= 0 || (readings.has(key) && (written === undefined || readings.get(key)?.written)))
          continue;
        readings.set(key, { year: read.year, number, typed, ...(written ? { written } : {}) });
      }
    }
  }
  return [...readings.values()];
}
