-- The order check asks of every customer whether it heads a group (some customer names it as its
-- group_code) and reads the members of a group: without an index each check scanned the whole
-- customers table of the company. Most customers head no group, hence the partial index.
create index customers_group on customers (company_id, group_code) where group_code is not null;
