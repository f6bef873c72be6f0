-- Payment-date predictions and collection forecasts, stored by the weekly forecast job with the
-- version of the model that made them: a stored prediction can later be set against the payment
-- that came, and each week's forecast against the receipts of that week (forecast vs actual).
-- Rows are never updated: a new run is a new set of rows.

create table forecast_runs (
  company_id text not null references companies (company_id) on delete cascade,
  run_id bigint generated always as identity,
  -- What the model knew: the ledger as of this date, nothing later.
  as_of date not null,
  model_version text not null,
  currency char(3) not null,
  open_invoices integer not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, run_id)
);
create index forecast_runs_as_of on forecast_runs (company_id, as_of);

create table invoice_predictions (
  company_id text not null,
  run_id bigint not null,
  document_id bigint not null,
  open_minor bigint not null,
  predicted_date date not null,
  p10_date date not null,
  p90_date date not null,
  -- Probabilities in basis points (0 … 10000).
  probability_late_bp integer not null check (probability_late_bp between 0 and 10000),
  probability_over30_bp integer not null check (probability_over30_bp between 0 and 10000),
  probability_over60_bp integer not null check (probability_over60_bp between 0 and 10000),
  primary key (company_id, run_id, document_id),
  foreign key (company_id, run_id) references forecast_runs (company_id, run_id) on delete cascade,
  foreign key (company_id, document_id) references documents (company_id, document_id)
);

create table forecast_weeks (
  company_id text not null,
  run_id bigint not null,
  week_start date not null,
  from_open_items_minor bigint not null,
  from_future_sales_minor bigint not null,
  low_minor bigint not null,
  high_minor bigint not null,
  primary key (company_id, run_id, week_start),
  foreign key (company_id, run_id) references forecast_runs (company_id, run_id) on delete cascade
);
