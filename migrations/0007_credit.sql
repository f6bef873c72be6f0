-- Credit decisions: versioned configuration (scoring method, order-check rules, limit policy,
-- delegation matrix, exposure buckets, message templates), customer financial data, scores,
-- insurer covers, limit history and requests, and the decisions of the order check.
-- Configuration and history are append-only: a change is a new row, so every score and every
-- decision can name the version that made it.

create table credit_configurations (
  company_id text not null references companies (company_id) on delete cascade,
  kind text not null check (kind in
    ('scoring_method', 'order_rules', 'limit_policy', 'delegation_matrix', 'exposure_config',
     'message_templates')),
  version text not null,
  effective_from date not null,
  body jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, kind, version)
);
create index credit_configurations_in_force on credit_configurations (company_id, kind, effective_from desc);

-- What the scoring reads about a customer beyond the ledger: the environment and directors
-- criteria, and an external grade (insurer or rating agency).
create table credit_customer_profiles (
  company_id text not null,
  customer_code text not null,
  sector_risk text check (sector_risk in ('low', 'medium', 'high', 'very_high')),
  creation_date date,
  legal_form text,
  legal_incidents integer check (legal_incidents >= 0),
  external_grade text,
  external_grade_source text,
  external_grade_date date,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

create table credit_balance_sheets (
  company_id text not null,
  customer_code text not null,
  fiscal_year_end date not null,
  currency char(3) not null,
  total_assets_minor bigint not null,
  equity_minor bigint not null,
  total_debts_minor bigint not null,
  turnover_minor bigint not null,
  value_added_minor bigint not null,
  gross_operating_profit_minor bigint not null,
  permanent_capital_minor bigint not null,
  cash_minor bigint not null,
  receivables_minor bigint not null,
  financial_charges_minor bigint not null,
  staff_costs_minor bigint not null,
  net_result_minor bigint not null,
  source text not null default 'manual',
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (company_id, customer_code, fiscal_year_end),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

create table credit_scores (
  company_id text not null,
  score_id bigint generated always as identity,
  customer_code text not null,
  as_of date not null,
  status text not null check (status in ('scored', 'insufficient_data')),
  score numeric(4, 1) check (score between 0 and 100),
  risk_class char(1) check (risk_class in ('A', 'B', 'C', 'D', 'E')),
  method_version text not null,
  -- Criteria with value, points and contribution; missing and invalid inputs; coverage.
  explanation jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, score_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  check ((status = 'scored') = (score is not null and risk_class is not null))
);
-- The latest score of a customer, and its history.
create index credit_scores_customer on credit_scores (company_id, customer_code, score_id desc);

-- Insurer covers are versioned by row: the latest row of a customer is its cover.
create table credit_insurer_covers (
  company_id text not null,
  cover_id bigint generated always as identity,
  customer_code text not null,
  insurer text not null,
  status text not null check (status in ('requested', 'granted', 'partial', 'refused', 'cancelled')),
  requested_minor bigint check (requested_minor >= 0),
  granted_minor bigint not null default 0 check (granted_minor >= 0),
  currency char(3) not null,
  insured_share_bps integer not null check (insured_share_bps between 0 and 10000),
  effective_from date,
  expires_on date,
  reference text,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, cover_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  check (expires_on is null or effective_from is null or expires_on >= effective_from)
);
create index credit_insurer_covers_customer on credit_insurer_covers (company_id, customer_code, cover_id desc);

create table credit_limit_requests (
  company_id text not null,
  request_id bigint generated always as identity,
  customer_code text not null,
  requested_minor bigint not null check (requested_minor >= 0),
  currency char(3) not null,
  kind text not null default 'permanent' check (kind in ('permanent', 'temporary')),
  expires_on date,
  justification text not null,
  order_ref text,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'cancelled')),
  required_role text not null,
  risk_class char(1),
  due_at timestamptz not null,
  requested_by text not null,
  requested_at timestamptz not null default now(),
  decided_by text,
  decided_at timestamptz,
  decision_comment text,
  primary key (company_id, request_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  check (kind = 'permanent' or expires_on is not null)
);
create index credit_limit_requests_pending on credit_limit_requests (company_id, due_at) where status = 'pending';

-- Every limit given, permanent or temporary, with who and why. The permanent limit in force is
-- also the customer's credit_limit_minor (which the ledger and the reports read).
create table credit_limit_history (
  company_id text not null,
  entry_id bigint generated always as identity,
  customer_code text not null,
  kind text not null check (kind in ('permanent', 'temporary')),
  amount_minor bigint check (amount_minor >= 0),
  previous_minor bigint,
  currency char(3) not null,
  valid_from date not null,
  expires_on date,
  reason text not null,
  request_id bigint,
  created_by text not null,
  created_at timestamptz not null default now(),
  primary key (company_id, entry_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  check (kind = 'permanent' or expires_on is not null)
);
create index credit_limit_history_customer on credit_limit_history (company_id, customer_code, entry_id desc);

create table credit_order_decisions (
  company_id text not null,
  order_ref text not null,
  idempotency_key text,
  customer_code text not null,
  amount_minor bigint not null check (amount_minor >= 0),
  currency char(3) not null,
  payment text not null check (payment in ('prepaid', 'cod', 'terms')),
  decision text not null check (decision in ('approve', 'hold', 'refuse')),
  -- approved and released orders count in the exposure until invoiced; held ones too, since
  -- they may be released; refused ones never.
  status text not null check (status in ('approved', 'held', 'released', 'refused')),
  reasons jsonb not null,
  waived jsonb not null default '[]',
  figures jsonb not null,
  approver_role text,
  rules_version text not null,
  checked_by text not null,
  checked_at timestamptz not null default now(),
  resolved_by text,
  resolved_at timestamptz,
  resolution_comment text,
  primary key (company_id, order_ref),
  unique (company_id, idempotency_key),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);
create index credit_order_decisions_customer on credit_order_decisions (company_id, customer_code)
  where status in ('approved', 'held', 'released');
create index credit_order_decisions_held on credit_order_decisions (company_id, checked_at) where status = 'held';

-- The customer's story gains risk alerts (a class downgrade) and order decisions. The kinds
-- already allowed are kept whatever an earlier migration added: the check is rebuilt from them.
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
  -- Listed value by value (kind in ('a', 'b'…)), so that a later migration reads them back the same way.
  execute format('alter table customer_events add constraint customer_events_kind_check check (kind in (%s))',
    (select string_agg(quote_literal(k), ', ' order by k)
       from (select distinct k from unnest(existing || array['risk_alert', 'order_decision']) k) kinds));
end $$;
