/**
 * Future sales of the collection forecast: last year's invoices of the same weeks issued again and
 * paid on their customers' expected delays (a seasonal naive forecast of sales not invoiced yet),
 * each candidate payment day moved to a day money comes in on.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { paymentDayOf } from './bank-days.ts';
import { expectedDelayDays, spreadDaysOf, type TrainedModel } from './model.ts';
import { candidateDays, seasonAt } from './predict.ts';
import type { SeasonTerms } from './season-terms.ts';
import type { InvoiceRecord } from './types.ts';
import type { OpenAmount } from './week-sums.ts';

/** Last year's same weekday: future sales repeat the invoices issued this many days before. */
export const SAME_WEEKDAY_LAST_YEAR_DAYS = 364;

/**
 * Last year's invoices of the same weeks, issued again 364 days later (same weekday) and paid on
 * the customer's expected delay, moved by the season of the month that lands the payment in as an
 * open invoice's is (`season`: the predictor's, season-terms.ts; absent: none): a seasonal naive
 * forecast of sales that are not invoiced yet. Their dates come from delays in calendar days, so
 * each is moved to the next day the company is paid on (a weekday, a business day: bank-days.ts;
 * the open invoices' dates are spread over the days money came in on before: collection-curve.ts).
 */
export function futureSales(
  model: TrainedModel,
  records: readonly InvoiceRecord[],
  asOf: IsoDate,
  weeks: number,
  season: SeasonTerms | null = null,
): OpenAmount[] {
  const cutoffDay = toDayNumber(asOf);
  const horizonEnd = cutoffDay + weeks * 7 + 7;
  // The days payments land on, as the open invoices' predictions take them (bank-days.ts).
  const kind = model.paymentDays;
  const items: OpenAmount[] = [];
  for (const record of records) {
    const issueDay = toDayNumber(record.issueDate) + SAME_WEEKDAY_LAST_YEAR_DAYS;
    if (issueDay <= cutoffDay || issueDay > horizonEnd) continue;
    const dueDay = toDayNumber(record.dueDate) + SAME_WEEKDAY_LAST_YEAR_DAYS;
    const usual = expectedDelayDays(model, record.customerCode, record.customerType, dueDay);
    const delay = usual + (seasonAt(season, dueDay + Math.round(usual), cutoffDay)?.days ?? 0);
    const days = candidateDays(model, dueDay, delay, cutoffDay, spreadDaysOf(model, record.customerCode)).map(
      (day) => paymentDayOf(kind, Math.max(day, issueDay)),
    );
    items.push({ candidateDays: days, openMinor: record.amountMinor });
  }
  return items;
}
