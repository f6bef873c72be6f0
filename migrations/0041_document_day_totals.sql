-- Σ document amounts per issue day, kept at write time for the indicators (src/db/reports/kpis.ts).
--
-- Why: the 12-month indicators summed every document of four years by day (the countback DSO
-- walks back three years before the period) and the period's invoices by customer type: two
-- grouped scans of a million documents, ≈ 1.5 s of database CPU at 100,000 customers. Grouped
-- at write time, the same sums are a few thousand rows per year.
--
-- One row per (issue day, kind, sign, due date, customer type): the sign because the indicators
-- split debits by due date and count credits as one sum, the customer type for the sales by type.
-- Every amount of a row has the row's sign, so a row whose sum comes back to zero is empty and is
-- deleted. The customer type is the customer's current one: a change of type moves the customer's
-- documents from the old type's rows to the new one's (a rare, per-customer write).
--
-- Kept by statement-level triggers with transition tables on documents (inserted, corrected,
-- deleted with their company), like the open-item state (0003), and a row trigger on a change of
-- customer type. A salesperson's indicators still read the documents (their customers are a
-- selection these sums cannot give).
create table document_day_totals (
  company_id text not null,
  issue_date date not null,
  kind text not null,
  debit boolean not null,
  due_date date not null,
  customer_type text not null,
  amount_minor bigint not null,
  primary key (company_id, issue_date, kind, debit, due_date, customer_type)
) with (fillfactor = 70);
-- Room left in each page: a day's rows are rewritten by every write of that day, and without an
-- index on the amount the updates stay on their page (HOT), as for customer_open_debits (0031).

-- Adds the given deltas (one per key, in key order so that concurrent writers lock rows in the
-- same order); a row brought to zero is deleted.
create function apply_document_day_totals(
  p_companies text[], p_days date[], p_kinds text[], p_debits boolean[], p_due_dates date[], p_types text[],
  p_deltas bigint[]
) returns void language sql as $$
  insert into document_day_totals as t (company_id, issue_date, kind, debit, due_date, customer_type, amount_minor)
  select * from unnest(p_companies, p_days, p_kinds, p_debits, p_due_dates, p_types, p_deltas)
  on conflict (company_id, issue_date, kind, debit, due_date, customer_type)
    do update set amount_minor = t.amount_minor + excluded.amount_minor;
  delete from document_day_totals t
  using unnest(p_companies, p_days, p_kinds, p_debits, p_due_dates, p_types, p_deltas)
    as d(company_id, issue_date, kind, debit, due_date, customer_type, delta_minor)
  where (d.delta_minor < 0) = d.debit and t.company_id = d.company_id and t.issue_date = d.issue_date
    and t.kind = d.kind and t.debit = d.debit and t.due_date = d.due_date and t.customer_type = d.customer_type
    and t.amount_minor = 0;
$$;

-- The document rows of a statement, added (new_rows) or taken away (old_rows), summed per key and
-- applied. One function for the three triggers: each event reads only the transition tables it has
-- (a dynamic statement, so that a branch naming a table its event lacks is never planned).
create function document_day_totals_after_documents() returns trigger language plpgsql as $$
declare
  sides text;
  companies text[];
  days date[];
  kinds text[];
  debits boolean[];
  due_dates date[];
  types text[];
  deltas bigint[];
begin
  sides := case TG_OP
    when 'INSERT' then 'select *, 1 as factor from new_rows'
    when 'DELETE' then 'select *, -1 as factor from old_rows'
    -- Only the documents whose counted columns changed (an update of a label moves nothing).
    else 'select side.* from new_rows n join old_rows o on o.company_id = n.company_id
        and o.document_id = n.document_id
      cross join lateral (select n.*, 1 as factor union all select o.*, -1) side
      where (n.issue_date, n.kind, n.due_date, n.customer_code, n.amount_minor)
        is distinct from (o.issue_date, o.kind, o.due_date, o.customer_code, o.amount_minor)'
  end;
  execute format($q$
    select array_agg(company_id order by k), array_agg(issue_date order by k), array_agg(kind order by k),
      array_agg(debit order by k), array_agg(due_date order by k), array_agg(customer_type order by k),
      array_agg(delta_minor order by k)
    from (
      select d.company_id, d.issue_date, d.kind, d.amount_minor > 0 as debit, d.due_date, c.customer_type,
        sum(d.amount_minor * d.factor)::int8 as delta_minor,
        row_number() over (order by d.company_id, d.issue_date, d.kind, d.amount_minor > 0, d.due_date,
          c.customer_type) as k
      from (%s) d join customers c on c.company_id = d.company_id and c.code = d.customer_code
      group by d.company_id, d.issue_date, d.kind, d.amount_minor > 0, d.due_date, c.customer_type
      having sum(d.amount_minor * d.factor) <> 0
    ) grouped$q$, sides)
  into companies, days, kinds, debits, due_dates, types, deltas;
  if companies is not null then
    perform apply_document_day_totals(companies, days, kinds, debits, due_dates, types, deltas);
  end if;
  return null;
end $$;

create trigger documents_day_totals_insert after insert on documents
  referencing new table as new_rows for each statement
  execute function document_day_totals_after_documents();
create trigger documents_day_totals_update after update on documents
  referencing old table as old_rows new table as new_rows for each statement
  execute function document_day_totals_after_documents();
create trigger documents_day_totals_delete after delete on documents
  referencing old table as old_rows for each statement
  execute function document_day_totals_after_documents();

-- A customer changing type takes its documents from the old type's rows to the new one's.
create function document_day_totals_after_customer_type() returns trigger language plpgsql as $$
begin
  perform apply_document_day_totals(companies, days, kinds, debits, due_dates, types, deltas)
  from (
    select array_agg(company_id order by k) as companies, array_agg(issue_date order by k) as days,
      array_agg(kind order by k) as kinds, array_agg(debit order by k) as debits,
      array_agg(due_date order by k) as due_dates, array_agg(customer_type order by k) as types,
      array_agg(delta_minor order by k) as deltas
    from (
      select d.company_id, d.issue_date, d.kind, d.amount_minor > 0 as debit, d.due_date, t.customer_type,
        sum(d.amount_minor * t.sign)::int8 as delta_minor,
        row_number() over (order by d.company_id, d.issue_date, d.kind, d.amount_minor > 0, d.due_date, t.customer_type) as k
      from documents d
      cross join (values (old.customer_type, -1), (new.customer_type, 1)) t(customer_type, sign)
      where d.company_id = new.company_id and d.customer_code = new.code
      group by d.company_id, d.issue_date, d.kind, 4, d.due_date, t.customer_type
    ) grouped
  ) arrays
  where companies is not null;
  return null;
end $$;

create trigger customers_day_totals_type after update on customers
  for each row when (old.customer_type is distinct from new.customer_type)
  execute function document_day_totals_after_customer_type();

insert into document_day_totals (company_id, issue_date, kind, debit, due_date, customer_type, amount_minor)
select d.company_id, d.issue_date, d.kind, d.amount_minor > 0, d.due_date, c.customer_type, sum(d.amount_minor)
from documents d join customers c on c.company_id = d.company_id and c.code = d.customer_code
group by 1, 2, 3, 4, 5, 6;
-- Planner statistics for the first reads, before autovacuum gets to the new table.
analyze document_day_totals;
