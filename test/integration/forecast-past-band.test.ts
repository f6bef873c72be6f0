/**
 * The collection forecast's band widened by the record of the forecasts stored before
 * (core/forecast/past-errors.ts): planted past forecasts, half of them twice what came in and
 * half of them half of it, make this week's and the next week's bands run from half to twice
 * their forecast; the days and months keep the model's band.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastCollections } from '#app/forecast/collections';
import { addDays } from '#core/calendar';
import {
  insertForecastRunHeader,
  insertForecastWeeks,
  selectReceiptsByWeek,
} from '#db/forecast/forecast-store';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
/** The Sunday before the as-of date: the stored runs are dated on Sundays, a week apart. */
const LAST_SUNDAY = '2026-06-28';
const PAST_WEEKS = 20;

let database: TestDatabase;
beforeAll(async () => {
  database = await openDemoTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('the band of the collection forecast', () => {
  it('is widened to the past forecasts’ own errors one week ahead, and further ahead borrows it (a young record)', async () => {
    const ctx = database.context('CB2C', AS_OF);
    const before = await forecastCollections(ctx, { asOf: AS_OF, by: ['day', 'month'] });
    const receipts = await selectReceiptsByWeek(ctx.db, 'CB2C', 'EUR', '2025-01-01', AS_OF);
    for (let k = 1; k <= PAST_WEEKS; k += 1) {
      const asOf = addDays(LAST_SUNDAY, -7 * k);
      const weekStart = addDays(asOf, 1);
      const actualMinor = receipts.get(weekStart) ?? 0;
      expect(actualMinor).toBeGreaterThan(0);
      const forecastMinor = k % 2 === 0 ? actualMinor * 2 : Math.round(actualMinor / 2);
      const runId = await insertForecastRunHeader(ctx.db, {
        company_id: 'CB2C',
        as_of: asOf,
        model_version: 'planted',
        currency: 'EUR',
        open_invoices: 0,
        created_by: 'test',
        model_id: null,
      });
      await insertForecastWeeks(ctx.db, 'CB2C', runId, [
        {
          week_start: weekStart,
          from_open_items_minor: forecastMinor,
          from_future_sales_minor: 0,
          low_minor: forecastMinor,
          high_minor: forecastMinor,
        },
      ]);
    }
    const after = await forecastCollections(ctx, { asOf: AS_OF, by: ['day', 'month'] });
    // Week 0 holds the as-of date (a Tuesday) and takes the record of one week ahead, as week 1
    // (from Monday 6 July) does.
    const [thisWeek, nextWeek, later] = [after.weeks[0], after.weeks[1], after.weeks[2]];
    if (!thisWeek || !nextWeek || !later) throw new Error('13 weeks');
    const amountOf = (period: { fromOpenItemsMinor: number; fromFutureSalesMinor: number }) =>
      period.fromOpenItemsMinor + period.fromFutureSalesMinor;
    for (const [index, week] of [thisWeek, nextWeek].entries()) {
      // Never narrowed: the partial week's own low was already under half its forecast.
      expect(week.lowMinor).toBe(
        Math.min(before.weeks[index]?.lowMinor ?? 0, Math.round(amountOf(week) * 0.5)),
      );
      expect(week.highMinor).toBeGreaterThanOrEqual(Math.round(amountOf(week) * 2) - 1);
      expect(week.highMinor).toBeGreaterThan(before.weeks[index]?.highMinor ?? Infinity);
    }
    // Two weeks ahead the record holds nothing of its own: a young record lends the farthest
    // horizon it holds, one week ahead, never narrowing the model's band.
    expect(later.lowMinor).toBe(Math.min(before.weeks[2]?.lowMinor ?? 0, Math.round(amountOf(later) * 0.5)));
    expect(later.highMinor).toBe(Math.max(before.weeks[2]?.highMinor ?? 0, Math.round(amountOf(later) * 2)));
    expect(later.highMinor).toBeGreaterThan(before.weeks[2]?.highMinor ?? Infinity);

    // The days and months keep the model's band: the record's weekly errors are mostly money moving
    // between weeks (bench/forecast-month-band.ts).
    expect(after.days).toEqual(before.days);
    expect(after.months).toEqual(before.months);
  });
});
