/**
 * The collection forecast's band widened by the record of the forecasts stored before
 * (core/forecast/past-errors.ts): planted past forecasts, half of them twice what came in and
 * half of them half of it, make the next week's band run from half to twice its forecast; the
 * days and the month of that week take their shares of what the record added
 * (core/forecast/period-record.ts).
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
  it('is widened to the past forecasts’ own errors one week ahead, and left alone further ahead', async () => {
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
    // Week 0 holds the as-of date (a Tuesday); week 1, from Monday 6 July, is one week ahead.
    const [nextWeek, later] = [after.weeks[1], after.weeks[2]];
    if (!nextWeek || !later) throw new Error('13 weeks');
    const total = nextWeek.fromOpenItemsMinor + nextWeek.fromFutureSalesMinor;
    expect(nextWeek.lowMinor).toBe(Math.round(total * 0.5));
    expect(nextWeek.highMinor).toBeGreaterThanOrEqual(Math.round(total * 2) - 1);
    expect(nextWeek.highMinor).toBeGreaterThan(before.weeks[1]?.highMinor ?? Infinity);
    // Two weeks ahead the record holds nothing: the model's band stands.
    expect(later).toEqual(before.weeks[2]);

    // What the record added above the week, as a variance, is shared among its seven days.
    const added = (high: number, modelHigh: number, amount: number) =>
      (high - amount) ** 2 - (modelHigh - amount) ** 2;
    const weekAdded = added(nextWeek.highMinor, before.weeks[1]?.highMinor ?? 0, total);
    const inWeek = (date: string) => date >= '2026-07-06' && date <= '2026-07-12';
    let daysAdded = 0;
    after.days?.forEach((day, index) => {
      const model = before.days?.[index];
      if (!model) throw new Error('the same days');
      const amount = day.fromOpenItemsMinor + day.fromFutureSalesMinor;
      if (!inWeek(day.date)) expect(day).toEqual(model);
      else daysAdded += added(day.highMinor, model.highMinor, amount);
    });
    expect(daysAdded / weekAdded).toBeCloseTo(1, 2);
    // July holds the whole week: its band takes all of it, in quadrature with its own.
    const [july, modelJuly] = [after.months?.[0], before.months?.[0]];
    if (!july || !modelJuly) throw new Error('July');
    const julyAmount = july.fromOpenItemsMinor + july.fromFutureSalesMinor;
    expect(july.month).toBe('2026-07');
    expect(july.highMinor).toBe(
      Math.round(julyAmount + Math.sqrt((modelJuly.highMinor - julyAmount) ** 2 + weekAdded)),
    );
    expect(after.months?.slice(1)).toEqual(before.months?.slice(1));
  });
});
