-- The order check reads a customer's open items (due date and open amount of each, issued by the
-- check's date) through 0033's index by customer, then each item's row in the table: about ten
-- items per customer at 1,000,000 open items, nearly each on a page of its own: 12 of the 26 pages
-- the check's statement touched per customer were the items' (EXPLAIN (ANALYZE, BUFFERS)), and
-- they grew with the customer's items. With the columns it reads carried in the index, the read
-- is an index-only scan of one or two leaf pages (3 pages per customer).
--
-- The same key as 0033's index, which it replaces (same name, so every plan that used it keeps
-- it: the dunning run's slices by customer range, the cash matching's reads by customer): one
-- index to keep on each open-item write, not two. `customer_code` is included besides its "C"
-- expression because PostgreSQL allows an index-only scan only when every column the query names
-- is stored in the index as a column.
drop index open_items_customer;
create index open_items_customer on open_items (company_id, (customer_code collate "C"))
  include (customer_code, issue_date, due_date, open_minor);

-- An index-only scan reads the row anyway on a page not marked all-visible, i.e. changed since it
-- was last vacuumed. Allocations rewrite open items all day, so the table is vacuumed after 2 %
-- of its rows changed or were inserted instead of the default 20 %: a vacuum of the narrow table
-- costs little, and between two of them only the pages changed since fall back to the row read.
alter table open_items set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
