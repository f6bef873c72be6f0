-- How an invoice was sent to its customer: on paper or electronically (issue 14). A per-invoice
-- fact known when it is issued (a customer switching to electronic invoicing has paper invoices
-- before the switch and electronic ones after), and one the payment-date model learns from: on
-- IBM's public accounts-receivable sample electronic invoices are paid about 6 days sooner than
-- paper ones, and learning that lifts the single cut-off late accuracy (BENCHMARKS.md). Null when
-- the invoices file did not say (every document before this migration).
alter table documents add column channel text;

-- NOT VALID: every existing row is null, which the check admits, so validating would only scan
-- the whole ledger (millions of rows) under the exclusive lock the column's addition holds. The
-- check applies to every row inserted or updated from now on.
alter table documents add constraint documents_channel
  check (channel in ('paper', 'electronic')) not valid;
