-- The trained payment-date model, kept by the weekly forecast job with its version and the date it
-- was trained at (it learned only what was known then), so that predictions made during the week
-- reuse it instead of reading the whole history and training again. Rows are never updated: a new
-- training is a new row. A stored run names the model that made its predictions.

create table forecast_models (
  company_id text not null references companies (company_id) on delete cascade,
  model_id bigint generated always as identity,
  model_version text not null,
  trained_as_of date not null,
  currency char(3) not null,
  -- The fitted parameters. json, not jsonb: the text is kept as written, so every number reads
  -- back to the same double and a restored model predicts exactly what the trained one did.
  parameters json not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, model_id)
);
create index forecast_models_trained on forecast_models (company_id, model_version, trained_as_of);

alter table forecast_runs add column model_id bigint;
alter table forecast_runs add constraint forecast_runs_model
  foreign key (company_id, model_id) references forecast_models (company_id, model_id);
