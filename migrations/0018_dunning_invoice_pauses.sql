-- Dunning of one invoice paused by a collector (a reason and an end date). A pause is never edited:
-- lifting it early only stamps when and by whom, so the history of what held an invoice stays.
create table dunning_invoice_pauses (
  company_id text not null,
  pause_id bigint generated always as identity,
  customer_code text not null,
  document_id bigint not null,
  document_ref text not null,
  reason text not null check (length(reason) between 1 and 500),
  paused_on date not null,
  paused_until date not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  lifted_on date,
  lifted_by text,
  primary key (company_id, pause_id),
  foreign key (company_id, customer_code) references customers (company_id, code),
  foreign key (company_id, document_id) references documents (company_id, document_id),
  check (paused_until >= paused_on),
  check ((lifted_on is null) = (lifted_by is null))
);
create index dunning_invoice_pauses_document on dunning_invoice_pauses (company_id, document_id);

-- Per policy: a step whose date (due date + offset) falls on a weekend or a French public holiday
-- goes out on the next business day ('next_business_day'), or on that date ('as_is', as before).
alter table dunning_policies add column step_dates text not null default 'as_is'
  check (step_dates in ('as_is', 'next_business_day'));
