-- Write-offs (passages en perte) and the provision for doubtful debts.
-- A proposal names the customer, the invoices and the amount of each, and why; it waits for a
-- user whose role the delegation matrix allows for the amount (never its proposer). Approval
-- writes a write_off document allocated to the invoices: the ledger is never edited.

create table write_off_proposals (
  company_id text not null references companies (company_id) on delete cascade,
  proposal_id bigint generated always as identity,
  customer_code text not null,
  currency char(3) not null,
  amount_minor bigint not null check (amount_minor > 0),
  -- insolvency, uncollectable, small_balance, commercial, other: only the first two open the VAT recovery.
  reason_code text not null check (reason_code in ('insolvency', 'uncollectable', 'small_balance', 'commercial', 'other')),
  reason text not null,
  proposal_date date not null,
  -- [{documentId, ref, issueDate, amountMinor}]: the invoices and the amount written off on each.
  items jsonb not null,
  -- VAT rate of the invoices (basis points) when known, for the HT/TVA split of the VAT note.
  vat_rate_bps integer check (vat_rate_bps is null or vat_rate_bps between 0 and 10000),
  risk_class text,
  required_role text not null,
  status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
  proposed_by text not null,
  proposed_at timestamptz not null default now(),
  decided_by text,
  decided_at timestamptz,
  decision_comment text,
  write_off_document_id bigint,
  primary key (company_id, proposal_id),
  foreign key (company_id, customer_code) references customers (company_id, code) on delete cascade,
  check ((status = 'proposed') = (decided_by is null)),
  check ((status = 'approved') = (write_off_document_id is not null))
);
create index write_off_proposals_status on write_off_proposals (company_id, status, proposal_id);

-- Provision rates of the company; without a row the defaults of src/core/legal/provision.ts apply.
create table provision_settings (
  company_id text primary key references companies (company_id) on delete cascade,
  -- {byAge: [{minDaysPastDue, rateBps}], byCase: {collective_procedure, dispute, ...}}
  rates jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by text not null
);
