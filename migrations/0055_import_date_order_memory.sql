-- The day/month order of a spreadsheet's dates, remembered with the import that showed it (issue 10).
--
-- Why: "03/04/2013" is read from its column's values (a value such as 3/25/2013 makes the column
-- month first). A later file of the same export whose dates all happen to read both ways (every
-- day ≤ 12, e.g. a file of the first days of the month) was read day first, against what the
-- previous file of that source had shown. Each import now records the kind of file as far as dates
-- go (its date fields and their headers) and the order its own values showed; the next file of the
-- same company, entity and date columns reads the columns whose values decide nothing in that
-- order, and says so with the file and day it was learned from. Kept on the import's own record
-- (the proof of what was imported, written in the import's transaction): a dry run or a refused
-- file teaches nothing, and the latest file of the kind wins.
alter table import_runs
  add column date_columns text,
  add column date_order text check (date_order in ('dmy', 'mdy'));

-- The latest learned order of a kind of file: one backward index step per import.
create index import_runs_date_order on import_runs (company_id, entity, date_columns, import_id)
  where date_order is not null;
