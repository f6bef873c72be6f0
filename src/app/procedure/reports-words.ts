/** Small wording helpers shared by the two reports' documents. */
import type { Lang } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';

/** Money of the report's currency, exact, in the reader's language (« 1 234,56 € »). */
export const moneyOf =
  (lang: Lang, currency: string) =>
  (amountMinor: number | null | undefined): string =>
    formatMoney(lang, amountMinor, currency);

/** « 1er juillet 2025 », « 30 juin 2026 »: the long date as a French letter writes it. */
export function longDate(lang: Lang, isoDate: string): string {
  const text = formatDate(lang, isoDate, { long: true });
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}
