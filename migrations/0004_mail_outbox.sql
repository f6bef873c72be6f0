-- The mail outbox (transactional outbox): a use case stores the message in its own transaction,
-- a dispatcher sends it after commit. Rolled back with the decision, never sent without it.
-- A message keeps its RFC 5322 Message-ID from the start, so a resend after a crash carries the
-- same identity and the .eml export is byte for byte what the SMTP server received.

create table mail_outbox (
  company_id text not null references companies (company_id) on delete cascade,
  outbox_id bigint generated always as identity,
  -- Chosen by the use case (e.g. 'order_refusal:CMD-42'): the same key stores one message.
  idempotency_key text not null,
  category text not null,
  from_address text not null,
  to_addresses text[] not null,
  cc_addresses text[] not null default '{}',
  bcc_addresses text[] not null default '{}',
  reply_to text,
  subject text not null,
  html_body text,
  text_body text not null,
  -- What the message is about, for the customer file.
  customer_code text,
  document_ref text,
  message_id_header text not null,
  -- pending: waiting to be sent; sending: claimed by a dispatcher until next_attempt_at (the
  -- lease); sent: final; failed: the last attempt failed, retried at next_attempt_at unless it
  -- is null (permanent error or too many attempts); held: no SMTP configured, sent on request.
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'held')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  -- Fences the results of a claim: a dispatcher whose lease expired cannot overwrite a newer one.
  lease_token text,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null default now(),
  created_by text not null,
  sent_at timestamptz,
  primary key (company_id, outbox_id),
  unique (company_id, idempotency_key),
  check (cardinality(to_addresses) + cardinality(cc_addresses) + cardinality(bcc_addresses) > 0)
);

-- The dispatcher's pick: due messages of every company, oldest due first; the partial index
-- holds only the messages still to be sent, so it stays small however long the history grows.
create index mail_outbox_due on mail_outbox (next_attempt_at)
  where status in ('pending', 'sending', 'failed') and next_attempt_at is not null;
create index mail_outbox_recent on mail_outbox (company_id, created_at desc, outbox_id desc);
create index mail_outbox_customer on mail_outbox (company_id, customer_code, created_at desc)
  where customer_code is not null;

create table mail_outbox_attachments (
  company_id text not null,
  outbox_id bigint not null,
  position integer not null,
  filename text not null,
  content_type text not null,
  content bytea not null,
  primary key (company_id, outbox_id, position),
  foreign key (company_id, outbox_id) references mail_outbox (company_id, outbox_id) on delete cascade
);

-- A sent message is final: nothing may put it back in the queue (never sent twice).
create function mail_outbox_sent_is_final() returns trigger language plpgsql as $$
begin
  if old.status = 'sent' and new.status <> 'sent' then
    raise exception 'mail % of company % was sent; it cannot be sent again', old.outbox_id, old.company_id;
  end if;
  return new;
end $$;

create trigger mail_outbox_sent_is_final before update on mail_outbox
  for each row execute function mail_outbox_sent_is_final();
