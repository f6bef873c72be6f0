-- The customers a dunning run was limited to (`encours dunning run --customer …`, the API's
-- `customerCodes`, the selection of an approved proposal): the policy replay's fidelity check
-- compares that day's steps for them alone. Null: the whole portfolio, as every run made before.
alter table dunning_runs add column customer_codes text[];
