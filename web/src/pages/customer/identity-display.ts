/**
 * The customer file's identity and limit-gauge words and colours, kept apart from the page so
 * that they can be tested without a browser: a zero limit with something owed is blocked credit
 * (red, needle at the end), never "no limit" in green; an address names its country in the
 * reader's language, and not at all for France (the companies are French).
 */
import type { Lang } from '../../../../src/text/catalogue.ts';

/** `none`: no limit set; `blocked`: a limit of zero (no credit at all). */
export type GaugeTone = 'none' | 'ok' | 'warning' | 'over' | 'blocked';

export interface LimitGauge {
  tone: GaugeTone;
  /** Exposure / limit in force in whole percent; null without a positive limit. */
  usagePercent: number | null;
  /** Where the needle stands, 0 to `dialMax`. */
  dialValue: number;
}

export const GAUGE_COLOURS: Readonly<Record<GaugeTone, string>> = {
  none: '#868e96',
  ok: '#2f9e44',
  warning: '#f08c00',
  over: '#e03131',
  blocked: '#e03131',
};

/** The dial stops at 150 %: beyond, the needle stays at the end and the figure tells the rest. */
export const DIAL_MAX = 150;

export function limitGauge(exposureMinor: number, limitMinor: number | null): LimitGauge {
  if (limitMinor === null) return { tone: 'none', usagePercent: null, dialValue: 0 };
  // A limit of zero (or less) grants no credit: anything owed is over it, however small.
  if (limitMinor <= 0)
    return { tone: 'blocked', usagePercent: null, dialValue: exposureMinor > 0 ? DIAL_MAX : 0 };
  const usagePercent = Math.round((exposureMinor / limitMinor) * 100);
  const tone = usagePercent > 100 ? 'over' : usagePercent >= 80 ? 'warning' : 'ok';
  return { tone, usagePercent, dialValue: Math.min(Math.max(usagePercent, 0), DIAL_MAX) };
}

/** What the risk panel reads of a customer's credit line (`/api/credit/customers/:code/risk`). */
export interface CreditLine {
  exposure: { totalMinor: number };
  limit: { limitMinor: number | null };
}

/**
 * The file's gauge: the exposure against the limit in force, the figures « Disponible », the order
 * check and the dashboard's « exposition dépasse la limite » read. On the balance and the
 * customer's own limit it said « 99 % » for C00032 while its panel showed « Disponible
 * −20 233,24 € » and the dashboard counted it over its limit (116 %).
 */
export function creditLineGauge(line: CreditLine): LimitGauge {
  return limitGauge(line.exposure.totalMinor, line.limit.limitMinor);
}

/** The country's name in the reader's language; none for France, the companies' own country. */
export function countryName(code: string | null | undefined, lang: Lang): string | null {
  if (!code || code.toUpperCase() === 'FR') return null;
  try {
    return (
      new Intl.DisplayNames([lang === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region' }).of(code.toUpperCase()) ??
      code
    );
  } catch {
    // Not a region code Intl knows: the file's own text stands.
    return code;
  }
}

export function addressText(
  c: {
    addressLine1: string | null;
    /** The building, the floor (« Bâtiment A »): the second line a letter prints too. */
    addressLine2?: string | null | undefined;
    postalCode: string | null;
    city: string | null;
    country: string | null;
  },
  lang: Lang,
): string {
  return [
    c.addressLine1,
    c.addressLine2,
    [c.postalCode, c.city].filter(Boolean).join(' '),
    countryName(c.country, lang),
  ]
    .filter(Boolean)
    .join(', ');
}
