/**
 * Stored forecast runs: the predictions and weekly forecasts a run made, and the receipts that
 * came in afterwards, week by week, to set against them.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import type { ForecastRunsTable, ForecastWeeksTable, InvoicePredictionsTable } from './forecast-schema.ts';

/** A run as written: `created_at` from the use case's clock, else the database's now(). */
type Insertable<T> = Omit<T, 'run_id' | 'created_at' | 'model_id'> & {
  model_id?: number | null;
  created_at?: Date;
};

type PredictionRow = Omit<InvoicePredictionsTable, 'run_id' | 'company_id' | 'payment_expected'> & {
  /** Absent: not known (stored null, read as expected). */
  payment_expected?: boolean | undefined;
};
type WeekRow = Omit<ForecastWeeksTable, 'run_id' | 'company_id'>;

/** Rows per INSERT: one array per column through `unnest`, so the statement has 9 parameters. */
const CHUNK = 5000;

const PREDICTION_COLUMNS: readonly ColumnSpec<PredictionRow>[] = [
  { name: 'document_id', type: 'int8', value: (p) => p.document_id },
  { name: 'open_minor', type: 'int8', value: (p) => p.open_minor },
  { name: 'predicted_date', type: 'date', value: (p) => p.predicted_date },
  { name: 'p10_date', type: 'date', value: (p) => p.p10_date },
  { name: 'p90_date', type: 'date', value: (p) => p.p90_date },
  { name: 'probability_late_bp', type: 'int4', value: (p) => p.probability_late_bp },
  { name: 'probability_over30_bp', type: 'int4', value: (p) => p.probability_over30_bp },
  { name: 'probability_over60_bp', type: 'int4', value: (p) => p.probability_over60_bp },
  { name: 'payment_expected', type: 'bool', value: (p) => p.payment_expected },
];

export async function insertForecastRun(
  db: Kysely<Database>,
  run: Insertable<ForecastRunsTable>,
  predictions: readonly PredictionRow[],
  weeks: readonly WeekRow[],
): Promise<number> {
  const runId = await insertForecastRunHeader(db, run);
  await insertInvoicePredictions(db, run.company_id, runId, predictions);
  await insertForecastWeeks(db, run.company_id, runId, weeks);
  return runId;
}

/** The run alone: its predictions and weeks follow, batch by batch, in the same transaction. */
export async function insertForecastRunHeader(
  db: Kysely<Database>,
  run: Insertable<ForecastRunsTable>,
): Promise<number> {
  const { run_id: runId } = await db
    .insertInto('forecast_runs')
    .values(run)
    .returning('run_id')
    .executeTakeFirstOrThrow();
  return runId;
}

/** The run's count of open invoices, known once they have been read and predicted. */
export async function setForecastRunOpenInvoices(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  openInvoices: number,
): Promise<void> {
  await db
    .updateTable('forecast_runs')
    .set({ open_invoices: openInvoices })
    .where('company_id', '=', companyId)
    .where('run_id', '=', runId)
    .execute();
}

export async function insertInvoicePredictions(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  predictions: readonly PredictionRow[],
): Promise<void> {
  const names = PREDICTION_COLUMNS.map((column) => sql.ref(column.name));
  for (const batch of batches(predictions, CHUNK))
    await sql`
      insert into invoice_predictions (company_id, run_id, ${sql.join(names)})
      select ${companyId}, ${runId}, ${sql.join(names)}
        from (${unnestSelect(batch, PREDICTION_COLUMNS)}) as staged`.execute(db);
}

export async function insertForecastWeeks(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  weeks: readonly WeekRow[],
): Promise<void> {
  if (weeks.length > 0)
    await db
      .insertInto('forecast_weeks')
      .values(weeks.map((w) => ({ ...w, company_id: companyId, run_id: runId })))
      .execute();
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
