/**
 * Dates as a person types and reads them in the interface, day first in both languages
 * (« 30/06/2026 »), and the ISO dates the API takes ('2026-06-30'). No React here (nor the web
 * app's modules that bring it): the pages' inputs and the tests share it.
 */
import { isValidIsoDate } from '../../../src/core/calendar.ts';
import type { Lang } from '../../../src/text/catalogue.ts';
import { formatDate } from '../../../src/text/format.ts';

/** « 30/06/2026 » (or 30.06.2026, 30-06-2026) → '2026-06-30'; null when it is not a date. */
export function parseDayFirst(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The parameters of a catalogue message with their ISO dates worded for the reader (a job's
 * progress carries `{ day: '2026-03-04' }`: « 04/03/2026 »); other values unchanged.
 */
export function withDatesWorded(
  lang: Lang,
  params: Record<string, unknown>,
): Record<string, string | number> {
  const worded: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    worded[name] =
      typeof value === 'string' && ISO_DATE.test(value)
        ? formatDate(lang, value)
        : typeof value === 'number'
          ? value
          : String(value ?? '');
  return worded;
}
