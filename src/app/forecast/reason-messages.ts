/** A prediction's reasons in words: figures formatted for the language, then the catalogue's message. */
import type { PredictionReason } from '#core/forecast/types';
import { type Lang, label, translator } from '#text/catalogue';
import {
  formatDate,
  formatDays,
  formatMoney,
  formatMonthName,
  formatNumber,
  formatPercent,
} from '#text/format';

export interface ReasonView extends PredictionReason {
  message: string;
}

function wordsOf(lang: Lang, reason: PredictionReason, currency: string): Record<string, string | number> {
  const f = reason.figures;
  const days = (value: unknown) => formatDays(lang, Number(value));
  // Whole percents from the core, spaced as the language spaces them (« 95 % », "95%").
  const percent = (value: unknown) => formatPercent(lang, Number(value) / 100);
  // An average delay is signed (negative: paid before the due date); the words say which way
  // and take the days without their sign, rounded as formatDays rounds them.
  const timing = (value: unknown) => {
    const whole = Math.round(Number(value));
    return whole < 0 ? 'early' : whole === 0 ? 'on_time' : 'late';
  };
  const unsignedDays = (value: unknown) => days(Math.abs(Number(value)));
  // A date figure is empty when the signal moved no date (its words then leave it out).
  const date = (value: unknown) => (value ? formatDate(lang, String(value)) : '');
  switch (reason.code) {
    case 'customer_history':
      return {
        settledInvoices: Number(f.settledInvoices),
        timing: timing(f.averageDelayDays),
        averageDelayDays: unsignedDays(f.averageDelayDays),
        weightPercent: percent(f.weightPercent),
      };
    case 'segment_behaviour':
      return {
        customerType: label(lang, 'customerType', String(f.customerType)),
        timing: timing(f.averageDelayDays),
        averageDelayDays: unsignedDays(f.averageDelayDays),
        weightPercent: percent(f.weightPercent),
      };
    case 'trend_slower':
    case 'trend_faster':
      // The words say which way: the figures without their sign. The slope's way is the code's;
      // the days added take their own (an invoice due early on a slowing customer's line gets fewer).
      return {
        monthlyDays: formatNumber(lang, Math.abs(Number(f.monthlyDays)), 1),
        extraDays: unsignedDays(f.extraDays),
        extra: Number(f.extraDays) < 0 ? 'less' : 'more',
        source: f.source === 'portfolio' ? 'portfolio' : 'customer',
      };
    case 'already_overdue':
      return { daysOverdue: days(f.daysOverdue) };
    case 'large_invoice':
      return {
        amount: formatMoney(lang, Number(f.amountMinor), currency),
        usualAmount: formatMoney(lang, Number(f.usualAmountMinor), currency),
      };
    case 'payment_terms':
      return { termsDays: days(f.termsDays) };
    case 'dispute':
      if (f.basis === 'replaced') return { openedOn: date(f.openedOn) };
      // The habits model's dispute effect replaces the resolution time's floor (signals.ts).
      if (f.basis === 'effect')
        return { openedOn: date(f.openedOn), basis: 'effect', extraDays: days(f.extraDays) };
      return {
        openedOn: date(f.openedOn),
        basis: String(f.basis),
        resolutionDays: days(f.resolutionDays),
        customerType: label(lang, 'customerType', String(f.customerType)),
        notBefore: date(f.notBefore),
      };
    case 'channel':
      // The figure is signed (negative: paid sooner); the words say which way. An invoice of
      // unknown channel (`channel` 'unknown') gets its customer's electronic share of the effect.
      return {
        channel: String(f.channel),
        direction: Number(f.extraDays) < 0 ? 'sooner' : 'later',
        extraDays: days(Math.abs(Number(f.extraDays))),
        electronicSharePercent: percent(f.electronicSharePercent ?? 100),
      };
    case 'seasonality':
      // Signed like the channel's figure (negative: paid sooner); the month by its name.
      return {
        month: formatMonthName(lang, Number(f.month)),
        direction: Number(f.extraDays) < 0 ? 'sooner' : 'later',
        extraDays: days(Math.abs(Number(f.extraDays))),
        years: Number(f.years),
      };
    case 'promise':
      return {
        promisedDate: date(f.promisedDate),
        state: String(f.state),
        slipDays: days(f.slipDays),
        promisesKnown: Number(f.promisesKnown),
        expectedDate: date(f.expectedDate),
      };
    case 'reminders_sent':
      if (f.basis !== 'history')
        return {
          count: Number(f.count),
          level: Number(f.level),
          lastReminderOn: date(f.lastReminderOn),
          basis: String(f.basis),
        };
      return {
        count: Number(f.count),
        level: Number(f.level),
        lastReminderOn: date(f.lastReminderOn),
        basis: String(f.basis),
        typicalDays: days(f.typicalDays),
        notBefore: date(f.notBefore),
      };
    case 'insolvency_proceedings':
      return { procedure: String(f.procedure), since: date(f.since), dated: f.since ? 'yes' : 'no' };
    case 'no_payment_expected':
      // The whole percent picks the words: « aucune facture… » at 0, not « seulement 0 % ».
      return {
        paidWithin365WholePercent: Number(f.paidWithin365Percent),
        paidWithin365Percent: percent(f.paidWithin365Percent),
      };
    case 'long_overdue':
      return {
        daysOverdue: days(f.daysOverdue),
        ageDays: days(f.ageDays),
        observations: Number(f.observations),
        basis: String(f.basis),
        paidWithin90Percent: percent(f.paidWithin90Percent),
        paidWithin365Percent: percent(f.paidWithin365Percent),
      };
    default:
      return {};
  }
}

/**
 * The catalogue key of a reason: the model's own (forecast-model.ts) for the reasons it added, and
 * for a dispute or reminders a promise replaced; else `forecast.reason.<code>`.
 */
function keyOf(reason: PredictionReason): string {
  if (reason.code === 'no_payment_expected') return 'forecastModel.reason.no_payment_expected';
  if (reason.figures.basis === 'replaced' && reason.code === 'dispute')
    return 'forecastModel.reason.dispute_replaced';
  if (reason.figures.basis === 'replaced' && reason.code === 'reminders_sent')
    return 'forecastModel.reason.reminders_replaced';
  return `forecast.reason.${reason.code}`;
}

export function describeReasons(
  lang: Lang,
  reasons: readonly PredictionReason[],
  currency: string,
): ReasonView[] {
  const t = translator(lang);
  return reasons.map((reason) => ({
    ...reason,
    message: t(keyOf(reason), wordsOf(lang, reason, currency)),
  }));
}
