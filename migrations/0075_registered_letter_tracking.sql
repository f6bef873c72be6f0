-- What became of a registered letter with acknowledgement of receipt (LRAR) a dunning action sent:
-- La Poste's number, the day it was deposited, and the outcome the post office reports (delivered,
-- with the day the acknowledgement was signed; returned unclaimed; returned, addressee unknown).
-- The proof of a formal notice is what a lawyer and an injunction to pay ask for.
--
-- One row per recording, never edited: each row is the letter's whole state after it (number,
-- deposit, outcome), who recorded it and when, and names the row it follows. A correction (a number
-- mistyped, an outcome reported twice) is a new row, so the history of what was recorded stays
-- whole; the letter's state is its newest row. The rows of a letter form one line: each row is
-- followed by one row at most, and a letter has one first row (two people recording at once: the
-- second is refused instead of forking the history).
create table dunning_registered_tracking (
  company_id text not null references companies (company_id) on delete cascade,
  entry_id bigint generated always as identity,
  -- The registered letter: a dunning action of channel 'registered_letter'.
  action_id bigint not null,
  -- The row this one follows; null: the letter's first recording.
  follows_entry_id bigint,
  -- Stored without spaces (two letters or digits, then eleven digits), shown in the slip's groups.
  tracking_number text not null check (tracking_number ~ '^[0-9A-Z]{2}[0-9]{11}$'),
  deposited_on date not null,
  outcome text check (outcome in ('delivered', 'returned_unclaimed', 'returned_unknown_address')),
  -- The day the acknowledgement was signed, or the day the letter came back.
  outcome_on date,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (company_id, entry_id),
  unique (company_id, action_id, entry_id),
  check ((outcome is null) = (outcome_on is null)),
  check (outcome_on is null or outcome_on >= deposited_on),
  foreign key (company_id, action_id) references dunning_actions (company_id, action_id),
  -- A row follows a row of the same letter.
  foreign key (company_id, action_id, follows_entry_id)
    references dunning_registered_tracking (company_id, action_id, entry_id)
);
create unique index dunning_registered_tracking_first
  on dunning_registered_tracking (company_id, action_id) where follows_entry_id is null;
create unique index dunning_registered_tracking_next
  on dunning_registered_tracking (company_id, follows_entry_id) where follows_entry_id is not null;
-- Who holds a number: a number names one letter of the company (checked by the use case under a
-- lock, since only a letter's newest row holds its number). A letter's newest row is read from the
-- unique key (company_id, action_id, entry_id) backwards.
create index dunning_registered_tracking_number on dunning_registered_tracking (company_id, tracking_number);

create trigger dunning_registered_tracking_append_only before update on dunning_registered_tracking
  for each row execute function forbid_update();
