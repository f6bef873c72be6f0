-- A collector's monthly collection target: what their portfolio should bring in that month
-- (issue 12's agenda). Setting it again replaces the amount; the audit log keeps each change.
create table agenda_collection_targets (
  company_id text not null,
  collector_email text not null,
  month char(7) not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount_minor bigint not null check (amount_minor >= 0),
  currency char(3) not null,
  set_at timestamptz not null default now(),
  set_by text not null,
  primary key (company_id, collector_email, month),
  foreign key (company_id, collector_email) references users (company_id, email)
);
