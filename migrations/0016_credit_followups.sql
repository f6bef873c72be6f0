-- Credit decisions, continued: customers waiting to be re-scored after one of their inputs
-- changed, the reminders of late limit requests, and the signed ERP webhook of the order check
-- (a secret per company, and the signatures already seen, refused if replayed).

-- A payment import, a dispute or a new balance sheet puts the customer here (once); the
-- credit.rescore_changed job scores the customers it finds and takes them out.
create table credit_rescore_queue (
  company_id text not null,
  customer_code text not null,
  reason text not null,
  requested_at timestamptz not null default now(),
  primary key (company_id, customer_code),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade
);

-- A pending request past its due time reminds its approvers, at most once a day.
alter table credit_limit_requests add column reminders integer not null default 0;
alter table credit_limit_requests add column last_reminded_at timestamptz;

-- The ERP signs each order-check call with HMAC-SHA256 under the company's secret. The
-- secret has to be stored as it is (the server recomputes the signature), so only its
-- holder and the credit department see it, once, when it is made.
create table credit_webhook_secrets (
  company_id text primary key references companies (company_id) on delete cascade,
  secret text not null,
  created_by text not null,
  created_at timestamptz not null default now()
);

-- Signatures accepted within the replay window; a second delivery of the same one is refused.
create table credit_webhook_deliveries (
  company_id text not null references companies (company_id) on delete cascade,
  signature text not null,
  signed_at timestamptz not null,
  received_at timestamptz not null default now(),
  primary key (company_id, signature)
);
