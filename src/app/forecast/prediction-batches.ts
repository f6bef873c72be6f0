/**
 * Predicting the invoices open at a date with a given forecaster, batch by batch in document order:
 * from the data a predictor was trained on (`forEachPredictionBatch`) or read chunk by chunk with
 * their events (`forEachOpenInvoicePrediction`), a claim from before its customer's insolvency
 * judgment marked as such. Which forecaster (stored or trained now) is predictions.ts's choice.
 */
import type { Transaction } from 'kysely';
import { type Forecaster, predictWith } from '#core/forecast/forecaster';
import { isPreJudgmentClaim, type Proceedings, underProceedings } from '#core/forecast/proceedings';
import { signalsOf } from '#core/forecast/signals';
import type { InvoicePrediction, InvoiceRecord } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import { selectEventsOfDocuments } from '#db/forecast/forecast-events';
import { selectCustomersInProceedings } from '#db/forecast/forecast-insolvency';
import { forEachOpenForecastInvoiceChunk } from '#db/forecast/forecast-queries';
import type { Database } from '#db/infra/schema';
import { INSOLVENCY_STATUSES } from '../dunning/plan-data.ts';
import type { ForecastData } from './forecast-data.ts';

export type OpenInvoicePrediction = InvoicePrediction & { salesperson: string | null };

/** Predictions handed to the caller at a time: what it holds besides the history. */
export const PREDICTION_BATCH = 5_000;

/**
 * Predicts the invoices open at the date and hands them over batch by batch, in document order:
 * the caller keeps what it needs (rows to store, week sums), never the list of every prediction
 * with its candidate dates. Returns how many were predicted.
 */
export async function forEachPredictionBatch(
  data: Pick<ForecastData, 'invoices' | 'openMinorById'>,
  forecaster: Forecaster,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  batchSize = PREDICTION_BATCH,
  proceedings: ReadonlyMap<string, Proceedings> = new Map(),
): Promise<number> {
  const batches = predictionBatches(onBatch, batchSize);
  for (const invoice of data.invoices) {
    const openMinor = data.openMinorById.get(invoice.documentId);
    if (openMinor === undefined || openMinor <= 0) continue;
    const predicted = withProceedings(predictWith(forecaster, invoice, openMinor), invoice, proceedings);
    const handedOver = batches.add({ ...predicted, salesperson: invoice.salesperson });
    if (handedOver) await handedOver;
  }
  return batches.finish();
}

/** A claim from before its customer's insolvency judgment, marked (core/forecast/proceedings.ts). */
export function withProceedings(
  prediction: InvoicePrediction,
  invoice: Pick<InvoiceRecord, 'customerCode' | 'issueDate'>,
  proceedings: ReadonlyMap<string, Proceedings>,
): InvoicePrediction {
  const procedure = proceedings.get(invoice.customerCode);
  return procedure && isPreJudgmentClaim(invoice, procedure)
    ? underProceedings(prediction, procedure)
    : prediction;
}

/** Predictions gathered into batches of `batchSize` handed to `onBatch`; `finish` hands the last one. */
function predictionBatches(
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  batchSize: number,
) {
  let batch: OpenInvoicePrediction[] = [];
  let count = 0;
  return {
    /** A promise only when the batch was handed over: most adds need no turn of the event loop. */
    add(prediction: OpenInvoicePrediction): void | Promise<void> {
      batch.push(prediction);
      count += 1;
      if (batch.length < batchSize) return;
      const full = batch;
      batch = [];
      return onBatch(full);
    },
    /** Hands the last batch over; returns how many predictions were added. */
    async finish(): Promise<number> {
      if (batch.length > 0) await onBatch(batch);
      batch = [];
      return count;
    },
  };
}

/** Open invoices read per query when predicting from a stored model. */
export const OPEN_INVOICE_CHUNK = 20_000;

/**
 * The invoices open at the date in the currency, read chunk by chunk inside `trx` (which `onBatch`
 * may use, between two reads), each with its events known at the forecaster's date (read with its
 * chunk, those of its invoices only), predicted by `forecaster` and handed over batch by batch in
 * document order: the same items, order and batches as `forEachPredictionBatch` on the data the
 * predictor was trained from, holding neither the open invoices nor the events. Returns how many
 * were predicted.
 * A claim from before its customer's insolvency judgment comes marked `paymentExpected: false`
 * with the procedure as its first reason (core/forecast/proceedings.ts).
 */
export async function forEachOpenInvoicePrediction(
  trx: Transaction<Database>,
  input: { companyId: string; asOf: IsoDate; currency: string; customerCode?: string | undefined },
  forecaster: Forecaster,
  onBatch: (batch: OpenInvoicePrediction[]) => void | Promise<void>,
  batchSize = PREDICTION_BATCH,
): Promise<number> {
  const batches = predictionBatches(onBatch, batchSize);
  const proceedings = await proceedingsAt(trx, input.companyId, input.asOf);
  await forEachOpenForecastInvoiceChunk(trx, { ...input, chunkSize: OPEN_INVOICE_CHUNK }, async (rows) => {
    const ids = rows.map((row) => row.documentId);
    const events = await selectEventsOfDocuments(trx, input.companyId, forecaster.cutoff, ids);
    for (const row of rows) {
      const own = events.get(row.documentId);
      const signals = own ? signalsOf(own, forecaster.cutoff) : undefined;
      const predicted = predictWith(forecaster, row, row.openMinor, signals ?? {});
      // A fresh object of this loop's own: given its salesperson in place, not copied whole (the
      // same fields in the same order as `{ ...prediction, salesperson }`).
      const prediction = withProceedings(predicted, row, proceedings) as OpenInvoicePrediction;
      prediction.salesperson = row.salesperson;
      const handedOver = batches.add(prediction);
      if (handedOver) await handedOver;
    }
  });
  return batches.finish();
}

/** The customers in insolvency proceedings at the date, by code (the planner's statuses). */
export async function proceedingsAt(
  trx: Transaction<Database>,
  companyId: string,
  asOf: IsoDate,
): Promise<Map<string, Proceedings>> {
  const rows = await selectCustomersInProceedings(trx, companyId, asOf, [...INSOLVENCY_STATUSES]);
  return new Map(rows.map((row) => [row.customerCode, { procedure: row.procedure, since: row.since }]));
}
