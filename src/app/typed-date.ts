/**
 * A date as a person types it, wherever one is expected in a text field or on the command line:
 * YYYY-MM-DD or day first, DD/MM/YYYY as in France (« 31/12/2025 », « 1/7/2026 »). The CLI's
 * date options and the diagram's version selector read dates through it.
 */
import { isValidIsoDate } from '#core/calendar';
import type { IsoDate } from '#core/types';

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** A day of 1 to 31 in a month of 1 to 12: the shape of a date, whether the calendar has it or not. */
const DATE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The YYYY-MM-DD that `text` writes in either form, real day or not; null when it has neither form. */
function isoWritten(text: string): string | null {
  const value = text.trim();
  const dayFirst = DAY_FIRST.exec(value);
  if (!dayFirst) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  const [, day = '', month = '', year = ''] = dayFirst;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The ISO date `text` names, or null when it is no valid date in either form. */
export function readTypedDate(text: string): IsoDate | null {
  const iso = isoWritten(text);
  return iso !== null && isValidIsoDate(iso) ? iso : null;
}

/**
 * Whether `text` is written as a date, in either form, of a day the calendar lacks (« 31/02/2026 »,
 * « 2025-02-29 »): the person wrote the right format, so they are told the day does not exist
 * rather than shown the format again.
 */
export function isMissingDay(text: string): boolean {
  const iso = isoWritten(text);
  return iso !== null && DATE_SHAPE.test(iso) && !isValidIsoDate(iso);
}
