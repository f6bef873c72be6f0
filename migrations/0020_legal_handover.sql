-- Legal hand-over (dossiers contentieux) to lawyers and collection agencies, the steps and
-- recoveries they report, and credit-insurance claims (threatened-loss declarations).
-- A partner's recovery is its report only: the money reaches the ledger through the ordinary
-- payment or bank import, so nothing here writes a document.

create table legal_partners (
  company_id text not null references companies (company_id) on delete cascade,
  partner_id bigint generated always as identity,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('lawyer', 'agency')),
  email text,
  address_lines jsonb not null default '[]',
  -- The terms agreed with the partner; each file copies them when it is handed over.
  amicable_commission_bps integer not null check (amicable_commission_bps between 0 and 10000),
  judicial_commission_bps integer not null check (judicial_commission_bps between 0 and 10000),
  file_fee_minor bigint not null default 0 check (file_fee_minor >= 0),
  judicial_fee_minor bigint not null default 0 check (judicial_fee_minor >= 0),
  currency char(3) not null default 'EUR',
  created_at timestamptz not null default now(),
  created_by text not null,
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (company_id, partner_id),
  unique (company_id, name)
);

create table legal_files (
  company_id text not null references companies (company_id) on delete cascade,
  file_id bigint generated always as identity,
  customer_code text not null,
  partner_id bigint not null,
  handed_over_on date not null,
  -- 'customer': every invoice open on the day; 'invoices': the ones chosen.
  scope text not null check (scope in ('customer', 'invoices')),
  currency char(3) not null,
  partner_reference text,
  amicable_commission_bps integer not null check (amicable_commission_bps between 0 and 10000),
  judicial_commission_bps integer not null check (judicial_commission_bps between 0 and 10000),
  file_fee_minor bigint not null check (file_fee_minor >= 0),
  judicial_fee_minor bigint not null check (judicial_fee_minor >= 0),
  -- Injunction-to-pay pieces a person confirmed are in the file (proof of delivery…).
  pieces_provided jsonb not null default '[]',
  note text,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, file_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  foreign key (company_id, partner_id) references legal_partners (company_id, partner_id)
);
create index legal_files_customer on legal_files (company_id, customer_code);

-- The invoices handed over, with what was open and claimed on the day.
create table legal_file_invoices (
  company_id text not null,
  file_id bigint not null,
  document_id bigint not null,
  document_ref text not null,
  due_date date not null,
  handed_minor bigint not null check (handed_minor > 0),
  interest_minor bigint not null default 0 check (interest_minor >= 0),
  indemnity_minor bigint not null default 0 check (indemnity_minor >= 0),
  primary key (company_id, file_id, document_id),
  foreign key (company_id, file_id) references legal_files (company_id, file_id) on delete cascade,
  foreign key (company_id, document_id) references documents (company_id, document_id) on delete cascade
);
-- The dunning run looks each open invoice up here.
create index legal_file_invoices_document on legal_file_invoices (company_id, document_id);

-- What the partner reports, append-only; the same report (its key) is recorded once.
create table legal_file_steps (
  company_id text not null,
  step_id bigint generated always as identity,
  file_id bigint not null,
  step_code text not null check (step_code in ('received', 'amicable', 'injunction_filed',
    'injunction_order', 'judgment', 'enforcement', 'closed', 'withdrawn')),
  step_date date not null,
  recovered_minor bigint not null default 0 check (recovered_minor >= 0),
  costs_minor bigint not null default 0 check (costs_minor >= 0),
  partner_outstanding_minor bigint check (partner_outstanding_minor >= 0),
  note text,
  source text not null check (source in ('manual', 'csv', 'api')),
  report_key text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, step_id),
  unique (company_id, file_id, report_key),
  foreign key (company_id, file_id) references legal_files (company_id, file_id) on delete cascade
);
create index legal_file_steps_file on legal_file_steps (company_id, file_id, step_date);

-- Credit-insurance policies, versioned by row: the latest row of an insurer is its policy.
create table insurance_policies (
  company_id text not null references companies (company_id) on delete cascade,
  policy_id bigint generated always as identity,
  insurer text not null check (length(insurer) between 1 and 200),
  policy_number text,
  -- Maximum days after an unpaid due date to declare the threatened loss.
  threatened_loss_days integer not null check (threatened_loss_days between 1 and 365),
  -- Délai de carence: days from the declaration to the indemnity of a protracted default.
  waiting_days integer not null check (waiting_days between 0 and 730),
  warning_days integer not null default 15 check (warning_days between 0 and 120),
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, policy_id)
);
create index insurance_policies_insurer on insurance_policies (company_id, lower(insurer), policy_id desc);

create table insurance_claims (
  company_id text not null references companies (company_id) on delete cascade,
  claim_id bigint generated always as identity,
  customer_code text not null,
  insurer text not null,
  policy_id bigint not null,
  cover_id bigint,
  declared_on date not null,
  currency char(3) not null,
  -- [{documentId, ref, dueDate, openMinor, deadline}]: the unpaid invoices declared.
  items jsonb not null,
  outstanding_minor bigint not null check (outstanding_minor > 0),
  granted_minor bigint not null check (granted_minor >= 0),
  insured_share_bps integer not null check (insured_share_bps between 0 and 10000),
  insured_minor bigint not null check (insured_minor >= 0),
  indemnity_expected_on date not null,
  status text not null default 'declared'
    check (status in ('declared', 'claim_filed', 'indemnified', 'rejected', 'settled')),
  indemnity_minor bigint check (indemnity_minor >= 0),
  indemnity_received_on date,
  status_note text,
  created_at timestamptz not null default now(),
  created_by text not null,
  updated_at timestamptz not null default now(),
  updated_by text not null,
  primary key (company_id, claim_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  foreign key (company_id, policy_id) references insurance_policies (company_id, policy_id),
  check ((status = 'indemnified') = (indemnity_received_on is not null))
);
create index insurance_claims_customer on insurance_claims (company_id, customer_code);
