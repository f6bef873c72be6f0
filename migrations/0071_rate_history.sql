-- The half-year rate history that migration 0008 left out: the ECB main refinancing rate in force
-- on the first day of each half-year (C. com. L441-10 II) and the taux de l'intérêt légal for
-- professional creditors (« autres cas »), from the 2nd half of 2014 to the 2nd half of 2022, and
-- the legal rates of 2023. Invoices due in those years otherwise had no late-payment interest
-- (rate_missing) and the rates page listed 17 missing half-years.
--
-- An admin may already have entered some of these half-years: a row present is left as it is
-- (on conflict do nothing), and a 2023 legal rate is set only where it is still missing.
--
-- ECB rates: 0.15 % from 11/06/2014, 0.05 % from 10/09/2014, 0.00 % from 16/03/2016 (the rise of
-- July 2022 took effect on 27/07/2022, after the 1st of July: 2022H2 keeps 0.00 %). The legal rate
-- of 2014 was annual (0.04 %), hence the same rate as 2014H1.
insert into late_payment_rates (semester, ecb_rate_bps, legal_interest_rate_bps, source) values
  ('2014H2', 15, 4, 'BCE 11/06/2014; taux légal 2014 S2'),
  ('2015H1', 5, 93, 'BCE 10/09/2014; taux légal 2015 S1'),
  ('2015H2', 5, 99, 'BCE 10/09/2014; taux légal 2015 S2'),
  ('2016H1', 5, 101, 'BCE 10/09/2014; taux légal 2016 S1'),
  ('2016H2', 0, 93, 'BCE 16/03/2016; taux légal 2016 S2'),
  ('2017H1', 0, 90, 'BCE 16/03/2016; taux légal 2017 S1'),
  ('2017H2', 0, 90, 'BCE 16/03/2016; taux légal 2017 S2'),
  ('2018H1', 0, 89, 'BCE 16/03/2016; taux légal 2018 S1'),
  ('2018H2', 0, 88, 'BCE 16/03/2016; taux légal 2018 S2'),
  ('2019H1', 0, 86, 'BCE 16/03/2016; taux légal 2019 S1'),
  ('2019H2', 0, 87, 'BCE 16/03/2016; taux légal 2019 S2'),
  ('2020H1', 0, 87, 'BCE 16/03/2016; taux légal 2020 S1'),
  ('2020H2', 0, 84, 'BCE 16/03/2016; taux légal 2020 S2'),
  ('2021H1', 0, 79, 'BCE 16/03/2016; taux légal 2021 S1'),
  ('2021H2', 0, 76, 'BCE 16/03/2016; taux légal 2021 S2'),
  ('2022H1', 0, 76, 'BCE 16/03/2016; taux légal 2022 S1'),
  ('2022H2', 0, 77, 'BCE 16/03/2016; taux légal 2022 S2')
on conflict (semester) do nothing;

-- The 2023 rows keep their ECB rate; the source gains the legal rate only while it is still the
-- one 0008 seeded (a source someone typed stays as typed).
update late_payment_rates as rate
set legal_interest_rate_bps = legal.bps,
    source = case when rate.source = legal.seed_source
      then legal.seed_source || '; taux légal ' || legal.label else rate.source end,
    updated_at = now(),
    updated_by = 'migration'
from (values
  ('2023H1', 206, 'BCE 21/12/2022', '2023 S1'),
  ('2023H2', 422, 'BCE 21/06/2023', '2023 S2')
) as legal (semester, bps, seed_source, label)
where rate.semester = legal.semester and rate.legal_interest_rate_bps is null;
