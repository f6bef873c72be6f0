/** `forecast collections`: expected receipts by week from open items and from future sales, with a band. */
import {
  addToWeeks,
  type CollectionWeek,
  collectionWeeks,
  emptyWeekSums,
  futureSales,
} from '#core/forecast/collections';
import type { IsoDate } from '#core/types';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { MODEL_VERSION } from './forecast-data.ts';
import { forEachPredictionBatch, trainAt } from './predictions.ts';

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
  const { data, forecaster } = await trainAt(ctx, asOf);
  // Summed batch by batch: the candidate dates of every open invoice are never held at once.
  const open = emptyWeekSums(asOf, weeks);
  await forEachPredictionBatch(data, forecaster, (batch) => addToWeeks(open, batch));
  const sales = futureSales(forecaster.model, data.invoices, asOf, weeks);
  return {
    asOf,
    currency: data.currency,
    modelVersion: MODEL_VERSION,
    weeks: collectionWeeks(open, sales, asOf),
  };
}
