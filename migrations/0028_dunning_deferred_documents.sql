-- Dunning at scale (issue 12): a run stores what a letter or an e-mail's statement says (the
-- renderer's model) and the PDF is laid out when first needed — the print batch or the letter
-- downloaded, the e-mail delivered by the outbox — and then kept, so every reader gets the same
-- bytes. The run itself no longer spends its time in the layout engine.

-- A letter: its bytes, or what to render them from (a PDF job of the document port, or the run's
-- print batch); the bytes are written once, over an empty content only.
alter table dunning_letters add column render_job jsonb;
alter table dunning_letters alter column content drop not null;
alter table dunning_letters add constraint dunning_letters_content_or_job
  check (content is not null or render_job is not null);

-- An attachment of a message in the outbox, likewise: stored with the message (so it is never
-- lost), rendered by the dispatcher before the message is built, once.
alter table mail_outbox_attachments add column render_job jsonb;
alter table mail_outbox_attachments alter column content drop not null;
alter table mail_outbox_attachments add constraint mail_outbox_attachments_content_or_job
  check (content is not null or render_job is not null);

-- Runs plan customers a slice at a time, in code order by bytes (the planner's order, whatever the
-- database's collation): the next slice is read from this index.
create index customers_code_bytes on customers (company_id, (code collate "C"));
