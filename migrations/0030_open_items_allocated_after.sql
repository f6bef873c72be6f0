-- A read as of a date D (src/db/ledger/open-items.ts) looks for the open items partly settled
-- around D: first allocation on or before D, latest after it. As of today there are none, yet
-- without an index every aged balance, risk table, customer list sorted by balance or overdue
-- and anomaly trend date paid a second full scan of the open items to find that out. A new
-- document has no allocation (null dates), hence the partial index: document inserts do not
-- maintain it, only allocations, which already rewrite the open-item row.
create index open_items_last_allocation on open_items (company_id, last_allocation_date)
  where last_allocation_date is not null;
