-- One narrow row per allocation with what the indicators read of its two documents
-- (src/db/reports/kpis.ts, periodAllocations).
--
-- Why: the 12-month indicators group the allocations of the period (a quarter of a ledger's
-- allocations) by the due date and customer of the debit and the kind and date of the credit:
-- two index lookups into documents per allocation, ≈ 3.5 s of database CPU at 100,000 customers.
-- Kept beside the allocation, those columns make the same grouping one range scan of a narrow
-- table.
--
-- Allocations are append-only (a reversal is a new row), so each insert adds its rows; a
-- document correction that changes a column copied here rewrites the rows of its allocations;
-- the rows go with their allocations when a company is deleted. A row holds the debit's current
-- customer, due date, issue date (and the last day of its month) and whether it is an invoice,
-- and the credit's issue date (and the first day of its month) when the credit is a payment, null
-- otherwise. The month bounds are stored because computing them per row (date_trunc goes through
-- a timestamp) was a third of the reading's CPU.
create table allocation_facts (
  company_id text not null,
  allocation_id bigint not null,
  allocation_date date not null,
  amount_minor bigint not null,
  customer_code text not null,
  due_date date not null,
  debit_issue_date date not null,
  debit_month_end date not null,
  debit_is_invoice boolean not null,
  payment_date date,
  payment_month date,
  primary key (company_id, allocation_id)
);
create index allocation_facts_date on allocation_facts (company_id, allocation_date);

-- The row's columns are written out here, in the correction trigger and in the fill below rather
-- than read from one view over allocations: joined to the transition table, such a view was
-- planned as a hash join over every allocation of the database for each insert statement
-- (130 ms for 5,000 rows at 20,000 customers), on the path of every payment and cash match.
create function allocation_facts_after_allocation_insert() returns trigger language plpgsql as $$
begin
  insert into allocation_facts (company_id, allocation_id, allocation_date, amount_minor, customer_code, due_date,
    debit_issue_date, debit_month_end, debit_is_invoice, payment_date, payment_month)
  select a.company_id, a.allocation_id, a.allocation_date, a.amount_minor, deb.customer_code, deb.due_date,
    deb.issue_date, (date_trunc('month', deb.issue_date) + interval '1 month')::date - 1, deb.kind = 'invoice',
    case when cr.kind = 'payment' then cr.issue_date end,
    case when cr.kind = 'payment' then date_trunc('month', cr.issue_date)::date end
  from new_rows a
  join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
  join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id;
  return null;
end $$;

-- Allocations are deleted only with their company (the guard of 0003 refuses anything else).
create function allocation_facts_after_allocation_delete() returns trigger language plpgsql as $$
begin
  delete from allocation_facts f using old_rows a
  where f.company_id = a.company_id and f.allocation_id = a.allocation_id;
  return null;
end $$;

-- A corrected document (same reference, new customer, dates or kind) rewrites its allocations'
-- rows; an update that leaves those columns alone costs one comparison of the statement's rows.
create function allocation_facts_after_document_update() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in
    select n.company_id, array_agg(n.document_id) as ids
    from new_rows n join old_rows o on o.company_id = n.company_id and o.document_id = n.document_id
    where (n.customer_code, n.issue_date, n.due_date, n.kind)
      is distinct from (o.customer_code, o.issue_date, o.due_date, o.kind)
    group by n.company_id
  loop
    update allocation_facts f set customer_code = deb.customer_code, due_date = deb.due_date,
      debit_issue_date = deb.issue_date,
      debit_month_end = (date_trunc('month', deb.issue_date) + interval '1 month')::date - 1,
      debit_is_invoice = deb.kind = 'invoice', payment_date = case when cr.kind = 'payment' then cr.issue_date end,
      payment_month = case when cr.kind = 'payment' then date_trunc('month', cr.issue_date)::date end
    from allocations a
    join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
    join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id
    where a.company_id = changed.company_id
      and (a.debit_document_id = any (changed.ids) or a.credit_document_id = any (changed.ids))
      and f.company_id = a.company_id and f.allocation_id = a.allocation_id;
  end loop;
  return null;
end $$;

create trigger allocations_facts_insert after insert on allocations
  referencing new table as new_rows for each statement
  execute function allocation_facts_after_allocation_insert();
create trigger allocations_facts_delete after delete on allocations
  referencing old table as old_rows for each statement
  execute function allocation_facts_after_allocation_delete();
create trigger documents_allocation_facts_update after update on documents
  referencing old table as old_rows new table as new_rows for each statement
  execute function allocation_facts_after_document_update();

insert into allocation_facts (company_id, allocation_id, allocation_date, amount_minor, customer_code, due_date,
  debit_issue_date, debit_month_end, debit_is_invoice, payment_date, payment_month)
select a.company_id, a.allocation_id, a.allocation_date, a.amount_minor, deb.customer_code, deb.due_date,
  deb.issue_date, (date_trunc('month', deb.issue_date) + interval '1 month')::date - 1, deb.kind = 'invoice',
    case when cr.kind = 'payment' then cr.issue_date end,
    case when cr.kind = 'payment' then date_trunc('month', cr.issue_date)::date end
from allocations a
join documents deb on deb.company_id = a.company_id and deb.document_id = a.debit_document_id
join documents cr on cr.company_id = a.company_id and cr.document_id = a.credit_document_id;
-- Planner statistics for the first reads, before autovacuum gets to the new table.
analyze allocation_facts;
