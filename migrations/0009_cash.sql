-- Cash: bank accounts and their statements, the bank transactions read from them (one per
-- transfer: a batch entry is split), what matching learned about payers, the ranked suggestions
-- of the latest matching run and every decision taken on a receipt (automatic or by a person).

create table bank_accounts (
  company_id text not null references companies (company_id) on delete cascade,
  account_id bigint generated always as identity,
  -- The IBAN when the file gives or implies one (CFONB RIB), else the format's own identification.
  account_key text not null,
  iban text,
  other_id text,
  currency char(3),
  name text,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, account_id),
  unique (company_id, account_key)
);

create table bank_statements (
  company_id text not null,
  statement_id bigint generated always as identity,
  account_id bigint not null,
  format text not null check (format in ('camt.053', 'camt.054', 'cfonb120', 'ofx1', 'ofx2')),
  -- camt Stmt/Id; built from the account and dates for CFONB and OFX.
  statement_ref text not null,
  message_id text,
  from_date date,
  to_date date,
  opening_minor bigint,
  closing_minor bigint,
  currency char(3),
  file_name text not null,
  file_sha256 text not null,
  transaction_count integer not null,
  imported_at timestamptz not null default now(),
  imported_by text not null,
  primary key (company_id, statement_id),
  unique (company_id, account_id, statement_ref),
  foreign key (company_id, account_id) references bank_accounts (company_id, account_id) on delete cascade
);

create table bank_transactions (
  company_id text not null,
  transaction_id bigint generated always as identity,
  account_id bigint not null,
  -- The statement that brought it first (an overlapping statement finds it already known).
  statement_id bigint not null,
  tx_key text not null,
  entry_index integer not null,
  detail_index integer not null default 0,
  booking_date date not null,
  value_date date,
  amount_minor bigint not null check (amount_minor <> 0),
  currency char(3) not null,
  counterparty_name text,
  counterparty_iban text,
  end_to_end_id text,
  bank_ref text,
  creditor_ref text,
  remittance text,
  label text,
  bank_tx_code text,
  cheque_number text,
  return_reason text,
  -- receipt: money in to apply; outgoing: money out (not ours to match); return: a receipt
  -- coming back (bounced cheque, rejected debit).
  direction text not null check (direction in ('receipt', 'outgoing', 'return')),
  status text not null default 'open'
    check (status in ('open', 'suggested', 'applied', 'ignored', 'bounced', 'not_applicable')),
  customer_code text,
  payment_document_id bigint,
  bounced_document_id bigint,
  created_at timestamptz not null default now(),
  primary key (company_id, transaction_id),
  unique (company_id, account_id, tx_key),
  foreign key (company_id, account_id) references bank_accounts (company_id, account_id) on delete cascade,
  foreign key (company_id, statement_id) references bank_statements (company_id, statement_id) on delete cascade,
  foreign key (company_id, payment_document_id) references documents (company_id, document_id) on delete set null (payment_document_id),
  foreign key (company_id, bounced_document_id) references documents (company_id, document_id) on delete set null (bounced_document_id)
);
create index bank_transactions_status on bank_transactions (company_id, status, booking_date);
create index bank_transactions_payment on bank_transactions (company_id, payment_document_id)
  where payment_document_id is not null;

-- What matching learned: a payer (by IBAN or by a normalised name variant) pays for a customer.
create table cash_payers (
  company_id text not null,
  payer_kind text not null check (payer_kind in ('iban', 'name')),
  payer_value text not null,
  customer_code text not null,
  confirmations integer not null default 1 check (confirmations >= 1),
  last_confirmed_on date not null,
  taught_by text not null,
  primary key (company_id, payer_kind, payer_value, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

-- The customer's reference habits: text that preceded an invoice reference in their payments.
create table cash_reference_habits (
  company_id text not null,
  customer_code text not null,
  habit text not null,
  confirmations integer not null default 1,
  primary key (company_id, customer_code, habit),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

-- The ranked suggestions of the latest matching run for each receipt not applied.
create table cash_suggestions (
  company_id text not null,
  transaction_id bigint not null,
  rank integer not null check (rank >= 1),
  customer_code text not null,
  confidence integer not null check (confidence between 0 and 100),
  -- {allocations:[{documentId, ref, amountMinor}], writeOffMinor, writeOffReason, unappliedMinor}
  proposal jsonb not null,
  -- [{code, …figures}]
  evidence jsonb not null,
  created_at timestamptz not null default now(),
  primary key (company_id, transaction_id, rank),
  foreign key (company_id, transaction_id) references bank_transactions (company_id, transaction_id) on delete cascade,
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

-- Every decision on a receipt, append-only: applied automatically, accepted, corrected,
-- reversed, bounced. The ledger rows it wrote are named so a reversal can find them.
create table cash_decisions (
  company_id text not null,
  decision_id bigint generated always as identity,
  transaction_id bigint not null,
  decision text not null check (decision in ('auto', 'accepted', 'corrected', 'reversed', 'bounced', 'ignored')),
  customer_code text,
  confidence integer,
  proposal jsonb,
  evidence jsonb,
  payment_document_id bigint,
  allocation_ids bigint[] not null default '{}',
  decided_at timestamptz not null default now(),
  decided_by text not null,
  primary key (company_id, decision_id),
  foreign key (company_id, transaction_id) references bank_transactions (company_id, transaction_id) on delete cascade
);
create index cash_decisions_transaction on cash_decisions (company_id, transaction_id);

-- Matching settings of a company: above the threshold a proposal is applied without a person.
create table cash_settings (
  company_id text primary key references companies (company_id) on delete cascade,
  auto_threshold integer not null default 90 check (auto_threshold between 1 and 100),
  -- A difference up to this is written off (bank charges, small discount) instead of left open.
  write_off_tolerance_minor bigint not null default 500 check (write_off_tolerance_minor >= 0),
  bounce_fee_minor bigint check (bounce_fee_minor is null or bounce_fee_minor > 0),
  updated_at timestamptz not null default now(),
  updated_by text not null
);

-- The customer's story gains bounced payments. The kinds already allowed are kept whatever an
-- earlier migration added: the check is rebuilt from them (as migration 0007 does).
do $$
declare
  existing text[];
begin
  select coalesce(array_agg(distinct m[1]), '{}') into existing
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m
   where c.conrelid = 'customer_events'::regclass and c.conname = 'customer_events_kind_check';
  if cardinality(existing) = 0 then
    raise exception 'customer_events_kind_check not found: cannot extend the event kinds';
  end if;
  alter table customer_events drop constraint if exists customer_events_kind_check;
  execute format('alter table customer_events add constraint customer_events_kind_check check (kind = any (%L::text[]))',
    (select array_agg(distinct k) from unnest(existing || array['bounced_payment']) k));
end $$;

-- Cash application looks invoices up by the digits of their reference, as payers type them
-- ("FACT 2026 000123" for F2026-000123); payments are never looked up that way.
create index documents_ref_digits on documents (company_id, (ltrim(regexp_replace(external_ref, '\D', '', 'g'), '0')))
  where kind in ('invoice', 'credit_note');
