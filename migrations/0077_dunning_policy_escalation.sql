-- Per policy version, issue 12's escalation with the account (core/dunning/escalation.ts): a formal
-- notice takes in the customer's other invoices due for an amicable step (account_floor), and an
-- invoice never reminded catches up to the amicable step its lateness reached (catch_up_by_age).
-- Null: on, as every version saved before the settings could be stored.
alter table dunning_policies add column account_floor boolean, add column catch_up_by_age boolean;
