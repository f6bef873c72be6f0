-- Each customer's open debits now (Σ of its positive current open amounts in open_items), kept by
-- statement-level triggers on open_items, which the ledger's own triggers (0003) already keep.
--
-- Why: the customer list sorted by overdue amount as of a date had to compute every customer's
-- overdue amount (a grouped scan of every open item) to show fifty of them. When no allocation is
-- dated after the date, a customer's overdue amount at that date is a part of its open debits now,
-- so this figure bounds it from above: the list reads customers by decreasing bound, computes the
-- exact overdue amount of those alone, and stops once the page's last exact figure exceeds the
-- bound of every customer not read (src/db/customers/customer-list.ts). The overdue amount
-- itself depends on the date, so it is never stored.
--
-- A customer without open debits has no row (the check keeps the table to the customers that
-- count); deleting a company's documents takes its rows with them.
create table customer_open_debits (
  company_id text not null,
  customer_code text not null,
  open_debit_minor bigint not null check (open_debit_minor > 0),
  primary key (company_id, customer_code)
) with (fillfactor = 70);
-- No index by amount: every ledger write updates these rows, and with only the key indexed (and
-- room left in each page) the updates stay on their page (HOT): 50,000 of them took 1.3 s instead
-- of 4.8 s with an amount index. The list sorts the narrow table's top rows instead (~100,000 rows).

-- Adds the given deltas (one per customer); a row brought to zero is deleted. Increases go
-- through an insert (a new customer, or ON CONFLICT adds to the row), decreases through a delete
-- or an update: a check constraint is evaluated on the row an insert proposes before ON CONFLICT
-- turns it into an update, so a negative delta may not be proposed. Plain statements rather than
-- CTEs joined to each other's output, which the planner cannot size (a bulk load took 5× longer).
create function apply_customer_open_debits(p_companies text[], p_customers text[], p_deltas bigint[])
returns void language sql as $$
  insert into customer_open_debits as t (company_id, customer_code, open_debit_minor)
  select company_id, customer_code, delta_minor
  from unnest(p_companies, p_customers, p_deltas) as d(company_id, customer_code, delta_minor)
  where delta_minor > 0
  on conflict (company_id, customer_code)
    do update set open_debit_minor = t.open_debit_minor + excluded.open_debit_minor;
  delete from customer_open_debits t
  using unnest(p_companies, p_customers, p_deltas) as d(company_id, customer_code, delta_minor)
  where d.delta_minor < 0 and t.company_id = d.company_id and t.customer_code = d.customer_code
    and t.open_debit_minor + d.delta_minor = 0;
  update customer_open_debits t set open_debit_minor = t.open_debit_minor + d.delta_minor
  from unnest(p_companies, p_customers, p_deltas) as d(company_id, customer_code, delta_minor)
  where d.delta_minor < 0 and t.company_id = d.company_id and t.customer_code = d.customer_code;
$$;

-- One function for the three triggers: each names its transition tables new_rows / old_rows, and
-- a branch reads only the tables its event has.
create function customer_open_debits_after_open_items() returns trigger language plpgsql as $$
declare
  companies text[];
  customers text[];
  deltas bigint[];
begin
  if TG_OP = 'INSERT' then
    select array_agg(company_id order by company_id, customer_code),
      array_agg(customer_code order by company_id, customer_code), array_agg(minor order by company_id, customer_code)
    into companies, customers, deltas
    from (select company_id, customer_code, sum(open_minor)::int8 as minor from new_rows
      where open_minor > 0 group by 1, 2) d;
  elsif TG_OP = 'DELETE' then
    select array_agg(company_id order by company_id, customer_code),
      array_agg(customer_code order by company_id, customer_code), array_agg(minor order by company_id, customer_code)
    into companies, customers, deltas
    from (select company_id, customer_code, -sum(open_minor)::int8 as minor from old_rows
      where open_minor > 0 group by 1, 2) d;
  else
    select array_agg(company_id order by company_id, customer_code),
      array_agg(customer_code order by company_id, customer_code), array_agg(minor order by company_id, customer_code)
    into companies, customers, deltas
    from (select company_id, customer_code, sum(minor)::int8 as minor from (
        select company_id, customer_code, open_minor as minor from new_rows where open_minor > 0
        union all
        select company_id, customer_code, -open_minor from old_rows where open_minor > 0
      ) sides group by 1, 2 having sum(minor) <> 0) d;
  end if;
  if companies is not null then
    perform apply_customer_open_debits(companies, customers, deltas);
  end if;
  return null;
end $$;

create trigger open_items_customer_debits_insert after insert on open_items
  referencing new table as new_rows for each statement
  execute function customer_open_debits_after_open_items();
create trigger open_items_customer_debits_update after update on open_items
  referencing old table as old_rows new table as new_rows for each statement
  execute function customer_open_debits_after_open_items();
create trigger open_items_customer_debits_delete after delete on open_items
  referencing old table as old_rows for each statement
  execute function customer_open_debits_after_open_items();

insert into customer_open_debits (company_id, customer_code, open_debit_minor)
select company_id, customer_code, sum(open_minor) from open_items where open_minor > 0 group by 1, 2;
