-- A dunning run plans a slice of a few thousand customers at a time (src/app/dunning/plan-slices.ts)
-- so that its memory follows the slice, not the company. Without an index by customer each slice's
-- read of the open-item state scanned every open item of the company and kept the slice's: a run
-- over 100,000 customers in slices of 2,000 scanned the open items fifty times. A slice is a range
-- of customer codes in byte order (the planner's order, as customers_code_bytes of 0028), so each
-- slice now reads its own range of this index and the whole run reads the open items about once.
-- Migration 0003 left an index by customer out because it adds to every document insert; the open
-- items are the small side of the ledger (settled documents leave the table), and this is one more
-- key per open document against a scan of all of them per slice of every run and preview.
create index open_items_customer on open_items (company_id, (customer_code collate "C"));
