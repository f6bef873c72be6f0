import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgingCell, assembleAgedBalance, bucketIndexFor, bucketsFromBounds } from './aging.ts';

describe('age buckets', () => {
  it('builds the default buckets by due date', () => {
    const buckets = bucketsFromBounds([30, 60, 90], 'due');
    expect(buckets.map((b) => [b.key, b.fromDays, b.toDays])).toEqual([
      ['not_due', null, 0],
      ['d1_30', 1, 30],
      ['d31_60', 31, 60],
      ['d61_90', 61, 90],
      ['d90_plus', 91, null],
    ]);
    expect([-5, 0, 1, 30, 31, 90, 91, 400].map((days) => bucketIndexFor(days, buckets))).toEqual([
      0, 0, 1, 1, 2, 3, 4, 4,
    ]);
  });

  it('starts at 0 days by issue date and rejects unordered bounds', () => {
    expect(bucketsFromBounds([30], 'issue').map((b) => b.key)).toEqual(['d0_30', 'd30_plus']);
    expect(() => bucketsFromBounds([60, 30], 'due')).toThrow(RangeError);
  });

  it('buckets always sum to the balance, and balances to the total (property)', () => {
    const buckets = bucketsFromBounds([30, 60, 90], 'due');
    const item = fc.record({
      customer: fc.constantFrom('A', 'B', 'C', 'D'),
      openMinor: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((n) => n !== 0),
      ageDays: fc.integer({ min: -120, max: 900 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const cells: AgingCell[] = items.map((i) => ({
          groupKey: i.customer,
          groupName: i.customer,
          bucketIndex: i.openMinor < 0 ? -1 : bucketIndexFor(i.ageDays, buckets),
          amountMinor: i.openMinor,
          documentCount: 1,
        }));
        const report = assembleAgedBalance(
          { asOf: '2026-06-30', basis: 'due', currency: 'EUR', buckets },
          cells,
        );
        for (const group of report.groups) {
          const open = items.filter((i) => i.customer === group.key).reduce((s, i) => s + i.openMinor, 0);
          expect(group.bucketsMinor.reduce((s, b) => s + b, 0) + group.creditsMinor).toBe(group.totalMinor);
          expect(group.totalMinor).toBe(open);
        }
        expect(report.proof).toEqual({
          bucketsMatchBalances: true,
          balancesMatchTotal: true,
          bucketsMatchTotal: true,
        });
        expect(report.totals.totalMinor).toBe(items.reduce((s, i) => s + i.openMinor, 0));
      }),
    );
  });
});
