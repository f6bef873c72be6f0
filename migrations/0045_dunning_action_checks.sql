-- Dunning at scale (issue 12): a run writes one action per customer, channel and currency reminded
-- (134,440 at 1,000,000 open items), and each row paid four foreign-key checks — its run, its
-- customer, its e-mail in the outbox, its letter — each a lookup that also locks the parent row
-- (FOR KEY SHARE writes the parent's tuple header: the run's one row 134,440 times). As for the
-- action items (0044), the same rules are now checked once per statement on the rows it touched:
-- an action inserted or updated names a run, a customer, a message and a letter of its company
-- (the run, message and letter when not null), and a run, customer, message or letter named by an
-- action cannot be deleted, nor a customer's code changed (the foreign keys checked that at the
-- end of the statement too). What the row locks also gave, a parent kept from a concurrent delete
-- until commit, is not needed: runs, messages and letters go only with their company, a customer
-- named by an action has documents and goes only with them.
-- Each check probes the parent's primary key once per distinct key (lateral with limit: a nested
-- loop whatever the planner guesses of the transition table's size, never a scan of the parents).
alter table dunning_actions drop constraint dunning_actions_company_id_run_id_fkey;
alter table dunning_actions drop constraint dunning_actions_company_id_customer_code_fkey;
alter table dunning_actions drop constraint dunning_actions_company_id_outbox_id_fkey;
alter table dunning_actions drop constraint dunning_actions_company_id_letter_id_fkey;

-- One function for both events: an insert checks its rows, an update only the rows whose
-- references changed (a status, an e-mail step going by post). A dynamic statement, so that the
-- branch naming the update's old rows is never planned for an insert (0041 does the same).
create function dunning_actions_parents() returns trigger language plpgsql as $$
declare
  missing text;
begin
  execute format($q$
    with checked as (%s)
    select coalesce(
      (select 'run' from (select distinct company_id, run_id from checked where run_id is not null) n
        left join lateral (select 1 as found from dunning_runs p
          where p.company_id = n.company_id and p.run_id = n.run_id limit 1) p on true
        where p.found is null limit 1),
      (select 'customer' from (select distinct company_id, customer_code from checked) n
        left join lateral (select 1 as found from customers p
          where p.company_id = n.company_id and p.code = n.customer_code limit 1) p on true
        where p.found is null limit 1),
      (select 'message' from checked n
        left join lateral (select 1 as found from mail_outbox p
          where p.company_id = n.company_id and p.outbox_id = n.outbox_id limit 1) p on true
        where n.outbox_id is not null and p.found is null limit 1),
      (select 'letter' from checked n
        left join lateral (select 1 as found from dunning_letters p
          where p.company_id = n.company_id and p.letter_id = n.letter_id limit 1) p on true
        where n.letter_id is not null and p.found is null limit 1))$q$,
    case TG_OP
      when 'INSERT' then 'select company_id, run_id, customer_code, outbox_id, letter_id from new_rows'
      else 'select n.company_id, n.run_id, n.customer_code, n.outbox_id, n.letter_id
        from new_rows n join old_rows o on o.company_id = n.company_id and o.action_id = n.action_id
        where (n.run_id, n.customer_code, n.outbox_id, n.letter_id)
          is distinct from (o.run_id, o.customer_code, o.outbox_id, o.letter_id)'
    end)
  into missing;
  if missing is not null then
    raise exception 'a dunning action names no % of its company', missing
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger dunning_actions_parents_insert after insert on dunning_actions
  referencing new table as new_rows
  for each statement execute function dunning_actions_parents();

create trigger dunning_actions_parents_update after update on dunning_actions
  referencing old table as old_rows new table as new_rows
  for each statement execute function dunning_actions_parents();

-- A parent named by an action cannot go (with its company: the company's delete fails as the
-- foreign keys made it fail). The transition table's keys against the actions' indexes by run,
-- by customer; by message and by letter (no index: those deletes come only with a company, and
-- the foreign keys probed the actions without one too) in one join.
create function dunning_actions_keep_runs() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_runs g
      cross join lateral (select 1 from dunning_actions a
        where a.company_id = g.company_id and a.run_id = g.run_id limit 1) named) then
    raise exception 'a dunning run named by a dunning action cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger dunning_runs_keep_actions after delete on dunning_runs
  referencing old table as gone_runs
  for each statement execute function dunning_actions_keep_runs();

create function dunning_actions_keep_customers() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_customers g
      cross join lateral (select 1 from dunning_actions a
        where a.company_id = g.company_id and a.customer_code = g.code limit 1) named) then
    raise exception 'a customer named by a dunning action cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger customers_keep_dunning_actions after delete on customers
  referencing old table as gone_customers
  for each statement execute function dunning_actions_keep_customers();

-- A change of code is a row trigger that fires only when the code changes (a statement trigger
-- with transition tables would copy every row of every update of customers, imports included).
create function dunning_actions_keep_customer_code() returns trigger language plpgsql as $$
begin
  if exists (select 1 from dunning_actions a where a.company_id = old.company_id and a.customer_code = old.code) then
    raise exception 'the code of a customer named by a dunning action cannot be changed'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger customers_keep_dunning_action_code after update of code, company_id on customers
  for each row when (old.code is distinct from new.code or old.company_id is distinct from new.company_id)
  execute function dunning_actions_keep_customer_code();

create function dunning_actions_keep_messages() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_messages g join dunning_actions a
      on a.company_id = g.company_id and a.outbox_id = g.outbox_id) then
    raise exception 'a message named by a dunning action cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger mail_outbox_keep_dunning_actions after delete on mail_outbox
  referencing old table as gone_messages
  for each statement execute function dunning_actions_keep_messages();

create function dunning_actions_keep_letters() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_letters g join dunning_actions a
      on a.company_id = g.company_id and a.letter_id = g.letter_id) then
    raise exception 'a letter named by a dunning action cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger dunning_letters_keep_actions after delete on dunning_letters
  referencing old table as gone_letters
  for each statement execute function dunning_actions_keep_letters();
