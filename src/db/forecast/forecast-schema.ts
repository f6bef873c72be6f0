/** Row types of the stored predictions and forecasts (migration 0011). */
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
  invoice_predictions: InvoicePredictionsTable;
  forecast_weeks: ForecastWeeksTable;
}
