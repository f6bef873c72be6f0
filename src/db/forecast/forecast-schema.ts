/** Row types of the stored predictions and forecasts (migration 0011) and models (0035). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ForecastRunsTable {
  company_id: string;
  run_id: Generated<number>;
  as_of: string;
  model_version: string;
  currency: string;
  open_invoices: number;
  created_at: Timestamp;
  created_by: string;
  /** The stored model that made the run's predictions (migration 0035; null before it). */
  model_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A trained model kept for the week's predictions (migration 0035). */
export interface ForecastModelsTable {
  company_id: string;
  model_id: Generated<number>;
  model_version: string;
  trained_as_of: string;
  currency: string;
  /** JSON text (written with JSON.stringify; the driver parses it back). */
  parameters: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  created_by: string;
}

export interface InvoicePredictionsTable {
  company_id: string;
  run_id: number;
  document_id: number;
  open_minor: number;
  predicted_date: string;
  p10_date: string;
  p90_date: string;
  probability_late_bp: number;
  probability_over30_bp: number;
  probability_over60_bp: number;
  /** false: no ordinary payment expected (migration 0079); null for a run stored before it. */
  payment_expected: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}

export interface ForecastWeeksTable {
  company_id: string;
  run_id: number;
  week_start: string;
  from_open_items_minor: number;
  from_future_sales_minor: number;
  low_minor: number;
  high_minor: number;
}

export interface ForecastTables {
  forecast_runs: ForecastRunsTable;
  forecast_models: ForecastModelsTable;
  invoice_predictions: InvoicePredictionsTable;
  forecast_weeks: ForecastWeeksTable;
}
