-- Legal watch: BODACC announcements matched to customers (one row per announcement and customer:
-- re-reading the same records adds nothing), the claim declarations an opening judgment calls
-- for, and the company-register data of customers (API Recherche d'entreprises).

create table legal_announcements (
  company_id text not null references companies (company_id) on delete cascade,
  -- BODACC's own announcement id (e.g. 'A202600521234'): the idempotency key of the watch.
  announcement_id text not null,
  customer_code text not null,
  siren char(9) not null,
  family text not null,
  procedure text check (procedure in ('safeguard', 'receivership', 'liquidation')),
  judgment_kind text check (judgment_kind in ('opening', 'plan', 'conversion', 'closing', 'other')),
  judgment_date date,
  publication_date date not null,
  court text,
  nature text,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, announcement_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

create index legal_announcements_customer on legal_announcements (company_id, customer_code, publication_date);

create table legal_claims (
  company_id text not null references companies (company_id) on delete cascade,
  claim_id bigint generated always as identity,
  customer_code text not null,
  announcement_id text not null,
  procedure text not null check (procedure in ('safeguard', 'receivership', 'liquidation')),
  judgment_date date not null,
  publication_date date not null,
  -- R622-24: two months from the BODACC publication (four outside metropolitan France).
  deadline date not null,
  currency char(3) not null,
  principal_minor bigint not null check (principal_minor >= 0),
  interest_minor bigint not null check (interest_minor >= 0),
  secured boolean not null,
  interest_status text not null check (interest_status in ('computed', 'not_claimed', 'rate_missing')),
  items jsonb not null default '[]',
  status text not null default 'to_declare' check (status in ('to_declare', 'declared', 'cancelled')),
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, claim_id),
  unique (company_id, announcement_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

create table legal_company_data (
  company_id text not null references companies (company_id) on delete cascade,
  customer_code text not null,
  siren char(9) not null,
  legal_name text not null,
  legal_form_code text,
  creation_date date,
  naf_code text,
  headcount_band text,
  -- 'A' active, 'C' ceased (as the register says).
  administrative_status text not null check (administrative_status in ('A', 'C')),
  closing_date date,
  head_office jsonb not null default '{}',
  establishments_count integer,
  open_establishments_count integer,
  fetched_at timestamptz not null,
  updated_by text not null,
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);
