/**
 * A schedule's cron expression in words, for its common shapes: « Tous les jours à 02:00 »,
 * « Tous les lundis à 06:00 », « Du lundi au vendredi à 07:30 », « Le 1er de chaque mois à 06:00 ».
 * Anything else (steps, lists, ranges, several hours) stays the expression itself: a wrong
 * sentence would be worse than the code.
 *
 * Read here by a few patterns rather than with croner (which the scheduler uses): these words run
 * in the browser too (the audit log), where the scheduler has no business, and croner's parsed
 * pattern (one flag per minute, hour, day…) would still have to be matched against the same shapes.
 * The expression was checked by croner when the schedule was saved.
 */
import { type Lang, translator } from './catalogue.ts';

export type CronShape =
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekdays'; hour: number; minute: number }
  | { kind: 'weekly'; weekday: number; hour: number; minute: number }
  | { kind: 'monthly'; day: number; hour: number; minute: number };

const NICKNAMES: Readonly<Record<string, string>> = {
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
};

const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A single number within bounds, or null (a step, a list, a range, a star). */
function single(part: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(part)) return null;
  const value = Number(part);
  return value >= min && value <= max ? value : null;
}

/** 0–6 from Sunday; 7 and the English names (MON) as cron reads them. */
function weekday(part: string): number | null {
  const named = WEEKDAY_NAMES.indexOf(part.toLowerCase());
  if (named >= 0) return named;
  const day = single(part, 0, 7);
  return day === null ? null : day % 7;
}

/** The shape of a five-field expression (or a nickname), or null when it is none of the common ones. */
export function cronShape(expression: string): CronShape | null {
  const text = expression.trim();
  const parts = (NICKNAMES[text.toLowerCase()] ?? text).split(/\s+/);
  if (parts.length !== 5) return null;
  const [minutePart = '', hourPart = '', dayPart = '', monthPart = '', weekdayPart = ''] = parts;
  const minute = single(minutePart, 0, 59);
  const hour = single(hourPart, 0, 23);
  if (minute === null || hour === null || monthPart !== '*') return null;
  if (dayPart === '*' && weekdayPart === '*') return { kind: 'daily', hour, minute };
  if (dayPart === '*') {
    if (/^(1-5|mon-fri)$/i.test(weekdayPart)) return { kind: 'weekdays', hour, minute };
    const day = weekday(weekdayPart);
    return day === null ? null : { kind: 'weekly', weekday: day, hour, minute };
  }
  const day = weekdayPart === '*' ? single(dayPart, 1, 31) : null;
  return day === null ? null : { kind: 'monthly', day, hour, minute };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The expression in the reader's words, or as it is when its shape is not a common one. */
export function cronWords(lang: Lang, expression: string): string {
  const shape = cronShape(expression);
  if (shape === null) return expression;
  const time = `${twoDigits(shape.hour)}:${twoDigits(shape.minute)}`;
  const params: Record<string, string | number> = { time };
  if (shape.kind === 'weekly') params['weekday'] = String(shape.weekday);
  if (shape.kind === 'monthly') params['day'] = shape.day;
  return translator(lang)(`audit.cron.${shape.kind}`, params);
}
