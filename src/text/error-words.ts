/**
 * Parameters of an error's wording that depend on the reader's language (`DomainError` takes
 * `(lang) => string` for them): an amount, a date, a label of a code, a nested message, a list.
 * The error is put in words only when the shell knows who reads it.
 */
import { type Lang, LOCALES, label, type MessageParams, translator } from './catalogue.ts';
import { formatDate, formatMoney } from './format.ts';

/** What a worded parameter may hold: a value, or words of a language. */
export type WordedValue = string | number | ((lang: Lang) => string);

/** The parameters as words of `lang`: each function called with it, values kept. */
export const resolved = (lang: Lang, params: Readonly<Record<string, WordedValue>>): MessageParams =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'function' ? value(lang) : value]),
  );

/** « 1 234,50 € » / "€1,234.50" from minor units. */
export const wordedMoney =
  (amountMinor: number, currency: string) =>
  (lang: Lang): string =>
    formatMoney(lang, amountMinor, currency);

/** « 31/03/2026 » / "31/03/2026" from an ISO date. */
export const wordedDate =
  (isoDate: string) =>
  (lang: Lang): string =>
    formatDate(lang, isoDate);

/** The label of a code of the core (a role, a status). */
export const wordedLabel =
  (domain: string, code: string) =>
  (lang: Lang): string =>
    label(lang, domain, code);

/** A catalogue message inside another (a reason, a field's name). */
export const worded =
  (key: string, params: Readonly<Record<string, WordedValue>> = {}) =>
  (lang: Lang): string =>
    translator(lang)(key, resolved(lang, params));

/** The accepted codes of an input as typed, each with its words: `lawyer (avocat), agency (…)`. */
export const wordedChoices =
  (codes: readonly string[], wordsOf: (lang: Lang, code: string) => string) =>
  (lang: Lang): string =>
    codes.map((code) => `${code} (${wordsOf(lang, code)})`).join(', ');

/** « a, b et c » / "a, b and c". */
export function listOf(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

/** One message per item (a problem, a violation), joined as the reader's language writes a list. */
export const wordedList =
  (key: string, items: readonly Readonly<Record<string, WordedValue>>[]) =>
  (lang: Lang): string =>
    listOf(
      lang,
      items.map((params) => translator(lang)(key, resolved(lang, params))),
    );
