/**
 * `predict payments`: every invoice open at the date with its predicted payment date and reasons,
 * from the week's stored model when there is one (see stored-model.ts), else trained now; the
 * predicting itself, batch by batch, is in prediction-batches.ts.
 */

import type { Transaction } from 'kysely';
import type { Forecaster } from '#core/forecast/forecaster';
import { trainFromFold } from '#core/forecast/history-fold';
import type { TrainedModel } from '#core/forecast/model';
import type { SeasonTerms } from '#core/forecast/season-terms';
import { predictAt } from '#core/forecast/stored-model';
import type { InvoicePrediction } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import { selectForecastInputVersion } from '#db/forecast/forecast-input-version';
import type { Database } from '#db/infra/schema';
import { inReportSnapshot } from '#db/reports/report-session';
import type { Lang } from '#text/catalogue';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import { findCompany, unknownCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from '../customers/customers.ts';
import { loadTrainingData, MODEL_VERSION } from './forecast-data.ts';
import {
  forEachOpenInvoicePrediction,
  type OpenInvoicePrediction,
  PREDICTION_BATCH,
} from './prediction-batches.ts';
import { describeReasons, type ReasonView } from './reason-messages.ts';
import { SHARED_PREDICTIONS_MAX, sharedPredictions, sharedTraining } from './shared-training.ts';
import { findStoredPredictor, type StoredPredictor } from './stored-model.ts';

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

/**
 * The predictor trained at the date, the history folded as it is read: `data.invoices` holds only
 * the invoices the training or the future sales of `salesWeeks` weeks read (see loadTrainingData)
 * and, with `keepOpen`, those open at the date (for `forEachPredictionBatch`), not the whole history.
 */
export async function trainAt(ctx: AppContext, asOf: IsoDate, salesWeeks = 0, keepOpen = true) {
  const { data, fold, signals } = await loadTrainingData(ctx, asOf, salesWeeks, { keepOpen });
  return { data, forecaster: trainFromFold(fold, signals) };
}

/**
 * `forEachPredictionBatch` from the week's stored model: reads only the invoices open at the date
 * (chunk by chunk) and their events known then, in one read-only snapshot, so `onBatch` must not
 * query the database itself. Same items, order and batches as from a trained predictor.
 */
export async function forEachStoredPredictionBatch(
  ctx: AppContext,
  stored: StoredPredictor,
  asOf: IsoDate,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  batchSize = PREDICTION_BATCH,
  customerCode?: string,
): Promise<{ count: number; forecaster: Forecaster }> {
  return inReportSnapshot(ctx.db, async (trx) => {
    // No signals held: each open invoice's are read with it.
    const forecaster = predictAt(stored.restored, asOf, new Map());
    const input = { companyId: ctx.companyId, asOf, currency: stored.currency, customerCode };
    const count = await forEachOpenInvoicePrediction(trx, input, forecaster, onBatch, batchSize);
    return { count, forecaster };
  });
}

export async function companyCurrency(ctx: AppContext): Promise<string> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  return company.currency;
}

export interface OpenPredictionSource {
  currency: string;
  /** The stored model used, or null when the predictor was trained for the call. */
  modelId: number | null;
  model: TrainedModel;
  /** The payments' season the predictions used (the future sales take it too). */
  season: SeasonTerms | null;
}

/**
 * The open invoices' predictions batch by batch, from the week's stored model when there is one
 * (trained at most a week before the date), otherwise from a predictor trained now. Calls for the
 * whole company that see the same data (the dashboard's collection forecast and cost of lateness,
 * asked together) share one prediction pass (`sharedOpenPredictions`); the batches handed over are
 * then shared too, and must not be changed.
 */
export async function forEachOpenPrediction(
  ctx: AppContext,
  asOf: IsoDate,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  /** Only this customer's open invoices (the customer file's), the same predictions as in the whole list. */
  customerCode?: string,
): Promise<OpenPredictionSource> {
  const currency = await companyCurrency(ctx);
  const stored = await findStoredPredictor(ctx, asOf, currency);
  if (customerCode === undefined && !ctx.db.isTransaction)
    return sharedOpenPredictions(ctx, asOf, currency, stored, onBatch);
  return inReportSnapshot(ctx.db, (trx) =>
    predictOpenInSnapshot(ctx, trx, { asOf, currency, customerCode }, stored, onBatch),
  );
}

/**
 * The open invoices predicted inside `trx`, a read-only snapshot's: from the stored model, or from
 * the predictor trained at the date (shared by the calls that see the same forecast inputs when
 * `ctx.db` is not a transaction). Trained without keeping the open invoices: they are read again as they are
 * predicted, in the same snapshot.
 */
async function predictOpenInSnapshot(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { asOf: IsoDate; currency: string; customerCode?: string | undefined },
  stored: StoredPredictor | null,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
): Promise<OpenPredictionSource> {
  const { asOf, customerCode } = input;
  if (stored) {
    const { forecaster } = await forEachStoredPredictionBatch(
      { ...ctx, db: trx },
      stored,
      asOf,
      onBatch,
      undefined,
      customerCode,
    );
    return {
      currency: input.currency,
      modelId: stored.modelId,
      model: forecaster.model,
      season: forecaster.terms.season ?? null,
    };
  }
  const trained = await trainedInSnapshot(ctx, trx, asOf, !ctx.db.isTransaction);
  const { forecaster } = trained;
  const read = { companyId: ctx.companyId, asOf, currency: trained.currency, customerCode };
  await forEachOpenInvoicePrediction(trx, read, forecaster, onBatch);
  return {
    currency: trained.currency,
    modelId: null,
    model: forecaster.model,
    season: forecaster.terms.season ?? null,
  };
}

/**
 * One prediction pass for the calls that see the same forecast inputs (see shared-training.ts): the
 * first call predicts, handing its own batches over as they come and keeping the predictions (up to
 * `SHARED_PREDICTIONS_MAX`); the others, at the same time or later, are handed the kept ones in
 * the same batches. The dashboard asked for the collection forecast and the cost of lateness at
 * once, and each read and predicted every open invoice with its events. Beyond the bound, a later
 * call predicts again (from the shared training).
 */
async function sharedOpenPredictions(
  ctx: AppContext,
  asOf: IsoDate,
  currency: string,
  stored: StoredPredictor | null,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
): Promise<OpenPredictionSource> {
  let predictedHere = false;
  const shared = await inReportSnapshot(ctx.db, async (trx) => {
    const inputs = await selectForecastInputVersion(trx, ctx.companyId);
    const key = [ctx.companyId, asOf, currency, stored?.modelId ?? 'trained', inputs].join('\u0000');
    return sharedPredictions(ctx.db, key, async () => {
      predictedHere = true;
      let kept: OpenInvoicePrediction[] | null = [];
      const source = await predictOpenInSnapshot(ctx, trx, { asOf, currency }, stored, async (batch) => {
        if (kept && kept.length + batch.length <= SHARED_PREDICTIONS_MAX) for (const p of batch) kept.push(p);
        else kept = null;
        await onBatch(batch);
      });
      return { source, predictions: kept as OpenInvoicePrediction[] | null };
    });
  });
  if (predictedHere) return shared.source;
  if (!shared.predictions)
    return inReportSnapshot(ctx.db, (trx) =>
      predictOpenInSnapshot(ctx, trx, { asOf, currency }, stored, onBatch),
    );
  for (let start = 0; start < shared.predictions.length; start += PREDICTION_BATCH)
    await onBatch(shared.predictions.slice(start, start + PREDICTION_BATCH));
  return shared.source;
}

/**
 * The predictor trained at the date inside `trx`, a read-only snapshot's. With `shared`, calls that
 * see the same data (the dashboard's, at once or visit after visit, sign-in after sign-in) share
 * one training, keyed by the version of the forecast inputs its snapshot sees (shared-training.ts).
 * Inside a caller's transaction that version may not say what it reads (its own writes, or
 * statements each reading the latest commits): trained for the call alone.
 */
async function trainedInSnapshot(
  ctx: AppContext,
  trx: Transaction<Database>,
  asOf: IsoDate,
  shared: boolean,
): Promise<{ currency: string; forecaster: Forecaster }> {
  const train = async () => {
    const { data, forecaster } = await trainAt({ ...ctx, db: trx }, asOf, 0, false);
    return { currency: data.currency, forecaster };
  };
  if (!shared) return train();
  const inputs = await selectForecastInputVersion(trx, ctx.companyId);
  return sharedTraining(ctx.db, `${ctx.companyId}\u0000${asOf}\u0000${inputs}`, train);
}

/** Every open invoice's prediction in one list (the API's answer, the agenda's fallback). */
export async function predictOpenInvoices(ctx: AppContext, asOf: IsoDate, customerCode?: string) {
  const predictions: OpenInvoicePrediction[] = [];
  const { currency } = await forEachOpenPrediction(
    ctx,
    asOf,
    (batch) => {
      for (const prediction of batch) predictions.push(prediction);
    },
    customerCode,
  );
  return { currency, predictions };
}

export async function predictPayments(
  ctx: AppContext,
  input: PredictPaymentsInput = {},
): Promise<PaymentPredictions> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  if (input.customerCode !== undefined) await requireVisibleCustomer(ctx, input.customerCode);
  const { currency, predictions } = await predictOpenInvoices(ctx, asOf, input.customerCode);
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
  return { asOf, currency, modelVersion: MODEL_VERSION, items };
}
