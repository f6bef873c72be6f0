-- Dunning (relances): versioned policies, the half-year late-payment rates, the company's letter
-- settings, editable templates, runs and the append-only log of dunning actions (an invoice's
-- level, last step and formal-notice date are derived from it, never stored twice), letters,
-- disputes, promises to pay and call tasks.

-- Public reference data, the same for every tenant: the ECB main refinancing rate in force on the
-- first day of each half-year (C. com. L441-10 II) and the taux d'intérêt légal for professional
-- creditors. The only company-independent table besides schema_migrations (see ARCHITECTURE.md).
create table late_payment_rates (
  semester text primary key check (semester ~ '^[0-9]{4}H[12]$'),
  ecb_rate_bps integer not null check (ecb_rate_bps between 0 and 100000),
  legal_interest_rate_bps integer check (legal_interest_rate_bps between 0 and 100000),
  source text not null,
  updated_at timestamptz not null default now(),
  updated_by text not null default 'migration'
);
insert into late_payment_rates (semester, ecb_rate_bps, legal_interest_rate_bps, source) values
  ('2014H1', 25, 4, 'BCE 13/11/2013; taux légal 2014 S1'),
  ('2023H1', 250, null, 'BCE 21/12/2022'),
  ('2023H2', 400, null, 'BCE 21/06/2023'),
  ('2024H1', 450, 507, 'BCE 20/09/2023; taux légal 2024 S1'),
  ('2024H2', 425, 492, 'BCE 12/06/2024; taux légal 2024 S2'),
  ('2025H1', 315, 371, 'BCE 18/12/2024; taux légal 2025 S1'),
  ('2025H2', 215, 276, 'BCE 11/06/2025; taux légal 2025 S2'),
  ('2026H1', 215, 262, 'BCE 18/12/2025; taux légal 2026 S1');

-- What a letter needs about the sender, and the company's interest settings.
create table dunning_settings (
  company_id text primary key references companies (company_id) on delete cascade,
  legal_name text,
  address_line1 text,
  address_line2 text,
  postal_code text,
  city text,
  siren char(9),
  vat_number text,
  phone text,
  email text,
  iban text,
  bic text,
  signatory_name text,
  signatory_title text,
  rate_mode text not null default 'split_by_semester'
    check (rate_mode in ('split_by_semester', 'due_date_semester', 'end_semester')),
  time_zone text not null default 'Europe/Paris',
  updated_at timestamptz not null default now(),
  updated_by text not null
);

-- A policy version is never edited: a change is a new version (history kept).
create table dunning_policies (
  company_id text not null references companies (company_id) on delete cascade,
  policy_code text not null,
  version integer not null check (version >= 1),
  effective_from date not null,
  scope_kind text not null check (scope_kind in ('default', 'customer_type', 'risk_class', 'customer')),
  scope_value text,
  currency char(3) not null,
  formal_notice_lead_days integer not null,
  minimum_days_between_steps integer not null,
  promise_grace_days integer not null,
  steps jsonb not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, policy_code, version),
  check ((scope_kind = 'default') = (scope_value is null))
);
create trigger dunning_policies_append_only before update on dunning_policies
  for each row execute function forbid_update();

-- Liquid templates edited per company; the shipped files (src/app/dunning/templates) apply when
-- a company has none. Versioned like policies: the latest version is in force.
create table dunning_templates (
  company_id text not null references companies (company_id) on delete cascade,
  template_code text not null,
  channel text not null check (channel in ('email', 'letter', 'sms')),
  lang text not null check (lang in ('fr', 'en')),
  version integer not null check (version >= 1),
  subject text not null default '',
  body text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, template_code, channel, lang, version)
);

-- Per customer: a pause of its dunning and the interest clause of its terms.
create table dunning_customer_terms (
  company_id text not null,
  customer_code text not null,
  paused_until date,
  pause_reason text,
  interest_clause text not null default 'legal'
    check (interest_clause in ('legal', 'contractual_fixed', 'contractual_ecb_plus')),
  interest_rate_bps integer check (interest_rate_bps >= 0),
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code),
  check ((interest_clause = 'legal') = (interest_rate_bps is null))
);

create table dunning_runs (
  company_id text not null references companies (company_id) on delete cascade,
  run_id bigint generated always as identity,
  as_of date not null,
  planned_actions integer not null,
  sent_actions integer not null,
  skipped_items integer not null,
  tasks_created integer not null,
  -- The run's letters as one PDF to print (the registered letters listed first).
  batch_letter_id bigint,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, run_id)
);
create index dunning_runs_recent on dunning_runs (company_id, run_id desc);

-- Generated letters (one PDF each), kept as sent: an archive, reused in legal files.
create table dunning_letters (
  company_id text not null references companies (company_id) on delete cascade,
  letter_id bigint generated always as identity,
  filename text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  primary key (company_id, letter_id)
);

-- The log of dunning actions. Only the status changes (sent → cancelled); an invoice's dunning
-- state is read from the items of its sent actions.
create table dunning_actions (
  company_id text not null,
  action_id bigint generated always as identity,
  run_id bigint,
  customer_code text not null,
  action_date date not null,
  policy_code text not null,
  policy_version integer not null,
  step_code text not null,
  step_kind text not null check (step_kind in ('courtesy', 'reminder', 'formal_notice', 'handover')),
  level integer not null check (level >= 1),
  channel text not null check (channel in ('email', 'letter', 'registered_letter', 'call_task', 'sms')),
  lang text not null check (lang in ('fr', 'en')),
  currency char(3) not null,
  open_total_minor bigint not null,
  interest_total_minor bigint not null,
  indemnity_total_minor bigint not null,
  credits_minor bigint not null,
  total_due_minor bigint not null,
  interest_incomplete boolean not null default false,
  status text not null check (status in ('planned', 'sent', 'cancelled')),
  -- 'manual': done by hand and recorded (counts as the step); 'run': by a dunning run.
  origin text not null check (origin in ('run', 'manual')),
  outbox_id bigint,
  letter_id bigint,
  sms_text text,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, action_id),
  foreign key (company_id, run_id) references dunning_runs (company_id, run_id),
  foreign key (company_id, customer_code) references customers (company_id, code),
  foreign key (company_id, outbox_id) references mail_outbox (company_id, outbox_id),
  foreign key (company_id, letter_id) references dunning_letters (company_id, letter_id)
);
create index dunning_actions_customer on dunning_actions (company_id, customer_code, action_date);
create index dunning_actions_run on dunning_actions (company_id, run_id);

create table dunning_action_items (
  company_id text not null,
  action_id bigint not null,
  document_id bigint not null,
  document_ref text not null,
  due_date date not null,
  open_minor bigint not null,
  days_late integer not null,
  from_level integer not null,
  level integer not null,
  step_code text not null,
  step_kind text not null,
  interest_status text not null check (interest_status in ('claimed', 'not_claimed', 'rate_missing')),
  interest_minor bigint not null default 0,
  indemnity_minor bigint not null default 0,
  primary key (company_id, action_id, document_id),
  foreign key (company_id, action_id) references dunning_actions (company_id, action_id),
  foreign key (company_id, document_id) references documents (company_id, document_id)
);
create index dunning_action_items_document on dunning_action_items (company_id, document_id);
create trigger dunning_action_items_append_only before update on dunning_action_items
  for each row execute function forbid_update();

create table dunning_disputes (
  company_id text not null,
  dispute_id bigint generated always as identity,
  customer_code text not null,
  document_id bigint not null,
  document_ref text not null,
  reason text not null check (reason in ('quality', 'delivery', 'price', 'quantity', 'other')),
  department text not null
    check (department in ('sales', 'logistics', 'quality', 'accounting', 'customer_service')),
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  note text not null default '',
  opened_on date not null,
  respond_by date,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution in ('credit_note', 'partial_credit', 'rejected')),
  resolution_note text,
  resolved_on date,
  opened_by text not null,
  resolved_by text,
  created_at timestamptz not null default now(),
  primary key (company_id, dispute_id),
  foreign key (company_id, customer_code) references customers (company_id, code),
  foreign key (company_id, document_id) references documents (company_id, document_id),
  check ((status = 'resolved') = (resolution is not null and resolved_on is not null))
);
-- One open dispute per invoice: a second complaint is a note on the first.
create unique index dunning_disputes_open on dunning_disputes (company_id, document_id) where status = 'open';
create index dunning_disputes_customer on dunning_disputes (company_id, customer_code);

create table dunning_promises (
  company_id text not null,
  promise_id bigint generated always as identity,
  customer_code text not null,
  made_on date not null,
  currency char(3) not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, promise_id),
  foreign key (company_id, customer_code) references customers (company_id, code)
);
create index dunning_promises_customer on dunning_promises (company_id, customer_code, made_on);

create table dunning_promise_instalments (
  company_id text not null,
  promise_id bigint not null,
  position integer not null,
  due_date date not null,
  amount_minor bigint not null check (amount_minor > 0),
  primary key (company_id, promise_id, position),
  foreign key (company_id, promise_id) references dunning_promises (company_id, promise_id)
);

-- The invoices a promise covers; none listed: every open invoice of the customer.
create table dunning_promise_invoices (
  company_id text not null,
  promise_id bigint not null,
  document_id bigint not null,
  primary key (company_id, promise_id, document_id),
  foreign key (company_id, promise_id) references dunning_promises (company_id, promise_id),
  foreign key (company_id, document_id) references documents (company_id, document_id)
);

create table dunning_call_tasks (
  company_id text not null,
  task_id bigint generated always as identity,
  customer_code text not null,
  kind text not null check (kind in ('dunning_call', 'broken_promise', 'declare_claim', 'handover')),
  action_id bigint,
  promise_id bigint,
  due_date date not null,
  assigned_to text,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  outcome text check (outcome in ('promise', 'dispute', 'will_pay', 'paid', 'no_answer', 'wrong_number',
    'message_left', 'claim_declared', 'handed_over', 'other')),
  note text not null default '',
  done_on date,
  done_by text,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, task_id),
  foreign key (company_id, customer_code) references customers (company_id, code),
  foreign key (company_id, action_id) references dunning_actions (company_id, action_id),
  foreign key (company_id, promise_id) references dunning_promises (company_id, promise_id),
  check ((status = 'done') = (outcome is not null and done_on is not null))
);
-- A broken promise raises one task; a customer in insolvency proceedings one claim declaration.
create unique index dunning_call_tasks_promise on dunning_call_tasks (company_id, promise_id)
  where kind = 'broken_promise';
create unique index dunning_call_tasks_claim on dunning_call_tasks (company_id, customer_code)
  where kind = 'declare_claim' and status <> 'cancelled';
create index dunning_call_tasks_open on dunning_call_tasks (company_id, due_date) where status = 'open';
