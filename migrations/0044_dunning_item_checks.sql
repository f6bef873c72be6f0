-- Dunning at scale (issue 12): a run writes one item per invoice reminded (884,637 at 1,000,000
-- open items), and each row paid two foreign-key checks, each a lookup that also locks the parent
-- row (FOR KEY SHARE writes the document's and the action's tuple header): measured at 20,000
-- customers, about two thirds of the items' insert time. The same rules are now checked once per
-- statement on the rows it touched: an item inserted names an action and a document of its
-- company, and an action or a document named by an item cannot be deleted (the foreign keys
-- checked that at the end of the statement too). What the row locks also gave, a parent kept from
-- a concurrent delete until commit, is not needed: documents go only with their company, actions
-- are never deleted.
-- Each check probes the parent's primary key once per row (lateral with limit: a nested loop
-- whatever the planner guesses of the transition table's size, never a scan of the parents).
alter table dunning_action_items drop constraint dunning_action_items_company_id_action_id_fkey;
alter table dunning_action_items drop constraint dunning_action_items_company_id_document_id_fkey;

create function dunning_action_items_parents() returns trigger language plpgsql as $$
begin
  -- Several items per action: each action is looked up once.
  if exists (select 1 from (select distinct company_id, action_id from new_items) n
      left join lateral (select 1 as found from dunning_actions a
        where a.company_id = n.company_id and a.action_id = n.action_id limit 1) p on true
      where p.found is null) then
    raise exception 'a dunning action item names no dunning action of its company'
      using errcode = 'foreign_key_violation';
  end if;
  if exists (select 1 from new_items n
      left join lateral (select 1 as found from documents d
        where d.company_id = n.company_id and d.document_id = n.document_id limit 1) p on true
      where p.found is null) then
    raise exception 'a dunning action item names no document of its company'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger dunning_action_items_parents after insert on dunning_action_items
  referencing new table as new_items
  for each statement execute function dunning_action_items_parents();

create function documents_keep_dunning_items() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_documents g
      cross join lateral (select 1 from dunning_action_items i
        where i.company_id = g.company_id and i.document_id = g.document_id limit 1) named) then
    raise exception 'a document named by a dunning action item cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger documents_keep_dunning_items after delete on documents
  referencing old table as gone_documents
  for each statement execute function documents_keep_dunning_items();

create function dunning_actions_keep_items() returns trigger language plpgsql as $$
begin
  if exists (select 1 from gone_actions g
      cross join lateral (select 1 from dunning_action_items i
        where i.company_id = g.company_id and i.action_id = g.action_id limit 1) named) then
    raise exception 'a dunning action with items cannot be deleted'
      using errcode = 'foreign_key_violation';
  end if;
  return null;
end $$;

create trigger dunning_actions_keep_items after delete on dunning_actions
  referencing old table as gone_actions
  for each statement execute function dunning_actions_keep_items();
