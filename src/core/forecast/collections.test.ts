import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isBusinessDay, nextBusinessDay, toDayNumber } from '../calendar.ts';
import { type BucketHistory, recentCurveCutoffs, weekCurves } from './collection-curve.ts';
import { type CollectionPeriod, collectionPeriods } from './collections.ts';
import { futureSales } from './future-sales.ts';
import { trainModel } from './model.ts';
import type { InvoiceRecord } from './types.ts';
import { addToWeeks, emptyPeriodSums, type ForecastPeriod, type OpenAmount } from './week-sums.ts';

/** A Tuesday: the first week is cut, and the cut-offs (Tuesdays) fall mid-week. */
const AS_OF = '2026-06-30';
const WEEKS = 13;

/** Histories paying a little every day, more on month ends, varying from one cut-off to the next. */
function histories(cutoffDays: readonly number[]): BucketHistory[][] {
  return cutoffDays.map((cutoff, position) =>
    [5, 7, 9].map((bucket) => ({
      bucket,
      invoices: 40,
      openMinor: 1_000_000 + 10_000 * position,
      collectedByDayMinor: Array.from({ length: 7 * WEEKS + 7 }, (_, day) => {
        const date = new Date((cutoff + day + 1) * 86_400_000).toISOString().slice(0, 10);
        return (bucket + position + (date.endsWith('-30') ? 9_000 : 0) + (day % 5) * 37) * 3;
      }),
    })),
  );
}

/** Open invoices of every age, some with a curve, some on their own dates. */
function openItems(): OpenAmount[] {
  const asOfDay = toDayNumber(AS_OF);
  return Array.from({ length: 60 }, (_, index) => ({
    dueDate: addDays(AS_OF, 40 - 7 * index),
    openMinor: 12_345 + 1_001 * index,
    candidateDays: [asOfDay + 1 + ((index * 13) % 97), asOfDay + 3 + ((index * 7) % 50), asOfDay + 60],
  }));
}

function forecast(period: ForecastPeriod, salesVolumeError = 0): CollectionPeriod[] {
  const sums = emptyPeriodSums(AS_OF, WEEKS, period);
  const cutoffDays = recentCurveCutoffs(AS_OF, WEEKS + 1);
  const curves = weekCurves(histories(cutoffDays), cutoffDays, AS_OF, sums);
  // Fed in two batches, as the predictions come.
  const items = openItems();
  addToWeeks(sums, items.slice(0, 25), curves);
  addToWeeks(sums, items.slice(25), curves);
  const sales = openItems().map((item) => ({
    candidateDays: item.candidateDays,
    openMinor: item.openMinor + 3,
  }));
  return collectionPeriods(sums, sales, AS_OF, salesVolumeError);
}

const total = (rows: readonly CollectionPeriod[], pick: (row: CollectionPeriod) => number) =>
  rows.reduce((sum, row) => sum + pick(row), 0);

describe('the cuts of one collection forecast', () => {
  it('add up to the same total by day, week and month, to the cent', () => {
    const [days, weeks, months] = (['day', 'week', 'month'] as const).map(forecast);
    const open = (row: CollectionPeriod) => row.fromOpenItemsMinor;
    const sales = (row: CollectionPeriod) => row.fromFutureSalesMinor;
    expect(total(weeks ?? [], open)).toBeGreaterThan(0);
    expect(total(days ?? [], open)).toBe(total(weeks ?? [], open));
    expect(total(months ?? [], open)).toBe(total(weeks ?? [], open));
    expect(total(days ?? [], sales)).toBe(total(weeks ?? [], sales));
    expect(total(months ?? [], sales)).toBe(total(weeks ?? [], sales));
    // A week is its days, a month its days: the same daily spread, not each cut's own pooling.
    for (const week of weeks ?? []) {
      const its = (days ?? []).filter(
        (day) => day.periodStart >= week.periodStart && day.periodStart <= addDays(week.periodStart, 6),
      );
      expect(total(its, open)).toBe(week.fromOpenItemsMinor);
    }
    for (const month of months ?? []) {
      const its = (days ?? []).filter((day) => day.periodStart.slice(0, 7) === month.periodStart.slice(0, 7));
      expect(total(its, open)).toBe(month.fromOpenItemsMinor);
    }
  });

  it('makes each period’s band on the period itself, around its amount', () => {
    const [days, weeks, months] = (['day', 'week', 'month'] as const).map(forecast);
    for (const row of [...(days ?? []), ...(weeks ?? []), ...(months ?? [])]) {
      const amount = row.fromOpenItemsMinor + row.fromFutureSalesMinor;
      expect(row.lowMinor).toBeLessThanOrEqual(amount);
      expect(row.highMinor).toBeGreaterThanOrEqual(amount);
    }
    // A month's band is narrower than the sum of its weeks' (they do not all miss the same way).
    const july = months?.[0];
    const julyWeeks = (weeks ?? []).filter((week) => week.periodStart < '2026-07-27');
    const width = (row: CollectionPeriod) => row.highMinor - row.lowMinor;
    expect(width(july as CollectionPeriod)).toBeLessThan(
      julyWeeks.reduce((sum, week) => sum + width(week), 0),
    );
  });
});

describe('future sales', () => {
  /**
   * Last summer's invoices, one a day (weekends too), each paid 31 days after issue (due + 1), or
   * on the business day after that when `onBankDays`.
   */
  const lastSummer = (onBankDays: boolean): InvoiceRecord[] =>
    Array.from({ length: 120 }, (_, index) => {
      const issueDate = addDays('2025-06-01', index);
      const paidOn = addDays(issueDate, 31);
      return {
        documentId: index + 1,
        customerCode: 'C1',
        customerType: 'sme',
        documentRef: `F${index + 1}`,
        issueDate,
        dueDate: addDays(issueDate, 30),
        amountMinor: 10_000,
        currency: 'EUR',
        settledOn: onBankDays ? nextBusinessDay(paidOn) : paidOn,
        settledByPayment: true,
      };
    });
  const offBankDays = (days: readonly number[]) => days.filter((day) => !isBusinessDay(fromDayNumber(day)));

  it('are collected on business days only when past payments came in on them', () => {
    const history = lastSummer(true);
    const model = trainModel(history, AS_OF);
    expect(model.paymentDays).toBe('business_days');
    const sales = futureSales(model, history, AS_OF, WEEKS);
    expect(sales.length).toBeGreaterThan(0);
    expect(offBankDays(sales.flatMap((sale) => sale.candidateDays))).toEqual([]);
    // Due on Friday 14 August and paid a day or two later: not on Saturday the 15th (Assumption
    // Day too) but on Monday the 17th.
    const repeated = history.filter((r) => addDays(r.issueDate, 364) > AS_OF);
    const medianDueOn = (dueDate: string) =>
      sales[repeated.findIndex((r) => addDays(r.dueDate, 364) === dueDate)]?.candidateDays[50];
    expect(sales).toHaveLength(repeated.length);
    expect(medianDueOn('2026-08-14')).toBe(toDayNumber('2026-08-17'));
  });

  it('keep calendar days when past payments came in on any day', () => {
    const history = lastSummer(false);
    const model = trainModel(history, AS_OF);
    expect(model.paymentDays).toBe('calendar');
    const sales = futureSales(model, history, AS_OF, WEEKS);
    const repeated = history.filter((r) => addDays(r.issueDate, 364) > AS_OF);
    const medianDueOn = (dueDate: string) =>
      sales[repeated.findIndex((r) => addDays(r.dueDate, 364) === dueDate)]?.candidateDays[50];
    // Due on Sunday 9 August, paid the day after as before; due on Friday the 14th, on Saturday.
    expect(medianDueOn('2026-08-09')).toBe(toDayNumber('2026-08-10'));
    expect(medianDueOn('2026-08-14')).toBe(toDayNumber('2026-08-15'));
    expect(offBankDays(sales.flatMap((sale) => sale.candidateDays)).length).toBeGreaterThan(0);
  });
});

describe('the band of the future sales', () => {
  it('widens with the error of their volume, by their amount only', () => {
    const exact = forecast('week');
    const doubtful = forecast('week', 0.2);
    doubtful.forEach((week, index) => {
      const before = exact[index];
      if (!before) throw new Error('same weeks');
      expect(week.fromOpenItemsMinor + week.fromFutureSalesMinor).toBe(
        before.fromOpenItemsMinor + before.fromFutureSalesMinor,
      );
      const halfWidth = (row: CollectionPeriod) => (row.highMinor - row.lowMinor) / 2;
      // The volume's doubt adds in quadrature: (half-width / 1.645)² grows by (0.2 × sales)².
      const added = (halfWidth(week) / 1.645) ** 2 - (halfWidth(before) / 1.645) ** 2;
      expect(Math.sqrt(Math.max(0, added))).toBeCloseTo(0.2 * week.fromFutureSalesMinor, -1);
    });
    expect(doubtful.some((week, index) => week.highMinor > (exact[index]?.highMinor ?? 0))).toBe(true);
  });
});
