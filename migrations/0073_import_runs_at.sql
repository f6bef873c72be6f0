-- Which import wrote a row is told by its creation instant: an import writes its rows and its
-- `import_runs` record in one transaction, so they share now() (db/imports/import-origin.ts). The
-- audit signals look it up for every large credit note of a year: by instant, not by a scan of
-- every import the company ever ran.
create index import_runs_at on import_runs (company_id, at);
