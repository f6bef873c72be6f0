-- The language a user reads Encours's e-mails in (limit-request reminders and other staff mail):
-- French by default, like every existing account; English on request.
alter table users add column language text not null default 'fr' check (language in ('fr', 'en'));
