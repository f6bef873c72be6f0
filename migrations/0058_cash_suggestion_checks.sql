-- Cash matching at scale (issue 13): a run stores the ranked suggestions of every receipt it does
-- not apply (31,490 receipts at 1,000,000 open items, a few ranked rows each), and each row paid two
-- foreign-key checks, its receipt and its customer, each a lookup that also locks the parent row
-- (FOR KEY SHARE writes the tuple header of the receipt, which the same batch then updates, and of
-- the customer, once per suggestion): about 15 % of the matching's database time at 200,000 open
-- items. As for the dunning tables (0044, 0045), the same rules are now checked once per statement
-- on the rows it touched: a suggestion inserted or updated names a receipt and a customer of its
-- company. The keys deleted their suggestions with their receipt or their customer (on delete
-- cascade): statement triggers do the same, and a receipt or customer named by a suggestion keeps
-- its key (the keys refused a change of it). What the row locks also gave, a parent kept from a
-- concurrent delete until commit, is not needed: receipts go only with their company's accounts,
-- customers only with their company (and a customer deleted meanwhile takes its suggestions).
-- Each check probes the parent's primary key once per distinct key (lateral with limit: a nested
-- loop whatever the planner guesses of the transition table's size, never a scan of the parents).
alter table cash_suggestions drop constraint cash_suggestions_company_id_transaction_id_fkey;
alter table cash_suggestions drop constraint cash_suggestions_company_id_customer_code_fkey;

-- One function for both events: an insert checks its rows, an update only the keys its new rows
-- bring (the old rows' parents exist: a delete of one would have taken them). A dynamic statement,
-- so that the branch naming the update's old rows is never planned for an insert (0045 does the
-- same).
create function cash_suggestions_parents() returns trigger language plpgsql as $$
declare
  missing text;
begin
  execute format($q$
    with checked as (%s)
    select coalesce(
      (select 'receipt' from (select distinct company_id, transaction_id from checked) n
        left join lateral (select 1 as found from bank_transactions p
          where p.company_id = n.company_id and p.transaction_id = n.transaction_id limit 1) p on true
        where p.found is null limit 1),
      (select 'customer' from (select distinct company_id, customer_code from checked) n
        left join lateral (select 1 as found from customers p
          where p.company_id = n.company_id and p.code = n.customer_code limit 1) p on true
        where p.found is null limit 1))$q$,
    case TG_OP
      when 'INSERT' then 'select company_id, transaction_id, customer_code from new_rows'
      else 'select company_id, transaction_id, customer_code from new_rows
        except select company_id, transaction_id, customer_code from old_rows'
    end)
  into missing;
  if missing is not null then
    raise exception 'a cash suggestion names no % of its company', missing
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger cash_suggestions_parents_insert after insert on cash_suggestions
  referencing new table as new_rows
  for each statement execute function cash_suggestions_parents();

create trigger cash_suggestions_parents_update after update on cash_suggestions
  referencing old table as old_rows new table as new_rows
  for each statement execute function cash_suggestions_parents();

-- The suggestions go with their receipt (the receipts go with their account or statement, by
-- their own cascading keys: this runs once per statement of those cascades) and with their
-- customer. A receipt's suggestions are found by the primary key's prefix; a customer's by one
-- join of the statement's customers with the suggestions (the key's cascade scanned them once per
-- customer: no index by customer).
create function cash_suggestions_follow_receipts() returns trigger language plpgsql as $$
begin
  delete from cash_suggestions s using gone_receipts g
    where s.company_id = g.company_id and s.transaction_id = g.transaction_id;
  return null;
end $$;

create trigger bank_transactions_take_suggestions after delete on bank_transactions
  referencing old table as gone_receipts
  for each statement execute function cash_suggestions_follow_receipts();

create function cash_suggestions_follow_customers() returns trigger language plpgsql as $$
begin
  delete from cash_suggestions s using gone_customers g
    where s.company_id = g.company_id and s.customer_code = g.code;
  return null;
end $$;

create trigger customers_take_cash_suggestions after delete on customers
  referencing old table as gone_customers
  for each statement execute function cash_suggestions_follow_customers();

-- A change of key is a row trigger that fires only when the key changes (a statement trigger with
-- transition tables would copy every row of every update: receipts' statuses, customers' imports).
create function cash_suggestions_keep_receipt_key() returns trigger language plpgsql as $$
begin
  if exists (select 1 from cash_suggestions s
      where s.company_id = old.company_id and s.transaction_id = old.transaction_id) then
    raise exception 'the key of a receipt named by a cash suggestion cannot be changed'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger bank_transactions_keep_suggestion_key after update of company_id, transaction_id
  on bank_transactions for each row
  when (old.company_id is distinct from new.company_id or old.transaction_id is distinct from new.transaction_id)
  execute function cash_suggestions_keep_receipt_key();

create function cash_suggestions_keep_customer_code() returns trigger language plpgsql as $$
begin
  if exists (select 1 from cash_suggestions s
      where s.company_id = old.company_id and s.customer_code = old.code) then
    raise exception 'the code of a customer named by a cash suggestion cannot be changed'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger customers_keep_cash_suggestion_code after update of code, company_id on customers
  for each row when (old.code is distinct from new.code or old.company_id is distinct from new.company_id)
  execute function cash_suggestions_keep_customer_code();

-- TRUNCATE runs no delete trigger: a foreign key refused the truncation of a table it references
-- (unless the referencing table was truncated by the same statement, or with CASCADE), the checks
-- above and those of 0044 and 0045 did not. Each parent they protect now refuses a TRUNCATE while
-- a table naming it holds rows. Stricter than a key in one case: the BEFORE TRUNCATE triggers of
-- every table of the statement run before any is emptied, so `truncate parent, child` (or
-- `… cascade`) is refused too while the child has rows; truncate the child first.
-- The tables naming the parent are the trigger's arguments.
create function refuse_truncate_while_named() returns trigger language plpgsql as $$
declare
  child text;
  named boolean;
begin
  foreach child in array TG_ARGV loop
    execute format('select exists (select 1 from %I)', child) into named;
    if named then
      raise exception 'table % cannot be truncated: rows of % name it', TG_TABLE_NAME, child
        using errcode = 'foreign_key_violation';
    end if;
  end loop;
  return null;
end $$;

create trigger documents_truncate_while_named before truncate on documents
  for each statement execute function refuse_truncate_while_named('dunning_action_items');
create trigger dunning_actions_truncate_while_named before truncate on dunning_actions
  for each statement execute function refuse_truncate_while_named('dunning_action_items');
create trigger dunning_runs_truncate_while_named before truncate on dunning_runs
  for each statement execute function refuse_truncate_while_named('dunning_actions');
create trigger mail_outbox_truncate_while_named before truncate on mail_outbox
  for each statement execute function refuse_truncate_while_named('dunning_actions');
create trigger dunning_letters_truncate_while_named before truncate on dunning_letters
  for each statement execute function refuse_truncate_while_named('dunning_actions');
create trigger customers_truncate_while_named before truncate on customers
  for each statement execute function refuse_truncate_while_named('dunning_actions', 'cash_suggestions');
create trigger bank_transactions_truncate_while_named before truncate on bank_transactions
  for each statement execute function refuse_truncate_while_named('cash_suggestions');
