-- API tokens expire: every token gets an end of life, chosen at creation (90 days by default).
-- Tokens made before this migration keep 90 days from their creation, so an old forgotten token
-- stops working instead of living forever.
alter table api_tokens add column expires_at timestamptz;
update api_tokens set expires_at = created_at + interval '90 days';
alter table api_tokens alter column expires_at set not null;
alter table api_tokens alter column expires_at set default now() + interval '90 days';
