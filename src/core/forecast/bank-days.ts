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

/**
 * Where a payment due on a day the company is not paid on lands: on the next day it is (a transfer
 * sent on the due date, a Saturday, is credited on the Monday), or on the one before (customers whose
 * payment runs settle what falls due at the weekend on the Friday, to be on time).
 */
export type DueDayRoll = 'forward' | 'backward';

/** What the model counts of the paid invoices due on a Saturday or a Sunday (model-fold.ts). */
export interface WeekendDueCounts {
  /** Settled on the Friday just before the due date. */
  before: number;
  /** Settled on the Monday just after it. */
  after: number;
}

/** Fewer weekend-due invoices paid on the Friday before or the Monday after and the roll stays forward. */
export const MIN_WEEKEND_DUE_PAYMENTS = 30;
/**
 * The Friday must take at least this many times the Monday's payments. Customers paying a few days
 * early or late put payments on both days; a payment run before the due date puts nearly all on the
 * Friday.
 */
export const BACKWARD_ROLL_RATIO = 2;

/** Where the payments due at a weekend land, from those of the past (forward without enough of them). */
export function learnDueDayRoll(counts: WeekendDueCounts): DueDayRoll {
  if (counts.before + counts.after < MIN_WEEKEND_DUE_PAYMENTS) return 'forward';
  return counts.before >= BACKWARD_ROLL_RATIO * counts.after ? 'backward' : 'forward';
}

/**
 * For an invoice due at a weekend, the Friday before and the Monday after (-1 for a weekday due
 * date): the days a payment on the due date may be credited on.
 */
export function weekendDueNeighbours(dueDay: number): { friday: number; monday: number } | null {
  const weekday = weekdayOfDay(dueDay);
  if (weekday <= 5) return null;
  return { friday: dueDay - (weekday - 5), monday: dueDay + (8 - weekday) };
}

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

/** The day itself when the company is paid on it, else the last one before it. */
export function previousPaymentDayOf(kind: PaymentDays, day: number): number {
  let at = day;
  if (kind === 'calendar') return at;
  for (;;) {
    const weekday = weekdayOfDay(at);
    if (weekday > 5) at -= weekday - 5;
    else if (kind === 'business_days' && isWeekdayHoliday(at)) at -= 1;
    else return at;
  }
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
  due?: { day: number; roll: DueDayRoll },
): readonly number[] {
  if (kind === 'calendar') return days;
  const moved = into;
  const block = due?.roll === 'backward' ? dueBlock(kind, due.day) : null;
  let lastDay = Number.NaN;
  let lastPaymentDay = 0;
  for (let i = 0; i < days.length; i += 1) {
    const day = days[i] as number;
    if (day !== lastDay) {
      lastDay = day;
      lastPaymentDay =
        block && day > block.before && day < block.next ? block.before : paymentDayOf(kind, day);
    }
    moved[i] = lastPaymentDay;
  }
  return moved;
}

/**
 * The days around a due date the company is not paid on: the payment days just before and after
 * the run of such days it falls in (null when it is paid on the due date itself). A payment rolled
 * backward lands on `before`; the days still ascend, since every day of the run moves there.
 */
function dueBlock(kind: PaymentDays, dueDay: number): { before: number; next: number } | null {
  const next = paymentDayOf(kind, dueDay);
  if (next === dueDay) return null;
  return { before: previousPaymentDayOf(kind, dueDay), next };
}
