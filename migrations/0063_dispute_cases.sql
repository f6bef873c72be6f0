-- Disputes as cases: one complaint may contest several invoices of a customer. Each invoice keeps
-- its own dunning_disputes row (the run's exclusion reads them per invoice); the rows of one
-- complaint share a case number, the dispute number of its first row. Rows written before this
-- migration, or by the imports, are a case of their own (readers take coalesce(case_id, dispute_id)).
alter table dunning_disputes add column case_id bigint;
update dunning_disputes set case_id = dispute_id;
create index dunning_disputes_case on dunning_disputes (company_id, case_id);

-- Documents attached to disputes (proof of delivery, photos, the complaint letter), stored once per
-- company by their SHA-256 whatever the number of disputes or invoices they are attached to.
create table dispute_files (
  company_id text not null references companies (company_id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  content bytea not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  primary key (company_id, sha256),
  check (octet_length(content) = size_bytes)
);

-- A file attached to one disputed invoice (the dispute row names it), under the name it was sent with.
create table dunning_dispute_attachments (
  company_id text not null,
  attachment_id bigint generated always as identity,
  dispute_id bigint not null,
  document_id bigint not null,
  sha256 text not null,
  file_name text not null check (length(file_name) between 1 and 255),
  kind text not null check (kind in ('proof_of_delivery', 'photo', 'complaint_letter', 'other')),
  attached_by text not null,
  attached_at timestamptz not null default now(),
  primary key (company_id, attachment_id),
  unique (company_id, dispute_id, sha256),
  foreign key (company_id, dispute_id) references dunning_disputes (company_id, dispute_id),
  foreign key (company_id, document_id) references documents (company_id, document_id),
  foreign key (company_id, sha256) references dispute_files (company_id, sha256)
);
create index dunning_dispute_attachments_document on dunning_dispute_attachments (company_id, document_id);
