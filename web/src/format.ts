/**
 * Formatting at the edge, from the one catalogue's formatters (src/text/format.ts): amounts arrive
 * in minor units with their currency and are formatted exactly; dates arrive as YYYY-MM-DD.
 * Every figure takes the on-screen minus sign (`onScreen`); pages format through this module,
 * never src/text/format.ts directly.
 */
import { currencyExponent } from '../../src/core/money.ts';
import type { Lang } from '../../src/text/catalogue.ts';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonthName,
  formatNumber,
  formatPercent,
  formatPercentBps,
  onScreen,
} from '../../src/text/format.ts';

/** For chart values only (a chart needs numbers); text goes through `money`. */
export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

export function money(amountMinor: number | null | undefined, currency: string, lang: Lang): string {
  return onScreen(formatMoney(lang, amountMinor, currency), lang);
}

/** Compact amount of minor units (« 1,2 M€ ») for chart axes and tiles. */
export function compactMoney(amountMinor: number, currency: string, lang: Lang): string {
  return onScreen(formatMoney(lang, Math.round(amountMinor), currency, { compact: true }), lang);
}

/** Compact amount of a chart value already in major units. */
export function compactMajor(amountMajor: number, currency: string, lang: Lang): string {
  return compactMoney(amountMajor * 10 ** currencyExponent(currency), currency, lang);
}

export function date(iso: string | null | undefined, lang: Lang): string {
  return formatDate(lang, iso);
}

/** The month of a date by its name, « juin » / "June" (its year apart: a catalogue message places both). */
export function monthName(iso: string, lang: Lang): string {
  return formatMonthName(lang, Number(iso.slice(5, 7)));
}

/** An instant in the reader's time zone, or in `timeZone` (a schedule's own) when given. */
export function dateTime(instant: string, lang: Lang, timeZone?: string): string {
  try {
    return formatDateTime(lang, instant, timeZone);
  } catch {
    // A zone this browser does not know (Intl throws): the reader's own zone rather than nothing.
    return formatDateTime(lang, instant);
  }
}

/** A plain number, « −0,5 »: `decimals` fixed digits, else up to 2 (as formatNumber). */
export function number(n: number | null | undefined, lang: Lang, decimals?: number): string {
  return onScreen(formatNumber(lang, n, decimals), lang);
}

/** A ratio as a percentage (0.25 → « 25 % »), `decimals` fixed digits (default none). */
export function percent(ratio: number | null | undefined, lang: Lang, decimals = 0): string {
  return onScreen(formatPercent(lang, ratio, decimals), lang);
}

/** Basis points as a percentage (−200 → « −2 % »); `decimals` fixed, else up to 2 (as formatPercentBps). */
export function percentBps(bps: number | null | undefined, lang: Lang, decimals?: number): string {
  return onScreen(formatPercentBps(lang, bps, decimals), lang);
}
