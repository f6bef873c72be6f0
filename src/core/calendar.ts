/**
 * Business-date arithmetic on 'YYYY-MM-DD' strings. Everything goes through UTC day
 * numbers so that time zones and daylight-saving changes can never shift a date.
 */
import type { IsoDate } from './types.ts';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(text: string): IsoDate {
  if (!isValidIsoDate(text)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return text;
}

/**
 * UTC midnight of a calendar day. `Date.UTC` maps years 0–99 to 1900–1999, so the year is set
 * with `setUTCFullYear`, which takes it literally (a typo such as "0025-02-29" must not become 1925).
 */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (H. Hinnant's
 * days_from_civil): the dunning planner and the interest computation convert dates millions of
 * times per run, and building a `Date` for each cost most of their time. The year is taken
 * literally, as `utcMidnight` does; a day past the month's end rolls over as `Date` would.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The value of `length` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  // The shape of ISO_DATE, read without a regular expression (this is the planner's hottest path).
  const year = date.length === 10 ? digitsAt(date, 0, 4) : -1;
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 0 || month < 0 || day < 0 || date[4] !== '-' || date[7] !== '-')
    throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  // A month out of 1–12 (never a valid date) rolls over through Date, as it always did.
  if (month < 1 || month > 12) return utcMidnight(year, month - 1, day).getTime() / MS_PER_DAY;
  return daysFromCivil(year, month, day);
}

/** The date of a day number (H. Hinnant's civil_from_days), the inverse of `toDayNumber`. */
export function fromDayNumber(dayNumber: number): IsoDate {
  // A fractional day number would silently land on the previous or next day.
  if (!Number.isInteger(dayNumber)) throw new RangeError(`not a whole day number: ${dayNumber}`);
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return fromYmd(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function fromYmd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function splitDate(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function daysInMonth(year: number, month: number): number {
  return utcMidnight(year, month, 0).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of days from `from` to `to` (to − from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = splitDate(date);
  return fromYmd(year, month, daysInMonth(year, month));
}

export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return fromYmd(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** 'YYYY-MM' of a date. */
export function monthKey(date: IsoDate): string {
  return date.slice(0, 7);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const weekday = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromYmd(year, month, day);
}

/** The eleven public holidays of metropolitan France (Code du travail L3133-1). */
export function isFrenchPublicHoliday(date: IsoDate): boolean {
  const { year } = splitDate(date);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
  if (fixed.includes(date.slice(5))) return true;
  const easter = easterSunday(year);
  return [1, 39, 50].some((offset) => addDays(easter, offset) === date);
}

/** Monday to Friday and not a French public holiday. */
export function isBusinessDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isFrenchPublicHoliday(date);
}

/** The date itself when it is a business day, else the next one (a Saturday before a holiday Monday: Tuesday). */
export function nextBusinessDay(date: IsoDate): IsoDate {
  let day = date;
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}
