-- Factoring (affacturage): contracts with a factor, batches of invoices assigned to it (bordereaux
-- de cession), the invoices of each batch and the current account with the factor. Contracts are
-- versioned rows, never edited; movements are append-only; an assigned invoice is closed once
-- (collected by the factor, or charged back under recourse) by stamping its closing date.

create table factoring_contracts (
  company_id text not null references companies (company_id) on delete cascade,
  contract_id bigint generated always as identity,
  code text not null check (length(code) between 1 and 40),
  version integer not null check (version >= 1),
  effective_from date not null,
  factor_name text not null check (length(factor_name) between 1 and 200),
  -- Where the customers of assigned invoices must pay (subrogation): printed on the reminders.
  factor_iban text,
  factor_bic text,
  currency char(3) not null,
  with_recourse boolean not null,
  recourse_days integer not null default 0 check (recourse_days between 0 and 3650),
  advance_rate_bps integer not null check (advance_rate_bps between 0 and 10000),
  commission_bps integer not null check (commission_bps between 0 and 10000),
  min_commission_minor bigint not null default 0 check (min_commission_minor >= 0),
  financing_rate_bps integer not null check (financing_rate_bps between 0 and 10000),
  day_count_basis integer not null default 360 check (day_count_basis in (360, 365)),
  collection_delay_days integer not null default 0 check (collection_delay_days between 0 and 3650),
  reserve_rate_bps integer not null check (reserve_rate_bps between 0 and 10000),
  fee_per_invoice_minor bigint not null default 0 check (fee_per_invoice_minor >= 0),
  fee_per_batch_minor bigint not null default 0 check (fee_per_batch_minor >= 0),
  fees_vat_rate_bps integer not null default 0 check (fees_vat_rate_bps between 0 and 10000),
  -- The factor sends the reminders itself: our dunning leaves assigned invoices out.
  factor_collects boolean not null default false,
  -- The default selection rule of a batch: {customerTypes, minAmountMinor}.
  rule jsonb not null default '{}',
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, contract_id),
  unique (company_id, code, version)
);

create table factoring_batches (
  company_id text not null references companies (company_id) on delete cascade,
  batch_id bigint generated always as identity,
  contract_id bigint not null,
  contract_code text not null,
  batch_date date not null,
  financing_date date not null check (financing_date >= batch_date),
  currency char(3) not null,
  invoice_count integer not null check (invoice_count > 0),
  gross_minor bigint not null,
  reserve_minor bigint not null,
  advance_minor bigint not null,
  commission_minor bigint not null,
  fees_minor bigint not null,
  fees_vat_minor bigint not null,
  interest_minor bigint not null,
  net_funds_minor bigint not null,
  -- [{ref, customerCode, reason}]: what the selection named or picked and could not assign.
  exclusions jsonb not null default '[]',
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, batch_id),
  foreign key (company_id, contract_id) references factoring_contracts (company_id, contract_id)
    on delete cascade
);

create table factoring_items (
  company_id text not null,
  batch_id bigint not null,
  document_id bigint not null,
  document_ref text not null,
  customer_code text not null,
  due_date date not null,
  amount_minor bigint not null check (amount_minor > 0),
  reserve_minor bigint not null,
  advance_minor bigint not null,
  commission_minor bigint not null,
  interest_days integer not null,
  interest_minor bigint not null,
  closed_on date,
  closed_as text check (closed_as in ('collected', 'charged_back')),
  -- The payment document written to the ledger when the factor collected it (null otherwise).
  payment_document_id bigint,
  primary key (company_id, batch_id, document_id),
  foreign key (company_id, batch_id) references factoring_batches (company_id, batch_id) on delete cascade,
  foreign key (company_id, document_id) references documents (company_id, document_id) on delete cascade,
  check ((closed_on is null) = (closed_as is null))
);
-- An invoice is in one batch at a time; once charged back it may be assigned again.
create unique index factoring_items_assigned on factoring_items (company_id, document_id)
  where closed_as is null or closed_as = 'collected';
create index factoring_items_open on factoring_items (company_id, due_date) where closed_on is null;

create table factoring_movements (
  company_id text not null references companies (company_id) on delete cascade,
  movement_id bigint generated always as identity,
  contract_code text not null,
  batch_id bigint,
  document_id bigint,
  kind text not null check (kind in ('assignment', 'reserve_held', 'commission', 'fees', 'fees_vat',
    'interest', 'financing', 'reserve_released', 'interest_adjustment', 'chargeback')),
  movement_date date not null,
  reference text not null,
  -- > 0 in the company's favour (the factor owes it more), < 0 against it.
  amount_minor bigint not null check (amount_minor <> 0),
  currency char(3) not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, movement_id),
  foreign key (company_id, batch_id) references factoring_batches (company_id, batch_id) on delete cascade
);
create index factoring_movements_account on factoring_movements (company_id, contract_code, movement_date);
