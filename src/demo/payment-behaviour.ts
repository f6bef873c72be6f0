/**
 * When and how much each customer pays for each invoice, according to its payer behaviour.
 * Produces payment *intents* (date, invoice, amount); grouping them into bank payments and
 * allocations is done by settlement.ts.
 */
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  fromYmd,
  isoWeekday,
  maxDate,
  splitDate,
} from '../core/calendar.ts';
import type { IsoDate } from '../core/types.ts';
import { type CustomerProfile, DEMO_AS_OF, type InvoiceDraft } from './demo-types.ts';
import type { Rng } from './random.ts';

export interface PaymentIntent {
  customerCode: string;
  invoiceRef: string;
  date: IsoDate;
  amountMinor: number;
  /** Bank charges deducted by the customer's bank (international transfers), written off afterwards. */
  bankChargesMinor: number;
  /** The payment must not be grouped with others (a cheque that will bounce). */
  alone: boolean;
}

/** 0 before `start`, 1 at `end`, linear in between. */
export function ramp(date: IsoDate, start: IsoDate, end: IsoDate): number {
  if (date <= start) return 0;
  if (date >= end) return 1;
  return daysBetween(start, date) / daysBetween(start, end);
}

export function sampleDelayDays(profile: CustomerProfile, dueDate: IsoDate, rng: Rng): number {
  let delayDays: number;
  switch (profile.behaviour) {
    case 'punctual':
      delayDays = rng.normal(profile.meanDelayDays, 3) + (rng.chance(0.05) ? rng.int(10, 30) : 0);
      break;
    case 'slow':
      delayDays = rng.normal(profile.meanDelayDays, 8);
      break;
    case 'erratic': {
      const bucket = rng.weighted<readonly [number, number]>([
        [[-12, 0], 0.2],
        [[0, 20], 0.33],
        [[20, 60], 0.27],
        [[60, 150], 0.14],
        [[150, 320], 0.06],
      ]);
      delayDays = rng.between(bucket[0], bucket[1]);
      break;
    }
    default: {
      const progress = ramp(dueDate, profile.deteriorationStart, DEMO_AS_OF);
      delayDays =
        rng.normal(profile.meanDelayDays, 4) +
        progress * profile.deteriorationMaxDays * rng.between(0.7, 1.3);
    }
  }
  delayDays += ramp(dueDate, profile.driftStart, DEMO_AS_OF) * profile.driftMaxDays * rng.between(0.6, 1.4);
  return Math.round(delayDays);
}

export function neverPaidRate(profile: CustomerProfile, dueDate: IsoDate): number {
  switch (profile.behaviour) {
    case 'punctual':
      return 0.001;
    case 'slow':
      return 0.004;
    case 'erratic':
      return 0.03;
    default:
      return 0.004 + 0.03 * ramp(dueDate, profile.deteriorationStart, DEMO_AS_OF);
  }
}

/** Banks credit on business days: a payment "made" on a week-end arrives on Monday. */
export function nextBusinessDay(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday === 6 ? addDays(date, 2) : weekday === 7 ? addDays(date, 1) : date;
}

/**
 * Big accounts pay in runs, twice a month (on `runDay` and 15 days later): each invoice goes to the
 * run nearest to the day it would otherwise be paid, so a punctual payer stays punctual on average.
 */
export function snapToPaymentRun(date: IsoDate, runDay: number): IsoDate {
  const { year, month } = splitDate(date);
  let best = date;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let offset = -1; offset <= 1; offset++) {
    const monthStart = addMonths(fromYmd(year, month, 1), offset);
    const { year: runYear, month: runMonth } = splitDate(monthStart);
    for (const day of [runDay, runDay + 15]) {
      const run = fromYmd(runYear, runMonth, Math.min(day, daysInMonth(runYear, runMonth)));
      const distance = Math.abs(daysBetween(date, run));
      if (distance < bestDistance) {
        best = run;
        bestDistance = distance;
      }
    }
  }
  return best;
}

function paymentDate(profile: CustomerProfile, invoice: InvoiceDraft, delayDays: number): IsoDate {
  // Nobody pays before receiving the invoice: at least two days after issue.
  const earliest = addDays(invoice.issueDate, 2);
  const target = maxDate(addDays(invoice.dueDate, delayDays), earliest);
  const date = profile.paymentRunDay
    ? maxDate(snapToPaymentRun(target, profile.paymentRunDay), earliest)
    : target;
  return nextBusinessDay(date);
}

/** Rounds a first instalment to a "round" figure like people do (to 10 € above 1 000 €). */
function instalmentMinor(totalMinor: number, share: number): number {
  const step = totalMinor > 100_000 ? 1_000 : 100;
  return Math.max(step, Math.min(totalMinor - step, Math.round((totalMinor * share) / step) * step));
}

/**
 * The payments a customer makes for one invoice (amount already net of its credit note).
 * Intents dated after the as-of date are dropped: at the as-of date those invoices are simply open.
 */
export function planInvoicePayments(
  profile: CustomerProfile,
  invoice: InvoiceDraft,
  amountToPayMinor: number,
  rng: Rng,
): PaymentIntent[] {
  if (amountToPayMinor <= 0) return [];
  if (profile.stopPayingDueFrom && invoice.dueDate >= profile.stopPayingDueFrom) return [];
  // Some invoices are simply never paid: lost in a dispute nobody handled, a forgotten balance…
  if (rng.chance(neverPaidRate(profile, invoice.dueDate))) return [];
  const base = { customerCode: profile.code, invoiceRef: invoice.ref, bankChargesMinor: 0, alone: false };
  const firstDate = paymentDate(profile, invoice, sampleDelayDays(profile, invoice.dueDate, rng));
  const intents: PaymentIntent[] = [];
  if (amountToPayMinor >= 20_000 && rng.chance(profile.partialPaymentRate)) {
    const firstMinor = instalmentMinor(amountToPayMinor, rng.between(0.3, 0.7));
    intents.push({ ...base, date: firstDate, amountMinor: firstMinor });
    // Erratic payers sometimes never pay the rest.
    if (profile.behaviour !== 'erratic' || rng.chance(0.75)) {
      const secondDate = nextBusinessDay(
        addDays(firstDate, rng.int(15, profile.behaviour === 'erratic' ? 90 : 40)),
      );
      intents.push({ ...base, date: secondDate, amountMinor: amountToPayMinor - firstMinor });
    }
  } else {
    const chargesMinor =
      profile.paymentMethod === 'swift' && amountToPayMinor > 50_000 && rng.chance(0.3)
        ? rng.int(1_500, 3_500)
        : 0;
    intents.push({
      ...base,
      date: firstDate,
      amountMinor: amountToPayMinor - chargesMinor,
      bankChargesMinor: chargesMinor,
    });
  }
  return intents.filter((intent) => intent.date <= DEMO_AS_OF);
}
