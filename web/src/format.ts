/** Formatting at the edge: amounts arrive in minor units with their currency, dates as YYYY-MM-DD. */
import type { Lang } from './i18n.tsx';

const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const DIGITS: Record<string, number> = { JPY: 0, KRW: 0, TND: 3, KWD: 3, BHD: 3 };

export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** (DIGITS[currency] ?? 2);
}

export function money(amountMinor: number | null | undefined, currency: string, lang: Lang): string {
  if (amountMinor === null || amountMinor === undefined) return '—';
  return new Intl.NumberFormat(locales[lang], { style: 'currency', currency }).format(
    toMajor(amountMinor, currency),
  );
}

export function compactMoney(amountMinor: number, currency: string, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(toMajor(amountMinor, currency));
}

export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

export function dateTime(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

export function percent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
