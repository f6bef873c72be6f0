-- Group receipts: one bank line applied to several customers (a parent paying its subsidiaries'
-- invoices with one transfer). An allocation joins documents of one customer, so the line becomes
-- one payment document per customer; each is recorded here with the decision that wrote it, the
-- write-off it carried and the decision that reversed it. A receipt applied to one customer has
-- one row (bank_transactions.payment_document_id still names its payment).

create table cash_applications (
  company_id text not null,
  application_id bigint generated always as identity,
  decision_id bigint not null,
  transaction_id bigint not null,
  customer_code text not null,
  payment_document_id bigint not null,
  write_off_document_id bigint,
  -- The bank line's money given to this customer: the applications of a decision add up to the line.
  amount_minor bigint not null check (amount_minor > 0),
  -- Set once, by the reversal that cancelled the payment (null while the application is in force).
  reversed_by_decision_id bigint,
  primary key (company_id, application_id),
  unique (company_id, payment_document_id),
  unique (company_id, decision_id, customer_code),
  foreign key (company_id, decision_id) references cash_decisions (company_id, decision_id) on delete cascade,
  foreign key (company_id, transaction_id) references bank_transactions (company_id, transaction_id) on delete cascade,
  foreign key (company_id, payment_document_id) references documents (company_id, document_id) on delete cascade,
  foreign key (company_id, write_off_document_id) references documents (company_id, document_id) on delete cascade,
  foreign key (company_id, reversed_by_decision_id) references cash_decisions (company_id, decision_id) on delete cascade
);
create index cash_applications_transaction on cash_applications (company_id, transaction_id);

-- The applications made before this migration: one per applying decision, reversed by the next
-- reversal of the same line if there is one.
insert into cash_applications (company_id, decision_id, transaction_id, customer_code, payment_document_id,
  write_off_document_id, amount_minor, reversed_by_decision_id)
select d.company_id, d.decision_id, d.transaction_id, d.customer_code, d.payment_document_id,
  w.document_id, -p.amount_minor,
  (select min(r.decision_id) from cash_decisions r
    where r.company_id = d.company_id and r.transaction_id = d.transaction_id
      and r.decision = 'reversed' and r.decision_id > d.decision_id)
from cash_decisions d
join documents p on p.company_id = d.company_id and p.document_id = d.payment_document_id
left join documents w on w.company_id = d.company_id
  and w.document_id = nullif(d.proposal ->> 'writeOffDocumentId', '')::bigint
where d.decision in ('auto', 'accepted', 'corrected') and d.customer_code is not null
  and p.amount_minor < 0;
