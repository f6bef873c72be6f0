/**
 * The predicted payer profile of the scoring, in one set-based pass: the stored payment-date
 * predictions (`invoice_predictions`) of the latest forecast run made as of a date on or before the
 * scoring date and at most `maxAgeDays` before it, joined to the invoices still open at the scoring
 * date. Per customer:
 * - the amount with no ordinary payment expected (a claim from before an insolvency judgment, an
 *   invoice so old that most as old stayed unpaid a year on) and its share of the predicted open
 *   amount (bps): their dates are no forecast — a very old invoice's is the horizon, a year after the
 *   run — so they are counted apart, for the scoring to weigh them as the worst case, never as a delay;
 * - over the invoices with a payment expected (null when there is none), the expected days late:
 *   Σ open × max(0, expected date − due date) / Σ open, where an invoice the run expected to be paid
 *   by now but still open counts from the scoring date (it is at least that late), so an older run
 *   never makes a customer look better than it is; and the share of their amount whose probability
 *   of being paid late is at least one half (bps).
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
  /** The part of it with no ordinary payment expected, and its share of it (bps). */
  noPaymentExpectedMinor: number;
  noPaymentExpectedShareBps: number;
  /** Over the invoices with a payment expected; null when none is. */
  predictedDaysLate: number | null;
  likelyLateShareBps: number | null;
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
             -- Null: a run stored before the flag (migration 0079), read as it was then.
             coalesce(p.payment_expected, true) as expected,
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
           coalesce(sum(pr.open_minor) filter (where not pr.expected), 0)::int8 as "noPaymentExpectedMinor",
           round(coalesce(sum(pr.open_minor) filter (where not pr.expected), 0) * 10000.0
                 / sum(pr.open_minor))::int as "noPaymentExpectedShareBps",
           round(sum(pr.open_minor * pr.days_late) filter (where pr.expected)::numeric
                 / nullif(sum(pr.open_minor) filter (where pr.expected), 0), 1)::float8 as "predictedDaysLate",
           round(coalesce(sum(pr.open_minor) filter (where pr.expected and pr.likely_late), 0) * 10000.0
                 / nullif(sum(pr.open_minor) filter (where pr.expected), 0))::int as "likelyLateShareBps"
      from predicted pr cross join run
     group by pr.customer_code, run.as_of
     order by pr.customer_code`.execute(db);
  return result.rows;
}
