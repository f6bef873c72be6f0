-- A kept model is the week's training, reused by the predictions of the following days (≈ 10 MB
-- of parameters at 100,000 customers), not a record: keeping a new one deletes those trained more
-- than a week before it, and those of another model version, which no prediction reads any more.
-- A run made with a deleted model keeps its predictions and model version; its link to the model
-- becomes null (its audit record still names the model).
alter table forecast_runs drop constraint forecast_runs_model;
alter table forecast_runs add constraint forecast_runs_model
  foreign key (company_id, model_id) references forecast_models (company_id, model_id)
  on delete set null (model_id);
