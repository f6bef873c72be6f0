-- The 1st half of 2026 was seeded (0008) as « BCE 18/12/2025 », but the ECB's meeting of December
-- 2025 left its rates unchanged: the 2.15 % main refinancing rate in force on 1 January 2026 has
-- applied since 11/06/2025, the date the rates page shows as « en vigueur depuis ». The rate itself
-- was right. Only the seeded row is corrected: a source someone typed, or a row an admin entered
-- again, stays as it is.
update late_payment_rates
set source = 'BCE 11/06/2025; taux légal 2026 S1',
    updated_at = now(),
    updated_by = 'migration'
where semester = '2026H1'
  and source = 'BCE 18/12/2025; taux légal 2026 S1'
  and updated_by = 'migration';
