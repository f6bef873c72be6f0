/**
 * Numbers, money, dates and percentages for people, by language. Money arrives in integer minor
 * units: it becomes an exact decimal string (core/money.ts) and Intl formats that string, which
 * Intl.NumberFormat accepts as an exact decimal (no float on the way, exact past 2^53 / 100).
 */
import { currencyExponent, minorToDecimalString } from '../core/money.ts';
import { formatMessage, type Lang, LOCALES } from './icu.ts';

const EMPTY = '—';

type Nullable<T> = T | null | undefined;

/** Intl reads a decimal string exactly; the lib types only declare numbers. */
const exact = (decimal: string) => decimal as unknown as number;

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * The formatter of the options, made once. `name` identifies the options when the caller knows a
 * short one: exact amounts are most of the calls (a dunning run formats millions), and serialising
 * their options each time cost more than the formatting.
 */
function numberFormat(
  lang: Lang,
  options: Intl.NumberFormatOptions,
  name = JSON.stringify(options),
): Intl.NumberFormat {
  const key = `${lang}|${name}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A negative figure is written with the minus sign, « −5 307,80 € », « −2 % », "−€5,307.80"
 * (U+2212), where Intl gives a hyphen-minus: French typography requires it, and English typesetting
 * uses it too — one interface showing « Available -€40,008.05 » beside trends in « − » read as two
 * conventions. For what a person reads — the web's figures, a sentence the server words for a
 * page, the CLI's text, the figures of a PDF document or letter (their font, Source Sans 3, draws
 * U+2212) — not in the formatters themselves: exports (CSV, XLSX, JSON) keep the hyphen a
 * spreadsheet or a program reads as a sign.
 */
export function onScreen(text: string, _lang: Lang): string {
  return text.replace('-', '\u2212');
}

/**
 * A hyphen-minus that is a figure's sign: at the start of the text or of a word (after a space,
 * an opening bracket or guillemet, a slash), before a digit or a currency sign (English writes
 * "-€600.95"). One inside a word, a reference or a date (« F2026-000927 », « IMP2024-0001 »,
 * « 2026-06-30 ») or before a space is not.
 */
const FIGURE_SIGN = /(^|[\s([«/])-(?=\d|\p{Sc})/gu;

/**
 * A text already worded (a sentence of a report, a key figure, a letter's paragraph) with the
 * minus sign before its negative figures, as `onScreen` writes one figure.
 */
export function withMinusSigns(text: string, _lang: Lang): string {
  return text.includes('-') ? text.replace(FIGURE_SIGN, '$1\u2212') : text;
}

export interface MoneyOptions {
  /** "1,2 M€" for chart axes and tiles; exact amounts otherwise. */
  compact?: boolean;
  /** Without the currency sign, for table cells under a headed column. */
  plain?: boolean;
}

/** « 1 234,50 € » / "€1,234.50"; '—' when there is no amount (e.g. no credit limit). */
export function formatMoney(
  lang: Lang,
  amountMinor: Nullable<number>,
  currency: string,
  options: MoneyOptions = {},
): string {
  if (amountMinor === null || amountMinor === undefined || Number.isNaN(amountMinor)) return EMPTY;
  const decimal = minorToDecimalString(amountMinor, currency);
  const exponent = currencyExponent(currency);
  const style: Intl.NumberFormatOptions = options.plain ? {} : { style: 'currency', currency };
  if (options.compact)
    return numberFormat(lang, { ...style, notation: 'compact', maximumFractionDigits: 1 }).format(
      exact(decimal),
    );
  return numberFormat(
    lang,
    { ...style, minimumFractionDigits: exponent, maximumFractionDigits: exponent },
    `money|${currency}|${options.plain ? 'plain' : 'sign'}`,
  ).format(exact(decimal));
}

/** A plain number: « 1 234,5 » with `decimals` fixed digits (default: up to 2). */
export function formatNumber(lang: Lang, n: Nullable<number>, decimals?: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return EMPTY;
  const digits =
    decimals === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return numberFormat(lang, digits).format(n);
}

/** Basis points as a percentage: 1234 → « 12,34 % »; `decimals` defaults to as many as needed (≤ 2). */
export function formatPercentBps(lang: Lang, bps: Nullable<number>, decimals?: number): string {
  if (bps === null || bps === undefined || !Number.isFinite(bps)) return EMPTY;
  const digits =
    decimals === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return numberFormat(lang, { style: 'percent', ...digits }).format(bps / 10_000);
}

/** A ratio (0.25 → « 25 % »), for shares computed as fractions. */
export function formatPercent(lang: Lang, ratio: Nullable<number>, decimals = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return EMPTY;
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(ratio);
}

/** « 30 jours », « 1 jour » / "30 days" (ICU plural). */
export function formatDays(lang: Lang, n: Nullable<number>): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return EMPTY;
  return formatMessage(lang, 'common.days', { n: Math.round(n) }) ?? String(n);
}

export interface DateOptions {
  /** « 4 décembre 2026 » instead of « 04/12/2026 ». */
  long?: boolean;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A business date 'YYYY-MM-DD' (or the date part of an ISO instant): « 04/12/2026 », long
 * « 4 décembre 2026 » (« 1er juin 2026 »). Read in UTC so that the reader's time zone never shifts the day.
 * A long date's day, month and year are joined by no-break spaces (U+00A0): French typography never
 * lets « 14 mai » end a line of a letter and « 2026 » start the next.
 */
export function formatDate(lang: Lang, isoDate: Nullable<string>, options: DateOptions = {}): string {
  if (!isoDate) return EMPTY;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const text = dateFormat(
    lang,
    options.long
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  ).format(date);
  if (!options.long) return text;
  const joined = text.replace(/\s+/g, '\u00a0');
  // French writes the first of the month as an ordinal, « 1er juin 2026 », which Intl does not.
  return lang === 'fr' && match[3] === '01' ? joined.replace(/^1(?=\u00a0)/, '1er') : joined;
}

/** « 2026-12-04 » month label « déc. 2026 » for chart axes. */
export function formatMonth(lang: Lang, isoDateOrMonth: Nullable<string>): string {
  if (!isoDateOrMonth) return EMPTY;
  const match = /^(\d{4})-(\d{2})/.exec(isoDateOrMonth);
  if (!match) return isoDateOrMonth;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return dateFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A calendar month (1–12) by its name: « août » / "August". */
export function formatMonthName(lang: Lang, month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return EMPTY;
  return dateFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** An instant (audit log, tokens): « 04/12/2026 14:05 » in the reader's time zone. */
export function formatDateTime(lang: Lang, instant: Nullable<string | Date>, timeZone?: string): string {
  if (!instant) return EMPTY;
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return EMPTY;
  return dateFormat(lang, {
    dateStyle: 'short',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}
