-- The procedure-review reports (dysfunctions, measures): the sections' Liquid templates as the
-- company edited them. Shipped defaults live in the code; an edit is a new version, never an
-- update, so the wording a report was printed with can be found again.

create table report_templates (
  company_id text not null references companies (company_id) on delete cascade,
  report text not null check (report in ('dysfunctions', 'measures')),
  section text not null check (section ~ '^[a-z_]{1,40}$'),
  lang text not null check (lang in ('fr', 'en')),
  version integer not null check (version >= 1),
  body text not null check (length(body) <= 20000),
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, report, section, lang, version)
);
