/** `predict backtest`: the model against two naive baselines over monthly cut-offs of the company's history. */
import { addMonths, maxDate, startOfMonth } from '#core/calendar';
import { type BacktestResult, defaultBacktestRange, runBacktest } from '#core/forecast/backtest';
import { DEFAULT_FOREST_OPTIONS } from '#core/forecast/forest';
import type { IsoDate } from '#core/types';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { loadForecastData, MODEL_VERSION } from './forecast-data.ts';

export interface BacktestInput {
  from?: string | undefined;
  to?: string | undefined;
  /** Adds the random-forest challenger to the run (minutes on a year of the demo company). */
  withForest?: boolean | undefined;
}

export type BacktestAnswer = BacktestResult & {
  modelVersion: string;
  /** The company's as-of date: the data is read up to it (or up to `to` if later). */
  asOf: IsoDate;
  /** true when neither `from` nor `to` was given: the 12 month ends before the as-of date. */
  defaultRange: boolean;
};

/**
 * Defaults: the 12 month ends before the company's as-of date (the as-of date itself scores
 * nothing: what is open then has no outcome yet). With `to` alone, the 12 month ends up to it.
 */
export async function backtestPredictions(
  ctx: AppContext,
  input: BacktestInput = {},
): Promise<BacktestAnswer> {
  const asOf = await resolveAsOf(ctx, undefined);
  const givenTo = requireDate(input.to, 'to');
  const givenFrom = requireDate(input.from, 'from');
  const defaults = defaultBacktestRange(asOf);
  const to = givenTo ?? defaults.to;
  const from = givenFrom ?? (givenTo ? startOfMonth(addMonths(givenTo, -11)) : defaults.from);
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.common.period',
      params: { from: (lang) => formatDate(lang, from), to: (lang) => formatDate(lang, to) },
    });
  // Everything issued up to the as-of date is read: invoices open at a cut-off settle after it,
  // and the outcomes are known up to that date (the coverage's censoring date).
  const dataEnd = maxDate(asOf, to);
  const data = await loadForecastData(ctx, dataEnd, false);
  return {
    modelVersion: MODEL_VERSION,
    asOf,
    defaultRange: givenFrom === undefined && givenTo === undefined,
    ...runBacktest(data.invoices, from, to, {
      events: data.events,
      forest: input.withForest ? DEFAULT_FOREST_OPTIONS : undefined,
      censoredOn: dataEnd,
    }),
  };
}
