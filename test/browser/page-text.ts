/**
 * Reading a page as a person does: codes of the core that must never show as such, and amounts
 * of the API answers shown in minor units. Shared by the browser tests.
 */
import type { Page } from 'playwright-core';

/** Codes that must never be read as such (whole words: « Export » the label is fine, `export` is not). */
export const RAW_CODES = [
  'net:30',
  'net:45',
  'net:60',
  'eom:30',
  'eom:45',
  'eom_b',
  'eom_plus',
  'net_day',
  'wholesaler',
  'large_retail',
  'independent_retailer',
  'public_body',
  'limit_change',
  'credit_note',
  'bounced_payment',
  'write_off',
  'customer.update',
  'creditLimitMinor',
  'paymentTerms',
  'receivership',
  'dispute',
  'pending',
  'undefined',
  'NaN',
  '[object Object]',
];

/** The codes of `codes` (default: the common ones) found in `text`, as whole words. */
export function rawCodesIn(text: string, codes: readonly string[] = RAW_CODES): string[] {
  return codes.filter((code) =>
    /^[a-z]/.test(code) && !code.includes('.') && !code.includes(':')
      ? new RegExp(`(^|[^\\p{L}_-])${code.replace(/[[\]]/g, '\\$&')}($|[^\\p{L}_-])`, 'u').test(text)
      : text.includes(code),
  );
}

export interface MinorAmounts {
  amounts: Set<string>;
  /** Waits until every API answer seen so far has been read. */
  read(): Promise<Set<string>>;
}

/** Every amount in minor units (keys ending in `Minor`, ≥ 100.00) of the API answers the page reads. */
export function watchMinorAmounts(page: Page): MinorAmounts {
  const amounts = new Set<string>();
  const reading: Promise<void>[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'number' && key.endsWith('Minor') && Math.abs(value) >= 10_000)
      amounts.add(String(Math.abs(value)));
    else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object')
      for (const [name, inner] of Object.entries(value)) walk(inner, name);
  };
  page.on('response', (response) => {
    if (!response.url().includes('/api/') || !response.headers()['content-type']?.includes('json')) return;
    reading.push(response.json().then(walk, () => undefined));
  });
  return {
    amounts,
    read: async () => {
      await Promise.all(reading);
      return amounts;
    },
  };
}

/** Runs of digits of the page that are an amount of the API in minor units, shown as such. */
export function minorUnitsShown(text: string, amounts: ReadonlySet<string>): string[] {
  return [...new Set(text.match(/\d+/g) ?? [])].filter((digits) => amounts.has(digits));
}
