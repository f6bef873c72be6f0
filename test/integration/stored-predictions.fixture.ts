/**
 * Small ledgers written one document a line, and forecast runs stored by hand: the tests that read
 * stored predictions (the scoring's payer profile, the agenda's likely-late amounts) choose each
 * prediction themselves instead of computing it with the model.
 */
import type { Kysely } from 'kysely';
import { insertForecastRun } from '#db/forecast/forecast-store';
import type { Database } from '#db/infra/schema';

export { ledgerDocument as doc } from '../support/ledger-document.ts';

/**
 * A stored prediction of one invoice: paid on `predictedDate` (its p10 and p90 too), late with this
 * probability; `paymentExpected` false for one whose dates are no forecast (stored unknown when absent).
 */
export const storedPrediction = (
  documentId: number,
  predictedDate: string,
  probabilityLateBp: number,
  paymentExpected?: boolean,
) => ({
  document_id: documentId,
  open_minor: 1,
  predicted_date: predictedDate,
  p10_date: predictedDate,
  p90_date: predictedDate,
  probability_late_bp: probabilityLateBp,
  probability_over30_bp: 0,
  probability_over60_bp: 0,
  payment_expected: paymentExpected,
});

/** Stores a forecast run of `companyId` made on `asOf` with these predictions (in euros, by 'test'). */
export function storeForecastRun(
  db: Kysely<Database>,
  run: { companyId: string; asOf: string; modelVersion: string },
  predictions: ReturnType<typeof storedPrediction>[],
): Promise<number> {
  return insertForecastRun(
    db,
    {
      company_id: run.companyId,
      as_of: run.asOf,
      model_version: run.modelVersion,
      currency: 'EUR',
      open_invoices: predictions.length,
      created_by: 'test',
    },
    predictions,
    [],
  );
}
