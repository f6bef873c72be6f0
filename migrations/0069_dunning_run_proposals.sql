-- Dunning runs reviewed before sending (issue 12). A company that asks for it has its daily
-- `dunning.run` job plan the run and store a proposal instead of sending; a credit manager then
-- approves it (for all its customers or a selection), which carries the run out, or rejects it.
alter table dunning_settings add column review_before_sending boolean not null default false;

create table dunning_run_proposals (
  company_id text not null references companies (company_id) on delete cascade,
  proposal_id bigint generated always as identity,
  as_of date not null,
  status text not null default 'pending'
    constraint dunning_run_proposals_status_check
      check (status in ('pending', 'approved', 'rejected', 'superseded')),
  -- The customers with an action planned: an approval chooses among them and no others.
  customer_codes text[] not null,
  -- Counts per channel and step, and the total due per currency (minor units).
  summary jsonb not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  decided_at timestamptz,
  decided_by text,
  decision_note text,
  -- The run an approval carried out.
  run_id bigint,
  primary key (company_id, proposal_id),
  foreign key (company_id, run_id) references dunning_runs (company_id, run_id),
  constraint dunning_run_proposals_decision_check check (
    (status = 'pending') = (decided_at is null) and (decided_at is null) = (decided_by is null)
  ),
  constraint dunning_run_proposals_run_check check ((status = 'approved') = (run_id is not null))
);
-- A newer proposal supersedes the pending one: at most one waits per company.
create unique index dunning_run_proposals_one_pending on dunning_run_proposals (company_id)
  where status = 'pending';
create index dunning_run_proposals_recent on dunning_run_proposals (company_id, proposal_id desc);
