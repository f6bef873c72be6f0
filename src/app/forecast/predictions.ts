/** `predict payments`: every invoice open at the date with its predicted payment date and reasons. */
import { type Forecaster, predictWith, trainForecaster } from '#core/forecast/forecaster';
import type { InvoicePrediction } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import type { Lang } from '#text/catalogue';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from '../customers/customers.ts';
import { type ForecastData, loadForecastData, MODEL_VERSION } from './forecast-data.ts';
import { describeReasons, type ReasonView } from './reason-messages.ts';

export type PaymentPrediction = Omit<InvoicePrediction, 'candidateDays' | 'documentId' | 'reasons'> & {
  reasons: ReasonView[];
};

export interface PaymentPredictions {
  asOf: IsoDate;
  currency: string;
  modelVersion: string;
  items: PaymentPrediction[];
}

export interface PredictPaymentsInput {
  asOf?: string | undefined;
  customerCode?: string | undefined;
  lang?: Lang | undefined;
}

export type OpenInvoicePrediction = InvoicePrediction & { salesperson: string | null };

/** Predictions handed to the caller at a time: what it holds besides the history. */
export const PREDICTION_BATCH = 5_000;

/** The history as of the date and the predictor trained on it (what every prediction needs). */
export async function trainAt(ctx: AppContext, asOf: IsoDate) {
  const data = await loadForecastData(ctx, asOf, true);
  return { data, forecaster: trainForecaster(data.invoices, data.events, asOf) };
}

/**
 * Predicts the invoices open at the date and hands them over batch by batch, in document order:
 * the caller keeps what it needs (rows to store, week sums), never the list of every prediction
 * with its candidate dates. Returns how many were predicted.
 */
export async function forEachPredictionBatch(
  data: ForecastData,
  forecaster: Forecaster,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  batchSize = PREDICTION_BATCH,
): Promise<number> {
  let batch: OpenInvoicePrediction[] = [];
  let count = 0;
  for (const invoice of data.invoices) {
    const openMinor = data.openMinorById.get(invoice.documentId);
    if (openMinor === undefined || openMinor <= 0) continue;
    batch.push({ ...predictWith(forecaster, invoice, openMinor), salesperson: invoice.salesperson });
    count += 1;
    if (batch.length >= batchSize) {
      await onBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await onBatch(batch);
  return count;
}

/** Every open invoice's prediction in one list (the API's answer, the agenda's fallback). */
export async function predictOpenInvoices(ctx: AppContext, asOf: IsoDate) {
  const { data, forecaster } = await trainAt(ctx, asOf);
  const predictions: OpenInvoicePrediction[] = [];
  await forEachPredictionBatch(data, forecaster, (batch) => {
    for (const prediction of batch) predictions.push(prediction);
  });
  return { data, model: forecaster.model, predictions };
}

export async function predictPayments(
  ctx: AppContext,
  input: PredictPaymentsInput = {},
): Promise<PaymentPredictions> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  if (input.customerCode !== undefined) await requireVisibleCustomer(ctx, input.customerCode);
  const { data, predictions } = await predictOpenInvoices(ctx, asOf);
  const scope = salespersonScope(ctx);
  const items = predictions
    .filter((p) => isInScope(scope, p.salesperson))
    .filter((p) => input.customerCode === undefined || p.customerCode === input.customerCode)
    .sort(
      (a, b) => a.predictedDate.localeCompare(b.predictedDate) || a.documentRef.localeCompare(b.documentRef),
    )
    .map(({ candidateDays: _days, documentId: _id, salesperson: _sp, reasons, ...rest }) => ({
      ...rest,
      reasons: describeReasons(input.lang ?? 'fr', reasons, rest.currency),
    }));
  return { asOf, currency: data.currency, modelVersion: MODEL_VERSION, items };
}
