-- Whether a stored prediction expects an ordinary payment (core/forecast/types.ts `paymentExpected`):
-- false for a claim from before its customer's insolvency judgment and for an invoice so old that
-- most invoices as old stayed unpaid a year on. Their dates are not a forecast (the median of a very
-- old invoice is the horizon, a year after the run), so the scoring's predicted delay leaves them
-- out and counts their amount apart (src/db/credit/prediction-inputs.ts). Null: a run stored before
-- this column, whose predictions were all read as expected.
alter table invoice_predictions add column payment_expected boolean;
