-- What a dunning slice reads of its invoices' documents (reference, currency, amount), carried in
-- an index ordered like the slices: by customer code in byte order.
--
-- Why: a slice reads the open items of a range of customers (0033/0049's index), then looked up
-- each invoice's `documents` row by primary key. The ledger's rows are in the order they were
-- imported, not by customer, so the ~20,000 invoices of a slice at 1,000,000 open items sat on as
-- many heap pages: about 1.0 s of a slice's 2.0 s (EXPLAIN (ANALYZE, BUFFERS)), 50 slices a run.
-- With this index the slice reads its customers' invoices as one index-only range scan (~300
-- contiguous leaf pages, 20 ms) and joins them to the open items by hash.
--
-- Partial (invoices only: what the run dunns), so credits, payments and write-offs pay nothing on
-- insert. `customer_code` is the "C" expression only: the read compares codes in byte order, the
-- order of the slices' ranges.
create index documents_dunning_invoices on documents (company_id, (customer_code collate "C"), document_id)
  include (external_ref, currency, amount_minor)
  where kind = 'invoice';
