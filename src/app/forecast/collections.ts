/** `forecast collections`: expected receipts by week from open items and from future sales, with a band. */

import { addDays, minDate } from '#core/calendar';
import {
  addToWeeks,
  type CollectionWeek,
  collectionWeeks,
  emptyWeekSums,
  futureSales,
  SAME_WEEKDAY_LAST_YEAR_DAYS,
} from '#core/forecast/collections';
import type { IsoDate } from '#core/types';
import { selectInvoicesIssuedBetween } from '#db/forecast/forecast-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { collectionCurvesAt } from './collection-curves.ts';
import { MODEL_VERSION } from './forecast-data.ts';
import { companyCurrency, forEachOpenPrediction } from './predictions.ts';

export const MAX_FORECAST_WEEKS = 52;

export interface CollectionForecast {
  asOf: IsoDate;
  currency: string;
  modelVersion: string;
  weeks: CollectionWeek[];
}

export async function forecastCollections(
  ctx: AppContext,
  input: { asOf?: string | undefined; weeks?: number | undefined } = {},
): Promise<CollectionForecast> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const weeks = input.weeks ?? 13;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_FORECAST_WEEKS)
    throw new DomainError('invalid_input', `weeks must be an integer from 1 to ${MAX_FORECAST_WEEKS}`);
  // Summed batch by batch: the candidate dates of every open invoice are never held at once.
  const open = emptyWeekSums(asOf, weeks);
  const currency = await companyCurrency(ctx);
  const curves = await inReportSnapshot(ctx.db, (trx) =>
    collectionCurvesAt(trx, { companyId: ctx.companyId, currency, asOf }, open),
  );
  const source = await forEachOpenPrediction(ctx, asOf, (batch) => addToWeeks(open, batch, curves));
  // The history is not held (a stored model did not read it, a training folded it): only last
  // year's invoices of these weeks are read.
  const invoices = await selectInvoicesIssuedBetween(ctx.db, {
    companyId: ctx.companyId,
    currency: source.currency,
    after: addDays(asOf, -SAME_WEEKDAY_LAST_YEAR_DAYS),
    upTo: minDate(asOf, addDays(asOf, weeks * 7 + 7 - SAME_WEEKDAY_LAST_YEAR_DAYS)),
  });
  const sales = futureSales(source.model, invoices, asOf, weeks);
  return {
    asOf,
    currency: source.currency,
    modelVersion: MODEL_VERSION,
    weeks: collectionWeeks(open, sales, asOf),
  };
}
