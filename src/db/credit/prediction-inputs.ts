/**
 * The predicted payer profile of the scoring, in one set-based pass: the stored payment-date
 * predictions (`invoice_predictions`) of the latest forecast run made as of a date on or before the
 * scoring date and at most `maxAgeDays` before it, joined to the invoices still open at the scoring
 * date. Per customer:
 * - the expected days late of the open amount: Σ open × max(0, expected date − due date) / Σ open,
 *   where an invoice the run expected to be paid by now but still open counts from the scoring
 *   date (it is at least that late), so an older run never makes a customer look better than it is;
 * - the share of that amount whose probability of being paid late is at least one half (bps).
 * Nothing dated after the scoring date is read: the run's as-of date is on or before it, and the
 * open amounts are those at the date (a payment since the run shrinks or removes an invoice).
 * Invoices issued after the run have no prediction and are left out; a customer with no predicted
 * open invoice has no row (the scoring treats the input as missing).
 * The run may be of any model version, unlike the agenda's and the dunning run's (current version
 * only): a score is kept and replayed as a record of what was predicted at its date, and installing
 * a new model version must not drop every customer's payer-profile input (and move its class) until
 * the next weekly run.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface PredictionInputsRow {
  customerCode: string;
  /** As-of date of the forecast run the predictions come from. */
  runAsOf: string;
  /** Open amount at the scoring date of the customer's predicted invoices. */
  predictedOpenMinor: number;
  predictedDaysLate: number;
  likelyLateShareBps: number;
}

/** At least one half, in basis points: the likely-late threshold (the agenda's). */
export const LIKELY_LATE_BP = 5_000;

/** Inputs of every customer (or of one) with a predicted open invoice, in code order. */
export async function predictionInputs(
  db: Kysely<Database>,
  companyId: string,
  input: { asOf: string; maxAgeDays: number; customerCode?: string | undefined },
): Promise<PredictionInputsRow[]> {
  const d = sql`${input.asOf}::date`;
  const result = await sql<PredictionInputsRow>`
    with run as (
      select run_id, as_of from forecast_runs
       where company_id = ${companyId} and as_of <= ${d} and as_of >= ${d} - ${input.maxAgeDays}::int
       order by as_of desc, run_id desc limit 1
    ), predicted as (
      select o.customer_code, o.open_minor,
             greatest(greatest(p.predicted_date, ${d}) - o.due_date, 0) as days_late,
             p.probability_late_bp >= ${LIKELY_LATE_BP} as likely_late
        from run
        join invoice_predictions p on p.company_id = ${companyId} and p.run_id = run.run_id
        join (${openItemsAsOf({ companyId, asOf: input.asOf, customerCode: input.customerCode })}) o
          on o.document_id = p.document_id
       where o.open_minor > 0
    )
    select pr.customer_code as "customerCode", to_char(run.as_of, 'YYYY-MM-DD') as "runAsOf",
           sum(pr.open_minor)::int8 as "predictedOpenMinor",
           round(sum(pr.open_minor * pr.days_late)::numeric / sum(pr.open_minor), 1)::float8 as "predictedDaysLate",
           round(coalesce(sum(pr.open_minor) filter (where pr.likely_late), 0) * 10000.0
                 / sum(pr.open_minor))::int as "likelyLateShareBps"
      from predicted pr cross join run
     group by pr.customer_code, run.as_of
     order by pr.customer_code`.execute(db);
  return result.rows;
}
