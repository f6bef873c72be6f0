-- Who the company is, for the header of its documents (reports, customer files, letters):
-- SIREN and postal address. Optional: a company loaded from a spreadsheet may not say.
alter table companies add column siren char(9);
alter table companies add column address_line1 text;
alter table companies add column address_line2 text;
alter table companies add column postal_code text;
alter table companies add column city text;
alter table companies add column country char(2) not null default 'FR';
