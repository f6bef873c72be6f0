/** `forecast collections`: expected receipts by week from open items and from future sales, with a band. */
import { type CollectionWeek, collectionForecast, futureSales } from '#core/forecast/collections';
import type { IsoDate } from '#core/types';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { MODEL_VERSION } from './forecast-data.ts';
import { predictOpenInvoices } from './predictions.ts';

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
  const { data, model, predictions } = await predictOpenInvoices(ctx, asOf);
  const openItems = predictions.map((p) => ({ candidateDays: p.candidateDays, openMinor: p.openMinor }));
  const sales = futureSales(model, data.invoices, asOf, weeks);
  return {
    asOf,
    currency: data.currency,
    modelVersion: MODEL_VERSION,
    weeks: collectionForecast(openItems, sales, asOf, weeks),
  };
}
