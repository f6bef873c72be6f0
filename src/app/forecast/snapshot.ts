/**
 * `forecast snapshot`: the payment-date predictions of every open invoice and the weekly
 * collection forecast as of a date, stored with the model's version (weekly by the
 * `forecast.snapshot` job), so that what was forecast can later be set against what came in.
 * A past date gives the forecast the model would have made then: it learns only from what was
 * known at the date, so backfilled runs are honest too.
 */
import { addDays, isoWeekday } from '#core/calendar';
import { collectionWeeks } from '#core/forecast/collections';
import type { Forecaster } from '#core/forecast/forecaster';
import { futureSales } from '#core/forecast/future-sales';
import { widenByPastErrors } from '#core/forecast/past-errors';
import type { InvoicePrediction } from '#core/forecast/types';
import { addToWeeks, emptyWeekSums } from '#core/forecast/week-sums';
import type { IsoDate } from '#core/types';
import {
  insertForecastRunHeader,
  insertForecastWeeks,
  insertInvoicePredictions,
  selectForecastRuns,
  setForecastRunOpenInvoices,
} from '#db/forecast/forecast-store';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { bandInputsAt } from './band-inputs.ts';
import { collectionCurvesAt } from './collection-curves.ts';
import { type ForecastData, MODEL_VERSION } from './forecast-data.ts';
import { forEachOpenInvoicePrediction, PREDICTION_BATCH } from './prediction-batches.ts';
import { trainAt } from './predictions.ts';
import { keepForecaster } from './stored-model.ts';

export const SNAPSHOT_WEEKS = 13;
/** A backfill covers at most a year of Mondays. */
export const MAX_BACKFILL_WEEKS = 53;

export interface SnapshotSummary {
  runId: number;
  asOf: IsoDate;
  modelVersion: string;
  openInvoices: number;
  weeks: number;
}

const toBp = (probability: number) => Math.round(probability * 10_000);

/**
 * `keepModel` (default): the trained model is kept with the run, for the predictions of the week
 * after it (a backfill keeps only its latest date's: older models would serve no one).
 */
export async function storeForecastSnapshot(
  ctx: AppContext,
  input: { asOf?: string | undefined; keepModel?: boolean | undefined } = {},
): Promise<SnapshotSummary> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const { data, forecaster } = await trainAt(ctx, asOf, SNAPSHOT_WEEKS, false);
  return writeForecastSnapshot(ctx, asOf, data, forecaster, { keepModel: input.keepModel ?? true });
}

/**
 * Predicts and stores batch by batch in one transaction: the invoices open at the date are read
 * chunk by chunk, each batch is written and summed into the weeks, then dropped, so memory holds
 * what the training kept and one chunk, whatever the open items. `data`: the currency and at
 * least last year's invoices of the forecast weeks (future sales), in document order.
 */
export async function writeForecastSnapshot(
  ctx: AppContext,
  asOf: IsoDate,
  data: Pick<ForecastData, 'currency' | 'invoices'>,
  forecaster: Forecaster,
  options: { batchSize?: number; keepModel?: boolean } = {},
): Promise<SnapshotSummary & { modelId: number | null }> {
  const batchSize = options.batchSize ?? PREDICTION_BATCH;
  const open = emptyWeekSums(asOf, SNAPSHOT_WEEKS);
  const at = ctx.clock.now();
  const written = await ctx.db.transaction().execute(async (trx) => {
    const modelId = options.keepModel ? await keepForecaster(trx, ctx, forecaster, data.currency) : null;
    // The count is known once the open invoices are read: the header is completed then.
    const runId = await insertForecastRunHeader(trx, {
      company_id: ctx.companyId,
      as_of: asOf,
      model_version: MODEL_VERSION,
      currency: data.currency,
      open_invoices: 0,
      created_by: ctx.actor,
      created_at: at,
      model_id: modelId,
    });
    const curves = await collectionCurvesAt(
      trx,
      { companyId: ctx.companyId, currency: data.currency, asOf },
      open,
    );
    const openInvoices = await forEachOpenInvoicePrediction(
      trx,
      { companyId: ctx.companyId, asOf, currency: data.currency },
      forecaster,
      async (batch) => {
        addToWeeks(open, batch, curves);
        await insertInvoicePredictions(trx, ctx.companyId, runId, batch.map(storedRow));
      },
      batchSize,
    );
    await setForecastRunOpenInvoices(trx, ctx.companyId, runId, openInvoices);
    const sales = futureSales(forecaster.model, data.invoices, asOf, SNAPSHOT_WEEKS, forecaster.terms.season);
    const { volumeError, pastBands } = await bandInputsAt(trx, ctx.companyId, data.currency, asOf);
    const weeks = widenByPastErrors(collectionWeeks(open, sales, asOf, volumeError), asOf, pastBands);
    await insertForecastWeeks(
      trx,
      ctx.companyId,
      runId,
      weeks.map((w) => ({
        week_start: w.weekStart,
        from_open_items_minor: w.fromOpenItemsMinor,
        from_future_sales_minor: w.fromFutureSalesMinor,
        low_minor: w.lowMinor,
        high_minor: w.highMinor,
      })),
    );
    await recordAudit(ctx, trx, {
      at,
      action: 'forecast.snapshot',
      entity: 'forecast_run',
      entityKey: String(runId),
      before: null,
      after: { asOf, modelVersion: MODEL_VERSION, openInvoices, modelId },
    });
    return { runId, modelId, openInvoices, weeks: weeks.length };
  });
  return {
    runId: written.runId,
    modelId: written.modelId,
    asOf,
    modelVersion: MODEL_VERSION,
    openInvoices: written.openInvoices,
    weeks: written.weeks,
  };
}

function storedRow(p: InvoicePrediction) {
  return {
    document_id: p.documentId,
    open_minor: p.openMinor,
    predicted_date: p.predictedDate,
    p10_date: p.p10Date,
    p90_date: p.p90Date,
    probability_late_bp: toBp(p.probabilityLate),
    probability_over30_bp: toBp(p.probabilityOver30),
    probability_over60_bp: toBp(p.probabilityOver60),
    payment_expected: p.paymentExpected !== false,
  };
}

/** The Sundays (week ends) of the `weeks` weeks ending on or before `asOf`, oldest first. */
export function backfillDates(asOf: IsoDate, weeks: number): IsoDate[] {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_BACKFILL_WEEKS)
    throw new DomainError('invalid_input', {
      key: 'errors.forecast.weeks',
      params: { max: MAX_BACKFILL_WEEKS },
    });
  const weekday = isoWeekday(asOf); // Monday 1 … Sunday 7
  const lastSunday = weekday === 7 ? asOf : addDays(asOf, -weekday);
  return Array.from({ length: weeks }, (_, index) => addDays(lastSunday, -7 * (weeks - 1 - index)));
}

export async function listForecastRuns(ctx: AppContext, limit = 50) {
  const runs = await selectForecastRuns(ctx.db, ctx.companyId, limit);
  return runs.map((run) => ({ ...run, createdAt: run.createdAt.toISOString() }));
}
