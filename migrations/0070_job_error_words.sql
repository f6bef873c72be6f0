-- A failed job's error in the words of each language of the catalogue ({ "fr": …, "en": … }), when
-- the failure was an expected refusal worded from the catalogue: the API and the command line show
-- the reader's language. `error` keeps the English for the logs, and is all there is for any other
-- failure (a bug, a lost connection) and for the jobs that failed before this column.
alter table jobs add column error_words jsonb;
