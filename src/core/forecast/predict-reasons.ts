/**
 * A prediction's reasons as codes and figures (predict.ts): the customer's history and the trend the
 * model used (its slope a month, and the days it added to this invoice's delay), the segment when
 * its own history weighs little, the invoice's size, channel, season, age and terms, and the
 * record's word for an invoice older than most ever paid.
 */
import type { AgeCandidates } from './age-terms.ts';
import { type CustomerHabit, type TrainedModel, termsDays } from './model.ts';
import type { InvoiceRecord, PredictionReason } from './types.ts';

const DAYS_PER_MONTH = 30;
const LARGE_INVOICE_RATIO = 3;
/** A trend's slope under this many days a month is not told (it would read « 0,0 j par mois »). */
export const MIN_MONTHLY_DAYS = 0.1;

/** A slope in days of delay per day as days per month, to one decimal (how every reason says it). */
export function daysPerMonth(daysPerDay: number): number {
  return round1(daysPerDay * DAYS_PER_MONTH);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The habit is how the customer pays a paper invoice (model-finish.ts): an electronic one gets the
 * channel's effect back, one of unknown channel its customer's electronic share of it, and the
 * reason says by how much. None when that rounds to 0 days (its words take the sign of the
 * rounded figure: −0.04 would say "0 days later").
 */
function channelReason(model: TrainedModel, record: InvoiceRecord, share: number): PredictionReason | null {
  if (model.electronicDelayDays === 0 || record.electronic === false) return null;
  const extraDays = round1(share * model.electronicDelayDays);
  if (extraDays === 0) return null;
  if (record.electronic === true) return { code: 'channel', figures: { channel: 'electronic', extraDays } };
  return {
    code: 'channel',
    figures: { channel: 'unknown', extraDays, electronicSharePercent: Math.round(share * 100) },
  };
}

/**
 * The trend the model used (model-trend.ts), when it moved this invoice's date by a day or more:
 * slower or faster by the slope's sign, and the days it added, signed. They may differ: an invoice
 * due before the habit's mean due date (the offset is clamped at the horizon) sits below the mean
 * of a customer growing slower. None for a slope under MIN_MONTHLY_DAYS a month (« 0,0 j par mois »).
 * `source`: 'portfolio' when the slope is the portfolio's (the customer's own line does not stand
 * out of it, portfolio-trend.ts), 'customer' when its own line moved it.
 */
function trendReason(model: TrainedModel, habit: CustomerHabit, trendDays: number): PredictionReason | null {
  const monthlyDays = habit.trendDaysPerDay * DAYS_PER_MONTH;
  if (Math.abs(monthlyDays) < MIN_MONTHLY_DAYS || Math.round(Math.abs(trendDays)) < 1) return null;
  const portfolio = model.portfolioTrendDaysPerDay;
  // The blend own × p + (1 − own) × p may differ from p in its last bits.
  const fromPortfolio =
    portfolio !== 0 && Math.abs(habit.trendDaysPerDay - portfolio) <= 1e-9 * Math.abs(portfolio);
  return {
    code: monthlyDays > 0 ? 'trend_slower' : 'trend_faster',
    figures: {
      monthlyDays: round1(monthlyDays),
      extraDays: round1(trendDays),
      source: fromPortfolio ? 'portfolio' : 'customer',
    },
  };
}

/**
 * `habit`: the customer's (looked up once per invoice); `share`: `electronicShareOf` the invoice;
 * `trendDays`: what its trend added to the invoice's delay (model.ts `trendDaysAt`).
 * `season`: the reason of the month its payment is expected in, if it has one (predict.ts).
 */
export function reasonsOf(
  model: TrainedModel,
  record: InvoiceRecord,
  habit: CustomerHabit | undefined,
  share: number,
  overdueDays: number,
  trendDays = 0,
  season: PredictionReason | null = null,
): PredictionReason[] {
  const segment = model.segments.get(record.customerType);
  const reasons: PredictionReason[] = [];
  if (habit) {
    reasons.push({
      code: 'customer_history',
      figures: {
        settledInvoices: habit.settledInvoices,
        averageDelayDays: round1(habit.ownDelayDays),
        weightPercent: Math.round(habit.ownWeight * 100),
      },
    });
    const trend = trendReason(model, habit, trendDays);
    if (trend) reasons.push(trend);
    if (record.amountMinor > LARGE_INVOICE_RATIO * habit.meanAmountMinor)
      reasons.push({
        code: 'large_invoice',
        figures: { amountMinor: record.amountMinor, usualAmountMinor: Math.round(habit.meanAmountMinor) },
      });
  } else {
    reasons.push({ code: 'no_history', figures: {} });
  }
  if (!habit || habit.ownWeight < 0.5)
    reasons.push({
      code: 'segment_behaviour',
      figures: {
        customerType: record.customerType,
        averageDelayDays: round1(segment?.delayDays ?? model.globalDelayDays),
        weightPercent: Math.round((1 - (habit?.ownWeight ?? 0)) * 100),
      },
    });
  const channel = channelReason(model, record, share);
  if (channel) reasons.push(channel);
  if (season) reasons.push(season);
  if (overdueDays > 0) reasons.push({ code: 'already_overdue', figures: { daysOverdue: overdueDays } });
  reasons.push({ code: 'payment_terms', figures: { termsDays: termsDays(record) } });
  return reasons;
}

/** The habits' reasons, then the record's, then the events': one list, not three copies. */
export function allReasons(
  reasons: PredictionReason[],
  aged: PredictionReason | null,
  events: readonly PredictionReason[],
): PredictionReason[] {
  if (aged) reasons.push(aged);
  for (const reason of events) reasons.push(reason);
  return reasons;
}

/** The reason of an invoice older than most ever paid: the record's share paid within a year. */
export function noPaymentExpected(aged: AgeCandidates): PredictionReason {
  const { daysOverdue, ageDays, observations, basis } = aged.reason.figures;
  return {
    code: 'no_payment_expected',
    figures: {
      daysOverdue: daysOverdue ?? 0,
      ageDays: ageDays ?? 0,
      observations: observations ?? 0,
      basis: basis ?? 'company',
      paidWithin365Percent: Math.round(aged.paidWithinYear * 100),
    },
  };
}
