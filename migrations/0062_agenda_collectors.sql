-- The collector's agenda (issue 12): each collector's portfolio of customers, and what a collector
-- did with a customer's entry of the day (done, snoozed), so that the agenda shows each collector
-- their own remaining work. Who and when of every change also lands in the audit log.

-- At most one collector per customer: the one whose agenda lists it. A customer without a row is
-- unassigned (on the managers' agenda). The collector is a user of the company (users are
-- disabled, never deleted, so the key never blocks anything).
create table agenda_portfolios (
  company_id text not null,
  customer_code text not null,
  collector_email text not null,
  assigned_at timestamptz not null default now(),
  assigned_by text not null,
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code),
  foreign key (company_id, collector_email) references users (company_id, email)
);
create index agenda_portfolios_collector on agenda_portfolios (company_id, collector_email);

-- One mark per customer, the latest: the entry is hidden from the agenda up to and including
-- `hidden_through` (done: the day it was done; snoozed: the day before the date it returns).
create table agenda_entry_marks (
  company_id text not null,
  customer_code text not null,
  mark text not null check (mark in ('done', 'snoozed')),
  marked_on date not null,
  hidden_through date not null,
  marked_at timestamptz not null default now(),
  marked_by text not null,
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code),
  check (hidden_through >= marked_on)
);
