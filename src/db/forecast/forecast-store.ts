/**
 * Stored forecast runs: the predictions and weekly forecasts a run made, and the receipts that
 * came in afterwards, week by week, to set against them.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import type { ForecastRunsTable, ForecastWeeksTable, InvoicePredictionsTable } from './forecast-schema.ts';

type Insertable<T> = Omit<T, 'run_id' | 'created_at'>;

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters with ten columns. */
const CHUNK = 2000;

export async function insertForecastRun(
  db: Kysely<Database>,
  run: Insertable<ForecastRunsTable>,
  predictions: readonly Omit<InvoicePredictionsTable, 'run_id' | 'company_id'>[],
  weeks: readonly Omit<ForecastWeeksTable, 'run_id' | 'company_id'>[],
): Promise<number> {
  const { run_id: runId } = await db
    .insertInto('forecast_runs')
    .values(run)
    .returning('run_id')
    .executeTakeFirstOrThrow();
  const companyId = run.company_id;
  for (let start = 0; start < predictions.length; start += CHUNK) {
    const rows = predictions
      .slice(start, start + CHUNK)
      .map((p) => ({ ...p, company_id: companyId, run_id: runId }));
    await db.insertInto('invoice_predictions').values(rows).execute();
  }
  if (weeks.length > 0)
    await db
      .insertInto('forecast_weeks')
      .values(weeks.map((w) => ({ ...w, company_id: companyId, run_id: runId })))
      .execute();
  return runId;
}

export interface StoredForecastWeek {
  runId: number;
  asOf: string;
  modelVersion: string;
  weekStart: string;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
}

/** Weekly forecasts of every run whose weeks start between the two dates, oldest run first. */
export async function selectForecastWeeks(
  db: Kysely<Database>,
  companyId: string,
  fromWeek: string,
  toWeek: string,
): Promise<StoredForecastWeek[]> {
  return db
    .selectFrom('forecast_weeks as w')
    .innerJoin('forecast_runs as r', (join) =>
      join.onRef('r.company_id', '=', 'w.company_id').onRef('r.run_id', '=', 'w.run_id'),
    )
    .where('w.company_id', '=', companyId)
    .where('w.week_start', '>=', fromWeek)
    .where('w.week_start', '<=', toWeek)
    .select([
      'w.run_id as runId',
      'r.as_of as asOf',
      'r.model_version as modelVersion',
      'w.week_start as weekStart',
      'w.from_open_items_minor as fromOpenItemsMinor',
      'w.from_future_sales_minor as fromFutureSalesMinor',
      'w.low_minor as lowMinor',
      'w.high_minor as highMinor',
    ])
    .orderBy('r.as_of')
    .orderBy('w.run_id')
    .orderBy('w.week_start')
    .execute();
}

export interface ForecastRunRow {
  runId: number;
  asOf: string;
  modelVersion: string;
  currency: string;
  openInvoices: number;
  createdAt: Date;
  createdBy: string;
}

export async function selectForecastRuns(
  db: Kysely<Database>,
  companyId: string,
  limit: number,
): Promise<ForecastRunRow[]> {
  return db
    .selectFrom('forecast_runs')
    .where('company_id', '=', companyId)
    .select([
      'run_id as runId',
      'as_of as asOf',
      'model_version as modelVersion',
      'currency',
      'open_invoices as openInvoices',
      'created_at as createdAt',
      'created_by as createdBy',
    ])
    .orderBy('as_of', 'desc')
    .orderBy('run_id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Money received per week (Monday start) between the two dates: payments in the currency, less
 * the bounced payments that took some back. Dated by the payment document's date, when the money
 * came — not by when it was matched.
 */
export async function selectReceiptsByWeek(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  fromDate: string,
  toDate: string,
): Promise<Map<string, number>> {
  const result = await sql<{ weekStart: string; receivedMinor: number }>`
    select to_char(date_trunc('week', issue_date), 'YYYY-MM-DD') as "weekStart",
           (-sum(amount_minor))::int8 as "receivedMinor"
      from documents
     where company_id = ${companyId} and currency = ${currency}
       and kind in ('payment', 'bounced_payment')
       and issue_date between ${fromDate}::date and ${toDate}::date
     group by 1`.execute(db);
  return new Map(result.rows.map((row) => [row.weekStart, row.receivedMinor]));
}

export interface StoredRunRef {
  runId: number;
  asOf: string;
}

/** The latest run of the model version made on or before `asOf` and not before `notBefore`. */
export async function selectLatestForecastRun(
  db: Kysely<Database>,
  companyId: string,
  input: { asOf: string; notBefore: string; modelVersion: string },
): Promise<StoredRunRef | null> {
  const run = await db
    .selectFrom('forecast_runs')
    .where('company_id', '=', companyId)
    .where('model_version', '=', input.modelVersion)
    .where('as_of', '<=', input.asOf)
    .where('as_of', '>=', input.notBefore)
    .select(['run_id as runId', 'as_of as asOf'])
    .orderBy('as_of', 'desc')
    .orderBy('run_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run ?? null;
}

export interface StoredInvoicePrediction {
  documentId: number;
  customerCode: string;
  dueDate: string;
  /** The open amount at the reading date (not the one stored with the run). */
  openMinor: number;
  probabilityLateBp: number;
}

/**
 * The run's predictions of the invoices still open at `asOf` and due between the two dates, with
 * their open amount at `asOf`: a payment since the run shrinks or removes the invoice.
 */
export async function selectStoredPredictions(
  db: Kysely<Database>,
  companyId: string,
  input: { runId: number; asOf: string; dueFrom: string; dueTo: string },
): Promise<StoredInvoicePrediction[]> {
  const result = await sql<StoredInvoicePrediction>`
    select p.document_id::int8 as "documentId", o.customer_code as "customerCode",
           o.due_date as "dueDate", o.open_minor::int8 as "openMinor",
           p.probability_late_bp as "probabilityLateBp"
      from invoice_predictions p
      join (${openItemsAsOf({ companyId, asOf: input.asOf })}) o on o.document_id = p.document_id
     where p.company_id = ${companyId} and p.run_id = ${input.runId}
       and o.open_minor > 0
       and o.due_date between ${input.dueFrom}::date and ${input.dueTo}::date
     order by p.document_id`.execute(db);
  return result.rows;
}
