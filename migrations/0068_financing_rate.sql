-- The company's short-term financing rate, the price of a euro collected late: the cost of the
-- predicted days late (forecast late-cost) is the open amount × the days late × this rate / 365.
-- One row per company, only once someone sets it; without a row the documented default applies
-- (DEFAULT_FINANCING_RATE_BPS, the same 5 % as the indicators' late-payment cost).
create table financing_settings (
  company_id text primary key references companies (company_id) on delete cascade,
  rate_bps integer not null constraint financing_settings_rate_check check (rate_bps between 0 and 10000),
  updated_at timestamptz not null default now(),
  updated_by text not null
);
