/** `predict payments`: every invoice open at the date with its predicted payment date and reasons. */
import { predictWith, trainForecaster } from '#core/forecast/forecaster';
import type { InvoicePrediction } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import type { Lang } from '#text/catalogue';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from '../customers/customers.ts';
import { loadForecastData, MODEL_VERSION } from './forecast-data.ts';
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

/** The open invoices with their distributions (the collection forecast spreads these). */
export async function predictOpenInvoices(ctx: AppContext, asOf: IsoDate) {
  const data = await loadForecastData(ctx, asOf, true);
  const forecaster = trainForecaster(data.invoices, data.events, asOf);
  const predictions: (InvoicePrediction & { salesperson: string | null })[] = [];
  for (const invoice of data.invoices) {
    const openMinor = data.openMinorById.get(invoice.documentId);
    if (openMinor === undefined || openMinor <= 0) continue;
    const prediction = predictWith(forecaster, invoice, openMinor);
    predictions.push({ ...prediction, salesperson: invoice.salesperson });
  }
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
