-- Dunning at scale (issue 12): a run stores each letter's and each e-mail statement's model as a
-- PDF job (0028), a few kilobytes of JSON each: at 1,000,000 open items about a gigabyte per run,
-- and the server spent more time compressing it (pglz, the default) than parsing it. lz4
-- compresses the same values several times faster (measured at 20,000 customers: a run's letters
-- stored in 8–9 s instead of 20 s under the same load) for slightly larger values. Only new
-- values are compressed so; what is stored reads the same either way.
-- PGlite is built without lz4: there the columns keep pglz (the statement fails with
-- feature_not_supported, caught here), so one migration serves both engines.
do $$
begin
  execute 'alter table dunning_letters alter column render_job set compression lz4';
  execute 'alter table mail_outbox_attachments alter column render_job set compression lz4';
exception when feature_not_supported then
  null;
end $$;
