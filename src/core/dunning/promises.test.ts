import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { assessPromise, type PromiseStatus, type PromiseToPay, summarizePromises } from './promises.ts';

const single: PromiseToPay = {
  madeOn: '2025-09-01',
  instalments: [{ dueDate: '2025-09-15', amountMinor: 100_000 }],
};
const status = (payments: { date: string; amountMinor: number }[], asOf: string) =>
  assessPromise(single, payments, asOf, 3).status;

describe('promise to pay status (1,000.00 € promised on 2025-09-01 for 2025-09-15, 3 days of grace)', () => {
  it('is pending until the deadline, kept as soon as paid in full', () => {
    expect(status([], '2025-09-10')).toBe('pending');
    expect(status([], '2025-09-18')).toBe('pending');
    expect(status([{ date: '2025-09-05', amountMinor: 100_000 }], '2025-09-10')).toBe('kept');
    expect(status([{ date: '2025-09-18', amountMinor: 100_000 }], '2025-09-30')).toBe('kept');
  });

  it('is broken after the deadline with nothing paid after the promise, partially kept with some', () => {
    expect(status([], '2025-09-19')).toBe('broken');
    expect(status([{ date: '2025-08-30', amountMinor: 100_000 }], '2025-09-19')).toBe('broken');
    expect(status([{ date: '2025-09-20', amountMinor: 100_000 }], '2025-09-21')).toBe('broken');
    const partial = assessPromise(single, [{ date: '2025-09-17', amountMinor: 40_000 }], '2025-09-19', 3);
    expect([partial.status, partial.paidMinor, partial.shortfallMinor]).toEqual([
      'partially_kept',
      40_000,
      60_000,
    ]);
  });

  it('fills instalments in order: the worst instalment gives the status', () => {
    const plan: PromiseToPay = {
      madeOn: '2025-09-01',
      instalments: [
        { dueDate: '2025-11-01', amountMinor: 50_000 },
        { dueDate: '2025-10-01', amountMinor: 50_000 },
      ],
    };
    const payments = [
      { date: '2025-09-30', amountMinor: 50_000 },
      { date: '2025-10-20', amountMinor: 20_000 },
    ];
    const on = (asOf: string) => assessPromise(plan, payments, asOf, 0);
    expect(on('2025-10-25').instalments.map((i) => [i.dueDate, i.paidMinor, i.status])).toEqual([
      ['2025-10-01', 50_000, 'kept'],
      ['2025-11-01', 20_000, 'pending'],
    ]);
    expect([on('2025-10-25').status, on('2025-11-02').status, on('2025-11-02').shortfallMinor]).toEqual([
      'pending',
      'partially_kept',
      30_000,
    ]);
  });

  it('summarises a customer’s record: kept rate over decided promises', () => {
    const records: { status: PromiseStatus }[] = ['kept', 'kept', 'broken', 'partially_kept', 'pending'].map(
      (s) => ({ status: s as PromiseStatus }),
    );
    expect(summarizePromises(records)).toEqual({
      pending: 1,
      kept: 2,
      partially_kept: 1,
      broken: 1,
      keptRateBps: 5_000,
    });
    expect(summarizePromises([]).keptRateBps).toBeNull();
  });
});

describe('promise to pay (property)', () => {
  const SEVERITY: Record<PromiseStatus, number> = { kept: 0, pending: 1, partially_kept: 2, broken: 3 };
  const promiseArb = fc.record({
    madeOn: fc.constant('2025-01-01'),
    instalments: fc.array(
      fc.record({
        dueDate: fc.integer({ min: 0, max: 90 }).map((n) => addDays('2025-01-01', n)),
        amountMinor: fc.integer({ min: 1, max: 100_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
  const paymentArb = fc.record({
    date: fc.integer({ min: -10, max: 120 }).map((n) => addDays('2025-01-01', n)),
    amountMinor: fc.integer({ min: 1, max: 100_000 }),
  });
  const asOfArb = fc.integer({ min: 0, max: 150 }).map((n) => addDays('2025-01-01', n));

  it('another payment never makes a promise look worse; paid never exceeds promised', () => {
    fc.assert(
      fc.property(
        promiseArb,
        fc.array(paymentArb, { maxLength: 5 }),
        paymentArb,
        asOfArb,
        (promise, payments, extra, asOf) => {
          const before = assessPromise(promise, payments, asOf, 5);
          const after = assessPromise(promise, [...payments, extra], asOf, 5);
          expect(SEVERITY[after.status]).toBeLessThanOrEqual(SEVERITY[before.status]);
          expect(after.paidMinor).toBeGreaterThanOrEqual(before.paidMinor);
          expect(after.shortfallMinor).toBeGreaterThanOrEqual(0);
          expect(after.paidMinor + after.shortfallMinor).toBe(after.promisedMinor);
        },
      ),
    );
  });

  it('is pending only up to the last deadline, and settled for good after it', () => {
    fc.assert(
      fc.property(
        promiseArb,
        fc.array(paymentArb, { maxLength: 5 }),
        fc.integer({ min: 1, max: 60 }),
        (promise, payments, later) => {
          const lastDeadline = addDays(
            promise.instalments
              .map((i) => i.dueDate)
              .sort()
              .at(-1) ?? '',
            5,
          );
          const atEnd = assessPromise(promise, payments, addDays(lastDeadline, 1), 5);
          expect(atEnd.status).not.toBe('pending');
          expect(assessPromise(promise, payments, addDays(lastDeadline, 1 + later), 5)).toEqual(atEnd);
        },
      ),
    );
  });
});
