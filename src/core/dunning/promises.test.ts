import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import {
  assessPromise,
  type PromisePayment,
  type PromiseStatus,
  type PromiseToPay,
  summarizePromises,
} from './promises.ts';

/** The call: recorded at 10:00 on the day the customer promised. */
const CALL = new Date('2025-09-01T10:00:00Z');
const BEFORE_CALL = new Date('2025-09-01T08:00:00Z');
const AFTER_CALL = new Date('2025-09-01T18:00:00Z');
const single: PromiseToPay = {
  madeOn: '2025-09-01',
  recordedAt: CALL,
  instalments: [{ dueDate: '2025-09-15', amountMinor: 100_000 }],
};
/** A payment recorded before the call unless said otherwise: only its date can make it count. */
const paid = (date: string, amountMinor: number, recordedAt = BEFORE_CALL): PromisePayment => ({
  date,
  amountMinor,
  recordedAt,
});
const status = (payments: { date: string; amountMinor: number }[], asOf: string) =>
  assessPromise(
    single,
    payments.map((p) => paid(p.date, p.amountMinor)),
    asOf,
    3,
  ).status;

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
    const partial = assessPromise(single, [paid('2025-09-17', 40_000)], '2025-09-19', 3);
    expect([partial.status, partial.paidMinor, partial.shortfallMinor]).toEqual([
      'partially_kept',
      40_000,
      60_000,
    ]);
  });

  it('leaves out a payment of the same day recorded before the promise, counts one recorded after', () => {
    // Recorded before the call: already netted from the overdue the collector saw, so not paid twice.
    const before = assessPromise(single, [paid('2025-09-01', 40_000, BEFORE_CALL)], '2025-09-01', 3);
    expect([before.status, before.paidMinor]).toEqual(['pending', 0]);
    // Recorded after the call (the evening's statement): the customer keeping their word.
    const after = assessPromise(single, [paid('2025-09-01', 100_000, AFTER_CALL)], '2025-09-01', 3);
    expect([after.status, after.paidMinor]).toEqual(['kept', 100_000]);
  });

  it('counts a payment dated before the call but recorded after it, and one dated after but recorded before', () => {
    // Sent the day before, on no screen at the call: still part of what the customer promised.
    expect(assessPromise(single, [paid('2025-08-31', 100_000, AFTER_CALL)], '2025-09-02', 3).paidMinor).toBe(
      100_000,
    );
    // A promise entered days after the call keeps the payments that came in meanwhile.
    const late: PromiseToPay = { ...single, recordedAt: new Date('2025-09-05T10:00:00Z') };
    const meanwhile = paid('2025-09-03', 100_000, new Date('2025-09-04T08:00:00Z'));
    expect(assessPromise(late, [meanwhile], '2025-09-05', 3).status).toBe('kept');
  });

  it('leaves out an old payment recorded after the promise: a history imported since, not the promise kept', () => {
    // Seven days before the call, recorded after it: a transfer still on its way, it counts.
    expect(assessPromise(single, [paid('2025-08-25', 100_000, AFTER_CALL)], '2025-09-02', 3).paidMinor).toBe(
      100_000,
    );
    // Eight days before, or last year's, recorded after the call: back-filled, it does not.
    const old = [paid('2025-08-24', 60_000, AFTER_CALL), paid('2024-11-30', 40_000, AFTER_CALL)];
    expect(assessPromise(single, old, '2025-09-02', 3)).toMatchObject({ status: 'pending', paidMinor: 0 });
  });

  it('fills instalments in order: the worst instalment gives the status', () => {
    const plan: PromiseToPay = {
      madeOn: '2025-09-01',
      recordedAt: CALL,
      instalments: [
        { dueDate: '2025-11-01', amountMinor: 50_000 },
        { dueDate: '2025-10-01', amountMinor: 50_000 },
      ],
    };
    const payments = [paid('2025-09-30', 50_000), paid('2025-10-20', 20_000)];
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
    recordedAt: fc.constant(new Date('2025-01-01T12:00:00Z')),
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
    recordedAt: fc.integer({ min: 0, max: 23 }).map((h) => new Date(Date.UTC(2025, 0, 1, h))),
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
