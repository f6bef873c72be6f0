-- A story line's catalogue message: its key and typed parameters (money as minor units with the
-- currency, dates as ISO, codes, nested messages), so the line is worded in the reader's language
-- when read, French or English. `detail` keeps the French sentence made from the same message
-- (search, exports, readers from before this migration). Null for lines written before and for
-- imported lines, whose free text from the user's file is only `detail`.
-- `if not exists`, as 0014's `created_by`: a ledger loaded by today's code into an older schema
-- (the upgrade test of 0003) is given the columns first.
alter table customer_events
  add column if not exists message_key text,
  add column if not exists message_params jsonb;

-- NOT VALID: every existing row has neither column, which the check admits, so validating would
-- only scan the whole story (millions of rows at scale) under the lock the columns' addition holds.
alter table customer_events add constraint customer_events_message
  check (message_params is null or (message_key is not null and jsonb_typeof(message_params) = 'object'))
  not valid;
