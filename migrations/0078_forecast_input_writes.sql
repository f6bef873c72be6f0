-- Per company, the writes to what the payment forecast reads, logged by the database itself, so that
-- a training, the collection curves' history and a prediction pass can be shared by the reads that
-- see the same forecast inputs (src/db/forecast/forecast-input-version.ts), not only by those at the
-- same snapshot: every committed write changes the snapshot (a sign-in's session row, an audit line,
-- a job), so the first dashboard after signing in trained again on an unchanged ledger.
--
-- One row per writing transaction and company (`xact`, unique), added by statement-level triggers
-- with transition tables on every table whose rows the training, the curves or the predictions read
-- (src/db/forecast: forecast-queries, forecast-events, forecast-insolvency, collection-history):
--   companies (the currency), customers (type, salesperson, status and its dates), documents,
--   allocations, the story lines of the kinds read (dispute, reminder, insolvency), the dunning
--   records (disputes, sent actions and their invoices, promises with their instalments and
--   invoices), the legal watch's announcements, and the audit lines that date a customer's move into
--   a procedure. open_items and settled_documents are not watched: only the triggers of documents
--   and allocations write them, inside the same statement. A query that starts reading another
--   table, or another kind of line, needs its trigger here.
--
-- The version a read sees is Σ `writes` over the rows its snapshot sees. A transaction's rows count
-- from its commit on, whatever its id or when it began (a transaction begun before another's write
-- and committing after it still moves the version, which max(write_id) would not), and the
-- transactions a snapshot sees only grow from one snapshot to a later one: two reads with the same
-- sum see the same writes. Rows are never deleted with their company: a company created again under
-- the same id goes on counting from where it was, and a result kept for its earlier data is never
-- served again.
--
-- The log is kept short: now and then (a write_id multiple of 128) a writing transaction replaces
-- each company's committed rows by one row holding their sum (`xact` null): the sum a snapshot sees
-- stays the same whether it sees the replacement or not. It takes turns (an advisory lock, skipped
-- when another one holds it) and runs only at read committed, where each statement sees the latest
-- commits and a delete leaves out rows another transaction deleted meanwhile; the inserted sum is
-- that of the rows this one deleted.
create table forecast_input_writes (
  company_id text not null,
  write_id bigint generated always as identity,
  xact xid8 default pg_current_xact_id(),
  writes bigint not null default 1 check (writes > 0),
  primary key (company_id, write_id)
);
create unique index forecast_input_writes_xact on forecast_input_writes (company_id, xact);

create function compact_forecast_input_writes() returns void language plpgsql as $$
begin
  if current_setting('transaction_isolation') <> 'read committed'
     or not pg_try_advisory_xact_lock(hashtext('forecast_input_writes:compact')) then
    return;
  end if;
  -- This transaction's own rows stay: its later statements find them (one row per transaction).
  with gone as (
    delete from forecast_input_writes w
     where w.xact is distinct from pg_current_xact_id()
       and w.company_id in (select company_id from forecast_input_writes
                             group by company_id having count(*) > 1)
    returning w.company_id, w.writes
  )
  insert into forecast_input_writes (company_id, xact, writes)
  select company_id, null, sum(writes) from gone group by company_id order by company_id;
end $$;

-- One row for the transaction for each of the companies a statement wrote (its own row already
-- there: nothing). Every few write ids, a compaction.
create function log_forecast_input_writes(p_companies text[]) returns void language plpgsql as $$
declare
  logged bigint[];
begin
  if p_companies is null then
    return;
  end if;
  with added as (
    insert into forecast_input_writes (company_id)
    select company_id from unnest(p_companies) company_id order by company_id
    on conflict (company_id, xact) do nothing
    returning write_id
  )
  select array_agg(write_id) into logged from added;
  if exists (select 1 from unnest(logged) id where id % 128 = 0) then
    perform compact_forecast_input_writes();
  end if;
end $$;

-- The companies of a statement's rows, from the transition tables its event has. Static SQL, planned
-- once per trigger and session: the same statements run dynamically (as 0041's) added ≈ 3 ms to a
-- one-statement write transaction, these ≈ 0.2 ms (pgbench on a server, a loaded 2-core machine,
-- medians of 7 runs). A branch is planned only when it runs: one naming a table its event lacks never is.
create function forecast_inputs_written() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    perform log_forecast_input_writes((select array_agg(distinct company_id) from new_rows));
  elsif TG_OP = 'DELETE' then
    perform log_forecast_input_writes((select array_agg(distinct company_id) from old_rows));
  else
    perform log_forecast_input_writes((select array_agg(distinct company_id) from (
      select company_id from new_rows union all select company_id from old_rows) written));
  end if;
  return null;
end $$;

-- The story lines forecast-events.ts and forecast-insolvency.ts read: disputes, reminders, insolvency.
create function forecast_story_lines_written() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    perform log_forecast_input_writes((select array_agg(distinct company_id) from new_rows
      where kind in ('dispute', 'reminder', 'insolvency')));
  elsif TG_OP = 'DELETE' then
    perform log_forecast_input_writes((select array_agg(distinct company_id) from old_rows
      where kind in ('dispute', 'reminder', 'insolvency')));
  else
    perform log_forecast_input_writes((select array_agg(distinct company_id) from (
      select company_id, kind from new_rows union all select company_id, kind from old_rows) written
      where kind in ('dispute', 'reminder', 'insolvency')));
  end if;
  return null;
end $$;

-- The audit lines forecast-insolvency.ts reads to date a customer's move into a procedure; a
-- sign-in's, a user's, a job's or another edit's line is none of them. (audit_log refuses updates.)
create function forecast_audit_lines_written() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    perform log_forecast_input_writes((select array_agg(distinct company_id) from new_rows
      where entity = 'customer' and action in ('customer.update', 'import.update')
        and after->>'status' is not null));
  else
    perform log_forecast_input_writes((select array_agg(distinct company_id) from old_rows
      where entity = 'customer' and action in ('customer.update', 'import.update')
        and after->>'status' is not null));
  end if;
  return null;
end $$;

-- The triggers of a table, one per event (a trigger with transition tables has one event).
create function watch_forecast_input(p_table text, p_events text[], p_function text)
returns void language plpgsql as $$
declare
  event text;
begin
  foreach event in array p_events loop
    execute format(
      'create trigger %I after %s on %I referencing %s for each statement execute function %I()',
      p_table || '_forecast_input_' || event, event, p_table,
      case event
        when 'insert' then 'new table as new_rows'
        when 'delete' then 'old table as old_rows'
        else 'old table as old_rows new table as new_rows'
      end,
      p_function);
  end loop;
end $$;

select watch_forecast_input(watched, array['insert', 'update', 'delete'], 'forecast_inputs_written')
  from unnest(array['companies', 'customers', 'documents', 'dunning_disputes', 'dunning_actions',
    'dunning_action_items', 'dunning_promises', 'dunning_promise_instalments', 'dunning_promise_invoices',
    'legal_announcements']) watched;
select watch_forecast_input('customer_events', array['insert', 'update', 'delete'],
  'forecast_story_lines_written');
-- allocations and audit_log refuse updates (0001): no update trigger.
select watch_forecast_input('allocations', array['insert', 'delete'], 'forecast_inputs_written');
select watch_forecast_input('audit_log', array['insert', 'delete'], 'forecast_audit_lines_written');

drop function watch_forecast_input(text, text[], text);
