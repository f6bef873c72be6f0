-- Marketing promotions (credit terms approved by the credit manager, applied to orders) and the
-- internal-audit signals (who created what, thresholds), with the auditor role.

-- The auditor reads and audits; nothing else. The role check is rebuilt with it.
alter table users drop constraint if exists users_role_check;
alter table users add constraint users_role_check
  check (role in ('admin', 'credit_manager', 'collector', 'salesperson', 'director', 'auditor'));

-- Who created a customer or a document: the evidence of segregation-of-duties signals. Filled by
-- the writer when it knows the user; older rows fall back on the audit log and the import runs.
alter table customers add column if not exists created_by text;
alter table documents add column if not exists created_by text;
-- The promotion an invoice was sold under, to compare its payment behaviour with the others.
alter table documents add column if not exists promotion_code text;
-- The promotion an order was checked under.
alter table credit_order_decisions add column if not exists promotion_code text;

-- A promotion's credit terms, submitted by sales or marketing and decided by the credit manager.
-- Terms are never edited once submitted: a change is a new promotion code.
create table promotions (
  company_id text not null references companies (company_id) on delete cascade,
  promotion_code text not null,
  name text not null,
  -- Payment terms spec as in customers.payment_terms ('net:60', 'eom:45' …).
  payment_terms text not null,
  -- Payment modes allowed under the promotion (prepaid, cod, terms).
  payment_methods text[] not null default '{terms}',
  -- Guarantees an order must carry to use it (bank_guarantee, deposit …), as order elements.
  guarantees text[] not null default '{}',
  valid_from date not null,
  valid_to date not null,
  -- Empty = every customer; otherwise the codes and/or customer types that may use it.
  eligible_customers text[] not null default '{}',
  eligible_customer_types text[] not null default '{}',
  status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected')),
  submitted_by text not null,
  submitted_at timestamptz not null default now(),
  decided_by text,
  decided_at timestamptz,
  decision_comment text,
  primary key (company_id, promotion_code),
  check (valid_to >= valid_from),
  check ((status = 'submitted') = (decided_by is null))
);
create index documents_promotion on documents (company_id, promotion_code) where promotion_code is not null;

-- Thresholds of the internal-audit signals; without a row the defaults of src/core apply.
create table audit_signal_settings (
  company_id text primary key references companies (company_id) on delete cascade,
  -- {creditNoteMinor, writeOffMinor, clusterCount, clusterWindowDays, bankChangeDays, ...}
  thresholds jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by text not null
);
