/**
 * The days money comes in on. A transfer is credited on a weekday, and in France mostly not on a
 * public holiday, so a company whose past payments all landed on such days will see its next ones
 * land on them too: a prediction for a Saturday is one for the Monday after. A ledger may date
 * payments otherwise (a lockbox, card receipts, entries on the day they were keyed, a sample like
 * IBM's): the model learns from the company's own payments which days it is paid on
 * (`learnPaymentDays`), weekends and public holidays each on its own evidence.
 */
import { fromDayNumber, isFrenchPublicHoliday } from '../calendar.ts';

/**
 * calendar: any day; weekdays: Monday to Friday; business_days: and not a French public holiday.
 */
export type PaymentDays = 'calendar' | 'weekdays' | 'business_days';

/** What the model counts of the paid invoices it learns from (model-fold.ts). */
export interface PaymentDayCounts {
  payments: number;
  onWeekends: number;
  /** Settled on a public holiday falling on a weekday. */
  onHolidays: number;
  /** The day numbers of the first payment and of the cut-off: the days the payments were spread over. */
  firstDay: number;
  lastDay: number;
}

/**
 * At most this share of the past payments dated on a Saturday or a Sunday and the company is taken
 * to be paid on weekdays only: a few payments keyed on a Saturday by hand do not make it a company
 * paid at weekends (dates spread over every day would put 2 in 7 there).
 */
export const MAX_WEEKEND_SHARE = 0.05;
/**
 * A weekday public holiday that receives at most this fraction of an ordinary weekday's payments is
 * a day the company is not paid on.
 */
export const MAX_HOLIDAY_RATE = 0.2;
/** Fewer past payments than this and nothing is learned: calendar days are kept. */
export const MIN_PAYMENTS_FOR_PAYMENT_DAYS = 30;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (day 0, 1 January 1970, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const holidays = new Map<number, boolean>();
/** A French public holiday falling on a weekday (cached: a few thousand distinct days in all). */
export function isWeekdayHoliday(day: number): boolean {
  let holiday = holidays.get(day);
  if (holiday === undefined) {
    holiday = weekdayOfDay(day) <= 5 && isFrenchPublicHoliday(fromDayNumber(day));
    if (holidays.size < 100_000) holidays.set(day, holiday);
  }
  return holiday;
}

/** Which days the company is paid on, from its past payments (calendar days without enough of them). */
export function learnPaymentDays(counts: PaymentDayCounts): PaymentDays {
  const { payments, onWeekends, onHolidays } = counts;
  if (payments < MIN_PAYMENTS_FOR_PAYMENT_DAYS || onWeekends > MAX_WEEKEND_SHARE * payments)
    return 'calendar';
  let weekdays = 0;
  let holidayDays = 0;
  for (let day = counts.firstDay; day <= counts.lastDay; day += 1) {
    if (weekdayOfDay(day) > 5) continue;
    weekdays += 1;
    if (isWeekdayHoliday(day)) holidayDays += 1;
  }
  // No holiday in the span: nothing says the company is paid on one, and French banks credit none.
  if (holidayDays === 0) return 'business_days';
  const perOrdinaryDay = (payments - onWeekends - onHolidays) / Math.max(1, weekdays - holidayDays);
  return onHolidays / holidayDays <= MAX_HOLIDAY_RATE * perOrdinaryDay ? 'business_days' : 'weekdays';
}

/** The day itself when the company is paid on it, else the next day it is. */
export function paymentDayOf(kind: PaymentDays, day: number): number {
  let at = day;
  if (kind === 'calendar') return at;
  for (;;) {
    const weekday = weekdayOfDay(at);
    if (weekday > 5) at += 8 - weekday;
    else if (kind === 'business_days' && isWeekdayHoliday(at)) at += 1;
    else return at;
  }
}

/**
 * Ascending days moved to the days the company is paid on (still ascending: a move never passes the
 * next such day). Equal days follow each other, so each distinct one is worked out once. `into`: the
 * list to write them to, `days` itself when the caller owns it (a million predictions allocate
 * nothing more); a new one by default.
 */
export function onPaymentDays(
  kind: PaymentDays,
  days: readonly number[],
  into: number[] = new Array<number>(days.length),
): readonly number[] {
  if (kind === 'calendar') return days;
  const moved = into;
  let lastDay = Number.NaN;
  let lastPaymentDay = 0;
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i] as number;
    if (day !== lastDay) {
      lastDay = day;
      lastPaymentDay = paymentDayOf(kind, day);
    }
    moved[i] = lastPaymentDay;
  }
  return moved;
}
