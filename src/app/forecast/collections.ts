/** `forecast collections`: expected receipts by week from open items and from future sales, with a band. */

import { addDays, minDate, toDayNumber } from '#core/calendar';
import { type AgeBreakdown, ageBreakdown } from '#core/forecast/age-breakdown';
import {
  type CollectionPeriod,
  type CollectionWeek,
  collectionPeriods,
  collectionWeeks,
} from '#core/forecast/collections';
import { futureSales, SAME_WEEKDAY_LAST_YEAR_DAYS } from '#core/forecast/future-sales';
import { widenByPastErrors } from '#core/forecast/past-errors';
import { periodLastDay } from '#core/forecast/periods';
import { daysPerMonth } from '#core/forecast/predict-reasons';
import { addToWeeks, emptyPeriodSums, emptyWeekSums } from '#core/forecast/week-sums';
import type { IsoDate } from '#core/types';
import { selectForecastInputVersion } from '#db/forecast/forecast-input-version';
import { selectInvoicesIssuedBetween } from '#db/forecast/forecast-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { bandInputsAt } from './band-inputs.ts';
import { collectionCurvesFor } from './collection-curves.ts';
import { MODEL_VERSION } from './forecast-data.ts';
import { companyCurrency, forEachOpenPrediction } from './predictions.ts';

export const MAX_FORECAST_WEEKS = 52;

export interface CollectionDay extends Omit<CollectionPeriod, 'periodStart'> {
  date: IsoDate;
}

export interface CollectionMonth extends CollectionPeriod {
  /** 'YYYY-MM'; the first and last months are cut at the horizon's ends (`periodStart`). */
  month: string;
}

export interface CollectionForecast {
  asOf: IsoDate;
  currency: string;
  modelVersion: string;
  /**
   * How much later (negative: sooner) the portfolio's customers pay each month, as the model drew
   * it (portfolio-trend.ts), to a tenth of a day; 0 when it does not stand out of its noise.
   */
  portfolioTrendDaysPerMonth: number;
  weeks: CollectionWeek[];
  /** The same horizon by day, when asked for. */
  days?: CollectionDay[];
  /** The same horizon by calendar month, when asked for. */
  months?: CollectionMonth[];
  /**
   * The open items by age at the as-of date and what each bucket is expected to bring within the
   * horizon: why the total from open items moves when receipts are applied (age-breakdown.ts).
   */
  byAge: AgeBreakdown;
}

export async function forecastCollections(
  ctx: AppContext,
  input: { asOf?: string | undefined; weeks?: number | undefined; by?: readonly ('day' | 'month')[] } = {},
): Promise<CollectionForecast> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const weeks = input.weeks ?? 13;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_FORECAST_WEEKS)
    throw new DomainError('invalid_input', {
      key: 'errors.forecast.weeks',
      params: { max: MAX_FORECAST_WEEKS },
    });
  const by = [...new Set(input.by ?? [])];
  // Summed batch by batch: the candidate dates of every open invoice are never held at once. The
  // days and months sum the same batches: one pass over the predictions for every cut.
  const open = emptyWeekSums(asOf, weeks);
  const cuts = by.map((period) => emptyPeriodSums(asOf, weeks, period));
  const currency = await companyCurrency(ctx);
  // A fresh read-only snapshot shares the history's read with the calls that see the same data.
  const fresh = !ctx.db.isTransaction;
  const curves = await inReportSnapshot(ctx.db, async (trx) =>
    collectionCurvesFor(
      trx,
      { companyId: ctx.companyId, currency, asOf },
      [open, ...cuts],
      fresh ? { db: ctx.db, inputs: await selectForecastInputVersion(trx, ctx.companyId) } : undefined,
    ),
  );
  const source = await forEachOpenPrediction(ctx, asOf, (batch) => {
    addToWeeks(open, batch, curves[0]);
    for (const [index, sums] of cuts.entries()) addToWeeks(sums, batch, curves[index + 1]);
  });
  // The history is not held (a stored model did not read it, a training folded it): only last
  // year's invoices of these weeks are read.
  const invoices = await selectInvoicesIssuedBetween(ctx.db, {
    companyId: ctx.companyId,
    currency: source.currency,
    after: addDays(asOf, -SAME_WEEKDAY_LAST_YEAR_DAYS),
    upTo: minDate(asOf, addDays(asOf, weeks * 7 + 7 - SAME_WEEKDAY_LAST_YEAR_DAYS)),
  });
  const sales = futureSales(source.model, invoices, asOf, weeks, source.season);
  const { volumeError, pastBands } = await bandInputsAt(ctx.db, ctx.companyId, source.currency, asOf);
  const forecast: CollectionForecast = {
    asOf,
    currency: source.currency,
    modelVersion: MODEL_VERSION,
    portfolioTrendDaysPerMonth: daysPerMonth(source.model.portfolioTrendDaysPerDay),
    weeks: widenByPastErrors(collectionWeeks(open, sales, asOf, volumeError), asOf, pastBands),
    byAge: ageBreakdown(open),
  };
  by.forEach((period, index) => {
    const sums = cuts[index];
    if (!sums) return;
    // A period over by the as-of date (the first week's Monday before a Wednesday) is left out.
    const asOfDay = toDayNumber(asOf);
    // The record is kept by week and stays there: the errors it adds to a week are mostly money
    // moving between weeks, which cancels within a month (bench/forecast-month-band.ts: the model's
    // month band held 58 of 60 months; widened by its weeks' record, 59 of 60 at 37 % more width).
    const periods = collectionPeriods(sums, sales, asOf, volumeError).filter(
      (_, index) => periodLastDay(sums, index) > asOfDay,
    );
    if (period === 'day')
      forecast.days = periods.map(({ periodStart, ...amounts }) => ({ date: periodStart, ...amounts }));
    else forecast.months = periods.map((row) => ({ month: row.periodStart.slice(0, 7), ...row }));
  });
  return forecast;
}
