/**
 * Parsing of single cell values: dates, amounts (with the file's decimal convention), lists and
 * identifiers. Enumerated words (customer types, statuses, countries…) live in `vocabulary.ts`.
 */
import { isValidIsoDate } from '../core/calendar.ts';
import { isLuhnValid } from '../core/company-ids.ts';
import { currencyExponent, isCurrencyCode, parseAmountToMinor } from '../core/money.ts';
import type { CurrencyCode, IsoDate } from '../core/types.ts';
import { type Problem, problem } from './problems.ts';

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const ISO_DATE_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/;
/** Year first with another separator ("2024/01/31", "2024.01.31"): no one writes the day second. */
const YEAR_FIRST_DATE = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;

function pad2(text: string): string {
  return text.padStart(2, '0');
}

/** The order of the numbers of "N/N/N" dates (see date-order.ts); 'dmy' unless a column says otherwise. */
export type NumericDateOrder = 'dmy' | 'mdy' | 'ymd';

function fullYear(yearText: string): string {
  return yearText.length === 2 ? `20${yearText}` : yearText;
}

function numericCandidate(match: RegExpExecArray, order: NumericDateOrder): string | null {
  const [, first = '', , second = '', third = ''] = match;
  if (order === 'ymd')
    return first.length === 2 && third.length <= 2 ? `20${first}-${pad2(second)}-${pad2(third)}` : null;
  const [day, month] = order === 'dmy' ? [first, second] : [second, first];
  return `${fullYear(third)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * 'DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'D/M/YYYY', 'DD/MM/YY' (→ 20YY), 'YYYY-MM-DD',
 * 'YYYY/MM/DD' and 'YYYY-MM-DDTHH:MM…' (the time is dropped). The numbers of 'N/N/N' dates are read
 * in `order`: day first by default (a French product); a column's order is decided from all its
 * values by date-order.ts, never value by value, so that "03/04" means one thing in one column.
 */
export function parseDateText(text: string, order: NumericDateOrder = 'dmy'): IsoDate | null {
  const candidate = writtenDate(text, order);
  return candidate !== null && isValidIsoDate(candidate) ? candidate : null;
}

/** The YYYY-MM-DD a date's text writes in `order`, whether the calendar has that day or not. */
function writtenDate(text: string, order: NumericDateOrder): string | null {
  const trimmed = text.trim();
  const numeric = NUMERIC_DATE.exec(trimmed);
  if (numeric) return numericCandidate(numeric, order);
  const iso = ISO_DATE_PREFIX.exec(trimmed);
  if (iso) return `${iso[1]}-${pad2(iso[2] ?? '')}-${pad2(iso[3] ?? '')}`;
  const yearFirst = YEAR_FIRST_DATE.exec(trimmed);
  return yearFirst ? `${yearFirst[1]}-${pad2(yearFirst[3] ?? '')}-${pad2(yearFirst[4] ?? '')}` : null;
}

/** A month of 1 to 12 and a day of 1 to 31: the shape of a day, whether the calendar has it or not. */
const DAY_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Whether `text` is written as a date in `order` (its month 1 to 12, its day 1 to 31) of a day the
 * calendar lacks: « 31/02/2026 », « 29/02/2025 », « 31/04/2026 ». The person wrote the expected
 * format, so the problem says the day does not exist rather than show the format again.
 */
export function isMissingDay(text: string, order: NumericDateOrder = 'dmy'): boolean {
  const candidate = writtenDate(text, order);
  return candidate !== null && DAY_SHAPE.test(candidate) && !isValidIsoDate(candidate);
}

export type DecimalSeparator = '.' | ',';

/**
 * What one amount says about the file's decimal separator:
 * - both '.' and ',' present: the last one is the decimal separator ("1.234,56", "1,234.56");
 * - one kind repeated: it groups thousands, so the other one is decimal ("1.234.567");
 * - one separator followed by 1, 2 or 4+ digits, or after "0"/4+ integer digits: decimal;
 * - one separator, 1–3 integer digits and exactly 3 decimals ("1.234", "12,500"): 'ambiguous';
 * - no separator: null.
 */
export function decimalEvidence(text: string): DecimalSeparator | 'ambiguous' | null {
  // A character loop rather than regexes: this runs for every amount of million-row files.
  let dots = 0;
  let commas = 0;
  let last: DecimalSeparator | null = null;
  let digitsBefore = 0;
  let digitsAfter = 0;
  let firstDigit = '';
  for (const character of text) {
    if (character === '.' || character === ',') {
      if (character === '.') dots++;
      else commas++;
      last = character;
    } else if (character >= '0' && character <= '9') {
      if (last === null) {
        if (digitsBefore === 0) firstDigit = character;
        digitsBefore++;
      } else {
        digitsAfter++;
      }
    }
  }
  if (last === null) return null;
  if (dots > 0 && commas > 0) return last;
  if (dots + commas > 1) return last === '.' ? ',' : '.';
  const couldGroupThousands = digitsBefore >= 1 && digitsBefore <= 3 && firstDigit !== '0';
  return digitsAfter === 3 && couldGroupThousands ? 'ambiguous' : last;
}

/** Receives the parsed amount in minor units, or null when the text is not a valid amount. */
export type AmountSettler = (amountMinor: number | null, decimalSeparator: DecimalSeparator | null) => void;

interface PendingAmount {
  text: string;
  exponent: number;
  settle: AmountSettler;
}

/**
 * Parses the amounts of one file with one decimal convention. Amounts that say which separator
 * is decimal are parsed at once and counted as evidence; ambiguous ones ("1.234") wait for the
 * end of the file and are read with the convention of the file:
 * 1. if the unambiguous amounts all used the same decimal separator, that one;
 * 2. otherwise the format's habit: XLSX numbers and comma-separated CSV use '.', semicolon-separated
 *    CSV (French Excel) uses ',';
 * 3. otherwise (tab-separated, no evidence) money.ts's rule: "1.234" is one thousand two hundred
 *    thirty-four.
 */
export class AmountReader {
  readonly #fallback: DecimalSeparator | null;
  readonly #evidence = { '.': 0, ',': 0 };
  #pending: PendingAmount[] = [];

  constructor(fallback: DecimalSeparator | null) {
    this.#fallback = fallback;
  }

  read(text: string, currency: CurrencyCode, settle: AmountSettler): void {
    const exponent = currencyExponent(currency);
    const evidence = decimalEvidence(text);
    if (evidence === 'ambiguous') {
      this.#pending.push({ text, exponent, settle });
      return;
    }
    if (evidence !== null) this.#evidence[evidence]++;
    const options = evidence === null ? { exponent } : { exponent, decimalSeparator: evidence };
    settle(parseAmountToMinor(text, options), evidence);
  }

  /** The decimal separator used for ambiguous amounts (null: money.ts's own guess). */
  get decimalSeparator(): DecimalSeparator | null {
    const { '.': dots, ',': commas } = this.#evidence;
    if (dots > 0 && commas === 0) return '.';
    if (commas > 0 && dots === 0) return ',';
    return this.#fallback;
  }

  /** Settles the ambiguous amounts; call once, after the last row. */
  finish(): void {
    const decimalSeparator = this.decimalSeparator;
    for (const { text, exponent, settle } of this.#pending) {
      const options = decimalSeparator === null ? { exponent } : { exponent, decimalSeparator };
      settle(parseAmountToMinor(text, options), decimalSeparator);
    }
    this.#pending = [];
  }
}

/** Splits "F001; F002, F003 | F004 F005" into refs, without duplicates. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[;,|\s]+/).filter((item) => item !== ''))];
}

const CURRENCY_WORDS: Record<string, CurrencyCode> = { '€': 'EUR', EURO: 'EUR', EUROS: 'EUR', '£': 'GBP' };

export function parseCurrencyText(text: string): CurrencyCode | null {
  const upper = text.trim().toUpperCase();
  const code = CURRENCY_WORDS[upper] ?? upper;
  return isCurrencyCode(code) ? code : null;
}

// La Poste's establishments share one SIREN and get SIRETs whose digit sum is a multiple of 5.
const LA_POSTE_SIREN = '356000000';

function hasValidLaPosteKey(siret: string): boolean {
  const digitSum = [...siret].reduce((sum, digit) => sum + Number(digit), 0);
  return digitSum % 5 === 0;
}

/** Returns the 9 digits, or a problem. Spaces, dots and dashes between digit groups are allowed. */
export function parseSiren(text: string): { value: string } | { problem: Problem } {
  const digits = text.replace(/[\s\u00a0.-]/g, '');
  if (!/^\d{9}$/.test(digits)) return { problem: problem('invalid_siren_length') };
  if (!isLuhnValid(digits)) return { problem: problem('invalid_siren_check_digit') };
  return { value: digits };
}

export function parseSiret(text: string): { value: string } | { problem: Problem } {
  const digits = text.replace(/[\s\u00a0.-]/g, '');
  if (!/^\d{14}$/.test(digits)) return { problem: problem('invalid_siret_length') };
  const isValid = digits.startsWith(LA_POSTE_SIREN) ? hasValidLaPosteKey(digits) : isLuhnValid(digits);
  if (!isValid) return { problem: problem('invalid_siret_check_digit') };
  return { value: digits };
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

/** One or several e-mail addresses ("a@x.fr; b@x.fr"), normalised to "a@x.fr, b@x.fr". */
export function parseEmails(text: string): string | null {
  const addresses = text.split(/[;,\s]+/).filter((address) => address !== '');
  if (addresses.length === 0 || !addresses.every((address) => EMAIL.test(address))) return null;
  return addresses.join(', ');
}
