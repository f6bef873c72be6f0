-- A claim to declare is known from the customer's status or story too, not only from a BODACC
-- opening judgment read by the watch: such a claim has no announcement, and its publication date
-- may be unknown (the deadline is then estimated from the judgment date, which the publication can
-- only follow). The mandataire it is declared to and when it was declared are recorded on it (a
-- claim declared before this migration keeps no date).
alter table legal_claims alter column announcement_id drop not null;
alter table legal_claims alter column publication_date drop not null;
alter table legal_claims add column mandataire text;
alter table legal_claims add column mandataire_address text;
alter table legal_claims add column declared_on date;
alter table legal_claims add column declared_by text;

-- One claim prepared per customer and judgment without an announcement (preparing it twice changes nothing).
create unique index legal_claims_without_announcement
  on legal_claims (company_id, customer_code, judgment_date) where announcement_id is null;
