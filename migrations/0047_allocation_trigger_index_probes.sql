-- The allocations' open-item trigger (0003) joins the statement's delta — the documents its
-- allocations touch, a few thousand for a batch of cash application (insertAllocations writes
-- 5,000 allocations a statement at most) — with open_items and, for reversals, settled_documents.
-- The planner prices each index probe as a page read from disk and chose hash joins over a scan
-- of the whole table, twice per statement (the update of the items still open and the delete of
-- those settled): against 200,000 open items a statement of 2,500 allocations spent 1.1 s there
-- and 0.17 s with index probes (EXPLAIN ANALYZE), and the scans grow with the open items
-- (1,000,000 in the cash benchmark) where the probes do not. The body is 0003's, unchanged but for
-- the join methods, set for its own statements only.
create or replace function open_items_after_allocation_insert() returns trigger language plpgsql as $$
declare
  probe boolean;
  hash_join text := current_setting('enable_hashjoin');
  merge_join text := current_setting('enable_mergejoin');
begin
  -- A temporary table rather than a CTE: analysed, so that bulk statements get hash joins.
  create temporary table allocation_delta on commit drop as
  select company_id, document_id, sum(settled_minor)::int8 as settled_minor,
    min(allocation_date) as first_date, max(allocation_date) as last_date
  from (
    select company_id, debit_document_id as document_id, amount_minor as settled_minor, allocation_date
    from inserted_allocations
    union all
    select company_id, credit_document_id, -amount_minor, allocation_date from inserted_allocations
  ) sides group by company_id, document_id;
  analyze allocation_delta;
  -- A delta of up to 20,000 documents is joined by index probes (see above); a larger one (a
  -- rebuild) as the planner likes. Set for the transaction, so put back before returning.
  probe := (select count(*) from allocation_delta) <= 20000;
  if probe then
    perform set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
  end if;

  if exists (select 1 from inserted_allocations where amount_minor < 0) then
    -- Settled documents whose amount moves reopen with it, and leave the delta done.
    with reopened as (
      delete from settled_documents s using allocation_delta d
      where s.company_id = d.company_id and s.document_id = d.document_id and d.settled_minor <> 0
      returning s.company_id, s.document_id, s.customer_code, s.issue_date, s.due_date, s.amount_minor,
        -d.settled_minor as open_minor, least(s.first_allocation_date, d.first_date) as first_date,
        greatest(s.settled_on, d.last_date) as last_date
    ), reinserted as (
      insert into open_items (company_id, document_id, customer_code, issue_date, due_date, amount_minor,
        open_minor, first_allocation_date, last_allocation_date)
      select company_id, document_id, customer_code, issue_date, due_date, amount_minor, open_minor, first_date,
        last_date
      from reopened
      returning company_id, document_id
    )
    delete from allocation_delta d using reinserted r
    where d.company_id = r.company_id and d.document_id = r.document_id;
    -- Settled before and after (a reversal and its replacement together): the dates widen.
    update settled_documents s set settled_on = greatest(s.settled_on, d.last_date),
      first_allocation_date = least(s.first_allocation_date, d.first_date)
    from allocation_delta d
    where s.company_id = d.company_id and s.document_id = d.document_id and d.settled_minor = 0
      and (d.last_date > s.settled_on or d.first_date < s.first_allocation_date);
  end if;

  -- Open documents: the amount moves, or the document moves to settled_documents (disjoint rows).
  with still_open as (
    update open_items o set open_minor = o.open_minor - d.settled_minor,
      first_allocation_date = least(o.first_allocation_date, d.first_date),
      last_allocation_date = greatest(o.last_allocation_date, d.last_date)
    from allocation_delta d
    where o.company_id = d.company_id and o.document_id = d.document_id and o.open_minor <> d.settled_minor
  ), now_settled as (
    delete from open_items o using allocation_delta d
    where o.company_id = d.company_id and o.document_id = d.document_id and o.open_minor = d.settled_minor
    returning o.company_id, o.document_id, o.customer_code, o.issue_date, o.due_date, o.amount_minor,
      least(o.first_allocation_date, d.first_date) as first_date,
      greatest(o.last_allocation_date, d.last_date) as settled_on
  )
  insert into settled_documents (company_id, document_id, customer_code, issue_date, due_date, amount_minor,
    first_allocation_date, settled_on)
  select company_id, document_id, customer_code, issue_date, due_date, amount_minor, first_date, settled_on
  from now_settled;
  drop table allocation_delta;
  if probe then
    perform set_config('enable_hashjoin', hash_join, true), set_config('enable_mergejoin', merge_join, true);
  end if;
  return null;
end $$;
