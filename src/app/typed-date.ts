/**
 * A date as a person types it, wherever one is expected in a text field or on the command line:
 * YYYY-MM-DD or day first, DD/MM/YYYY as in France (« 31/12/2025 », « 1/7/2026 »). The CLI's
 * date options and the diagram's version selector read dates through it.
 */
import { isValidIsoDate } from '#core/calendar';
import type { IsoDate } from '#core/types';

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The ISO date `text` names, or null when it is no valid date in either form. */
export function readTypedDate(text: string): IsoDate | null {
  const value = text.trim();
  if (isValidIsoDate(value)) return value;
  const dayFirst = DAY_FIRST.exec(value);
  if (!dayFirst) return null;
  const [, day = '', month = '', year = ''] = dayFirst;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}
