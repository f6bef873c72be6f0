-- Web sessions and API tokens. Only SHA-256 hashes of the secrets are stored, so a copy of the
-- database does not let anyone act as a user. Both hang off a user and vanish with it (the
-- demo reset deletes users).

alter table users add column disabled_at timestamptz;

create table sessions (
  company_id text not null,
  session_hash char(64) not null,
  email text not null,
  -- Synchroniser token for state-changing requests; readable by the page, not secret from it.
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (company_id, session_hash),
  foreign key (company_id, email) references users (company_id, email) on delete cascade
);
-- The cookie does not name the company: sessions are found by their hash alone.
create index sessions_hash on sessions (session_hash);

create table api_tokens (
  company_id text not null,
  token_id bigint generated always as identity,
  email text not null,
  name text not null,
  token_hash char(64) not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (company_id, token_id),
  foreign key (company_id, email) references users (company_id, email) on delete cascade
);
create index api_tokens_hash on api_tokens (token_hash);

-- The global audit trail is read newest first.
create index audit_log_at on audit_log (company_id, at desc, audit_id desc);
