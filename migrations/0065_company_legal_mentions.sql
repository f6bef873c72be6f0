-- The legal mentions a company's letters and invoices carry beside its SIREN and registered office
-- (art. R123-237 and R123-238 C. com.): the city of the registry it is registered at (« RCS Lyon »),
-- its legal form and its share capital. Nullable: a company loaded from a spreadsheet may not say,
-- and a sole trader has neither form nor capital to state.
alter table companies add column legal_form text;
alter table companies add column share_capital_minor bigint
  constraint companies_share_capital_check check (share_capital_minor >= 0);
alter table companies add column rcs_city text;
