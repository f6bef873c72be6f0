-- Jobs: long and scheduled work (imports, re-scoring, dunning runs, ledger checks) run by a
-- table-based runner (`for update skip locked`), on the embedded engine and on a server alike.
-- A job is claimed under a lease that its runner renews (heartbeat); a job whose lease expired
-- (its process died) is claimed again and resumes from its checkpoint.

create table jobs (
  company_id text not null references companies (company_id) on delete cascade,
  job_id bigint generated always as identity,
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued'
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress_done bigint not null default 0,
  progress_total bigint,
  -- What the job is doing, as a catalogue message code and its params (never a sentence).
  progress_code text,
  progress_params jsonb not null default '{}',
  -- The handler's own resume state (e.g. the last customer done), written with its progress.
  checkpoint jsonb,
  result jsonb,
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  lease_owner text,
  lease_expires_at timestamptz,
  cancel_requested boolean not null default false,
  error text,
  created_by text not null,
  schedule_id bigint,
  -- Not claimed before this instant (retry back-off).
  run_after timestamptz not null default now(),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz,
  primary key (company_id, job_id),
  check (progress_done >= 0 and (progress_total is null or progress_total >= 0))
);

-- One job at a time per company and kind: a second start while one is queued or running is
-- refused (or, for a schedule, skipped) by this index, whatever process tries it.
create unique index jobs_one_active on jobs (company_id, kind) where status in ('queued', 'running');
-- What a runner claims: queued jobs that are due and running jobs whose lease expired.
create index jobs_claimable on jobs (run_after) where status in ('queued', 'running');
create index jobs_recent on jobs (company_id, job_id desc);

create table job_schedules (
  company_id text not null references companies (company_id) on delete cascade,
  schedule_id bigint generated always as identity,
  kind text not null,
  cron text not null,
  time_zone text not null default 'Europe/Paris',
  payload jsonb not null default '{}',
  enabled boolean not null default true,
  last_fired_at timestamptz,
  next_fire_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (company_id, schedule_id)
);

create index job_schedules_due on job_schedules (next_fire_at) where enabled;
