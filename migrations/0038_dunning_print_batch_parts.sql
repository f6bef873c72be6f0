-- A run's print batch in several files (issue 12 at scale): one PDF of a run's 80,000 letters
-- would near PostgreSQL's 1 GB value limit and take hours to lay out in one go. Each part is a
-- letter of its own (a `run_batch` job naming its place in the print order, laid out when first
-- read, like the others) holding at most a bounded number of the run's letters, in print order.
-- `batch_letter_id` stays the first part.
alter table dunning_runs add column batch_letter_ids bigint[] not null default '{}';

-- A run made before: its one batch is its only part.
update dunning_runs set batch_letter_ids = array[batch_letter_id] where batch_letter_id is not null;
