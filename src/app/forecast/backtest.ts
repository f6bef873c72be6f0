/** `predict backtest`: the model against two naive baselines over monthly cut-offs of the company's history. */
import { addMonths, maxDate, startOfMonth } from '#core/calendar';
import { type BacktestResult, runBacktest } from '#core/forecast/backtest';
import { DEFAULT_FOREST_OPTIONS } from '#core/forecast/forest';
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

/** Defaults: the 12 months before the company's as-of date. */
export async function backtestPredictions(
  ctx: AppContext,
  input: BacktestInput = {},
): Promise<BacktestResult & { modelVersion: string }> {
  const to = requireDate(input.to, 'to') ?? (await resolveAsOf(ctx, undefined));
  const from = requireDate(input.from, 'from') ?? startOfMonth(addMonths(to, -11));
  if (from > to) throw new DomainError('invalid_input', `from (${from}) is after to (${to})`);
  // Everything issued up to today's as-of is read: invoices open at a cut-off settle after it.
  const latest = await resolveAsOf(ctx, undefined);
  const data = await loadForecastData(ctx, maxDate(latest, to), false);
  return {
    modelVersion: MODEL_VERSION,
    ...runBacktest(data.invoices, from, to, {
      events: data.events,
      forest: input.withForest ? DEFAULT_FOREST_OPTIONS : undefined,
    }),
  };
}
