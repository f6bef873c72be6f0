-- A group receipt bounces as a whole: the bank sends the line back, so every payment it became
-- (one per customer, migration 0019) bounces with it in one transaction. Each application records
-- the bounced-payment document of its payment, so the statement's return line — one line on the
-- bank's side — is reconciled with all the bounced payments of the customers it paid, not only
-- the one the line names.
alter table cash_applications add column bounced_document_id bigint;
alter table cash_applications add foreign key (company_id, bounced_document_id)
  references documents (company_id, document_id) on delete cascade;
create index cash_applications_bounced on cash_applications (company_id, bounced_document_id)
  where bounced_document_id is not null;

-- The bounces recorded before: a receipt applied to one customer names its bounced payment.
update cash_applications a set bounced_document_id = t.bounced_document_id
from bank_transactions t
where t.company_id = a.company_id and t.transaction_id = a.transaction_id and t.direction = 'receipt'
  and t.status = 'bounced' and t.bounced_document_id is not null
  and t.payment_document_id = a.payment_document_id and a.reversed_by_decision_id is null;

-- Cash application at scale. The references of a batch of receipts are looked up by their digits
-- in the expression index of 0009; that index is partial (invoices and credit notes), and the
-- planner keeps no statistics of a partial index's expression, so it took each key for 1/200 of
-- the ledger and read all of it (seconds per batch of 2,000 receipts on 1,000,000 invoices, the
-- regular expression run on every row). Statistics on the expression give it the true figure
-- (one document a key), and the lookup becomes a probe of the index per key.
create statistics documents_ref_digits_values on (ltrim(regexp_replace(external_ref, '\D', '', 'g'), '0'))
  from documents;
analyze documents;

-- Receipts that name nobody are offered the customers owing exactly their amount: without an
-- index each batch read every open item of the company (a second on 1,000,000 invoices).
create index open_items_open_minor on open_items (company_id, open_minor);
