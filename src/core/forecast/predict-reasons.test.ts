import { describe, expect, it } from 'vitest';
import { invoiceBuilders } from './invoice-book.fixture.ts';
import { type CustomerHabit, trainModel } from './model.ts';
import { reasonsOf } from './predict-reasons.ts';

const { invoice, history } = invoiceBuilders();
const model = trainModel(history('A', 10), '2025-12-31');
const open = invoice('A', '2025-12-05', null);

/** The trend reason of the open invoice for a habit of `monthlyDays` a month that added `trendDays`. */
function trendReasons(monthlyDays: number, trendDays: number) {
  const habit = { ...(model.customers.get('A') as CustomerHabit), trendDaysPerDay: monthlyDays / 30 };
  return reasonsOf(model, open, habit, 0, 0, trendDays).filter((r) => r.code.startsWith('trend_'));
}

describe("a prediction's trend reason", () => {
  it('says slower or faster by the slope, the days it added signed as they are', () => {
    // Growing slower, but the invoice is due before the mean of its history: below its mean.
    expect(trendReasons(2, -3.04)).toEqual([
      { code: 'trend_slower', figures: { monthlyDays: 2, extraDays: -3, source: 'customer' } },
    ]);
    expect(trendReasons(-1.5, 2.5)).toEqual([
      { code: 'trend_faster', figures: { monthlyDays: -1.5, extraDays: 2.5, source: 'customer' } },
    ]);
    expect(trendReasons(2, 4)).toEqual([
      { code: 'trend_slower', figures: { monthlyDays: 2, extraDays: 4, source: 'customer' } },
    ]);
  });

  it("says the slope is the portfolio's when the customer's own line does not stand out of it", () => {
    const portfolioModel = { ...model, portfolioTrendDaysPerDay: 2 / 30 };
    const habit = {
      ...(model.customers.get('A') as CustomerHabit),
      trendDaysPerDay: 0.4 * (2 / 30) + 0.6 * (2 / 30),
    };
    const reasons = reasonsOf(portfolioModel, open, habit, 0, 0, 4).filter((r) =>
      r.code.startsWith('trend_'),
    );
    expect(reasons).toEqual([
      { code: 'trend_slower', figures: { monthlyDays: 2, extraDays: 4, source: 'portfolio' } },
    ]);
    // Its own line departs from the portfolio's: its own.
    const own = { ...habit, trendDaysPerDay: 3 / 30 };
    expect(
      reasonsOf(portfolioModel, open, own, 0, 0, 4).find((r) => r.code === 'trend_slower')?.figures,
    ).toEqual({
      monthlyDays: 3,
      extraDays: 4,
      source: 'customer',
    });
  });

  it('is not given for a slope of less than a tenth of a day a month, nor for less than a day added', () => {
    // A slope of 0.04 day a month over a long history can still add a day: it would read « 0,0 j ».
    expect(trendReasons(0.04, 1.2)).toEqual([]);
    expect(trendReasons(-0.09, -1.2)).toEqual([]);
    expect(trendReasons(2, 0.4)).toEqual([]);
    expect(trendReasons(0.1, 1)).toHaveLength(1);
  });
});
