-- The HTTP server remembers session lookups for a moment (src/db/auth/session-cache.ts). Any
-- change to who a session belongs to or whether it still works — a logout, a password, role or
-- name change, a disabled user, a company deleted, whatever process or person makes it — tells
-- every listening server on commit, and they forget what they remembered. One statement-level
-- notification per statement (PostgreSQL folds identical ones within a transaction into one);
-- new sessions and new users need none: nothing is remembered about a secret not yet seen.
create function encours_auth_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('encours_auth', '');
  return null;
end
$$;

create trigger sessions_auth_changed after update or delete or truncate on sessions
  for each statement execute function encours_auth_changed();

create trigger users_auth_changed after update or delete or truncate on users
  for each statement execute function encours_auth_changed();
