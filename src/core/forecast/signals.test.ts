import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { DEFAULT_EVENT_OPTIONS, type EventTerms, eventEffect, signalsAt } from './signals.ts';
import { censoredMedian, medianAfter, survivalCurve } from './survival.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

describe('censored durations (Kaplan–Meier)', () => {
  it('counts the unpaid histories as not paid yet instead of dropping them', () => {
    const durations = [
      { days: 10, paid: true },
      { days: 20, paid: false },
      { days: 30, paid: true },
      { days: 40, paid: true },
    ];
    // ¾ unpaid after day 10; the one still running at 20 leaves two at risk: ¾ × ½ at day 30.
    expect(survivalCurve(durations)).toEqual({ days: [10, 30, 40], surviving: [0.75, 0.375, 0] });
    expect(censoredMedian(durations)).toBe(30);
    // Among the histories still unpaid after 30 days, half are paid by day 40.
    expect(medianAfter(survivalCurve(durations), 30)).toBe(40);
    // One paid in 5 days, three still unpaid after 50: the median is not known.
    expect(censoredMedian([{ days: 5, paid: true }, ...Array(3).fill({ days: 50, paid: false })])).toBeNull();
  });
});

describe('signalsAt', () => {
  const events: InvoiceEvent[] = [
    { documentId: 1, kind: 'dispute_opened', date: '2026-01-10' },
    { documentId: 1, kind: 'dispute_resolved', date: '2026-02-01' },
    { documentId: 2, kind: 'reminder', date: '2026-01-05' },
    { documentId: 2, kind: 'reminder', date: '2026-02-05', level: 3 },
    { documentId: 2, kind: 'promise', date: '2026-02-10', promisedDate: '2026-03-01' },
  ];

  it('reads only the events dated on or before the cut-off', () => {
    expect(Object.fromEntries(signalsAt(events, '2026-01-31'))).toEqual({
      1: { disputeOpenedOn: '2026-01-10' },
      2: { remindersSent: 1, reminderLevel: 1, lastReminderOn: '2026-01-05' },
    });
    expect(Object.fromEntries(signalsAt(events, '2026-02-28'))).toEqual({
      1: { disputeOpenedOn: undefined },
      2: {
        remindersSent: 2,
        reminderLevel: 3,
        lastReminderOn: '2026-02-05',
        promiseMadeOn: '2026-02-10',
        promisedDate: '2026-03-01',
      },
    });
  });
});

describe('eventEffect', () => {
  const curve = (days: number[]) => survivalCurve(days.map((d) => ({ days: d, paid: true })));
  const terms: EventTerms = {
    disputeBySegment: new Map([['sme', { days: 30, observations: 3, curve: curve([20, 30, 40]) }]]),
    disputeCompany: null,
    reminderByLevel: new Map([[2, { days: 12, observations: 3, curve: curve([10, 12, 14]) }]]),
    promiseRecords: new Map([
      ['KEEPS', { slipDays: 3, promises: 2 }],
      ['BREAKS', { slipDays: null, promises: 4 }],
    ]),
  };
  const cutoff = '2026-01-31';
  const median = toDayNumber('2026-02-05');
  const effect = (customerCode: string, customerType: string, signals: object) =>
    eventEffect(terms, DEFAULT_EVENT_OPTIONS, { customerCode, customerType }, signals, median, cutoff);

  it('holds a disputed invoice until the segment’s median resolution time has passed', () => {
    const result = effect('X', 'sme', { disputeOpenedOn: '2026-01-20' });
    // Raised 20 January + 30 days = 19 February, 14 days after the median of 5 February.
    expect(result.shiftDays).toBe(14);
    expect(result.reasons).toEqual([
      {
        code: 'dispute',
        figures: {
          openedOn: '2026-01-20',
          basis: 'segment',
          resolutionDays: 30,
          customerType: 'sme',
          notBefore: '2026-02-19',
        },
      },
    ]);
    // A segment without history takes the default (30 days) the same way.
    expect(effect('X', 'export', { disputeOpenedOn: '2026-01-10' }).shiftDays).toBe(4);
  });

  it('with reminders as a floor, takes the later of the dispute’s and the reminder’s dates, never an earlier one', () => {
    const floor = { ...DEFAULT_EVENT_OPTIONS, reminders: true };
    const withFloor = (signals: object) =>
      eventEffect(terms, floor, { customerCode: 'X', customerType: 'sme' }, signals, median, cutoff);
    const reminder = { remindersSent: 2, reminderLevel: 2, lastReminderOn: '2026-01-30' };
    expect(withFloor(reminder).shiftDays).toBe(6);
    expect(withFloor({ ...reminder, disputeOpenedOn: '2026-01-20' }).shiftDays).toBe(14);
    expect(withFloor({ ...reminder, lastReminderOn: '2026-01-10' }).shiftDays).toBe(0);
  });

  it('by default gives a reminder as a reason and moves no date: a reminder follows lateness', () => {
    const reminder = { remindersSent: 2, reminderLevel: 2, lastReminderOn: '2026-01-30' };
    const result = effect('X', 'sme', reminder);
    expect(result.shiftDays).toBe(0);
    expect(result.reasons).toEqual([
      {
        code: 'reminders_sent',
        figures: {
          count: 2,
          level: 2,
          lastReminderOn: '2026-01-30',
          basis: 'none',
        },
      },
    ]);
    // A reminder sent later (a run today) moves nothing either; the dispute's floor still holds.
    expect(effect('X', 'sme', { ...reminder, lastReminderOn: '2026-01-31' }).shiftDays).toBe(0);
    expect(effect('X', 'sme', { ...reminder, disputeOpenedOn: '2026-01-20' }).shiftDays).toBe(14);
  });

  it('sets the median on a promise shifted by the customer’s record, unless it breaks them', () => {
    const promise = {
      promisedDate: '2026-02-10',
      promiseMadeOn: '2026-01-28',
      disputeOpenedOn: '2026-01-20',
    };
    const kept = effect('KEEPS', 'sme', promise);
    expect(kept.shiftDays).toBe(8); // 10 February + 3 days = 13 February
    expect(kept.reasons.find((r) => r.code === 'promise')?.figures).toEqual({
      promisedDate: '2026-02-10',
      state: 'record',
      slipDays: 3,
      promisesKnown: 2,
      expectedDate: '2026-02-13',
    });
    expect(effect('NEW', 'sme', { promisedDate: '2026-02-01' }).shiftDays).toBe(-4);
    // Its promises mostly unpaid: the promise is ignored and the dispute holds the payment.
    const broken = effect('BREAKS', 'sme', promise);
    expect(broken.shiftDays).toBe(14);
    expect(broken.reasons.find((r) => r.code === 'promise')?.figures.state).toBe('broken_record');
    // Kept, it replaces the dispute (and the reminders): their reasons say so, without the shift
    // they would have made (audit finding 9).
    const reminded = effect('KEEPS', 'sme', {
      ...promise,
      remindersSent: 2,
      reminderLevel: 2,
      lastReminderOn: '2026-01-30',
    });
    expect(reminded.reasons.filter((r) => r.code !== 'promise')).toEqual([
      { code: 'dispute', figures: { openedOn: '2026-01-20', basis: 'replaced' } },
      {
        code: 'reminders_sent',
        figures: { count: 2, level: 2, lastReminderOn: '2026-01-30', basis: 'replaced' },
      },
    ]);
    expect(broken.reasons.find((r) => r.code === 'dispute')?.figures.basis).toBe('segment');
  });
});

describe('signals in a prediction', () => {
  let nextId = 1;
  const invoice = (customerCode: string, issueDate: string, paidAfterDays: number | null): InvoiceRecord => {
    const documentId = nextId++;
    return {
      documentId,
      customerCode,
      customerType: 'sme',
      documentRef: `F${documentId}`,
      issueDate,
      dueDate: addDays(issueDate, 30),
      amountMinor: 100_000,
      currency: 'EUR',
      settledOn: paidAfterDays === null ? null : addDays(issueDate, paidAfterDays),
      settledByPayment: paidAfterDays !== null,
    };
  };
  const month = (m: number) => `2025-${String(m).padStart(2, '0')}-05`;
  // P pays on the due date; ten invoices of D were disputed 5 days after issue and paid 40 days later.
  const punctual = Array.from({ length: 12 }, (_, m) => invoice('P', month(m + 1), 30));
  const disputed = Array.from({ length: 10 }, (_, m) => invoice('D', month(m + 1), 45));
  const open = invoice('P', '2026-01-20', null);
  const promised = invoice('P', '2026-01-10', null);
  const records = [...punctual, ...disputed, open, promised];
  const history: InvoiceEvent[] = [
    ...disputed.map((r) => ({
      documentId: r.documentId,
      kind: 'dispute_opened' as const,
      date: addDays(r.issueDate, 5),
    })),
    // P's two past promises were paid 2 and 4 days after the promised date: median slip 2 days.
    {
      documentId: punctual[2]?.documentId ?? 0,
      kind: 'promise',
      date: '2025-03-20',
      promisedDate: '2025-04-02',
    },
    {
      documentId: punctual[5]?.documentId ?? 0,
      kind: 'promise',
      date: '2025-06-20',
      promisedDate: '2025-07-01',
    },
  ];
  const cutoff = '2026-01-31';
  const options = {
    ...DEFAULT_FORECAST_OPTIONS,
    calibration: { ...DEFAULT_FORECAST_OPTIONS.calibration, earlierMonths: 0 },
  };

  it('moves the predicted date to the dispute’s resolution and the promise’s expected day', () => {
    const events: InvoiceEvent[] = [
      ...history,
      { documentId: open.documentId, kind: 'dispute_opened', date: '2026-01-25' },
      { documentId: promised.documentId, kind: 'promise', date: '2026-01-28', promisedDate: '2026-02-25' },
    ];
    const without = trainForecaster(records, history, cutoff, options);
    const withEvents = trainForecaster(records, events, cutoff, options);
    expect(withEvents.eventTerms.disputeBySegment.get('sme')).toMatchObject({ days: 40, observations: 10 });
    expect(withEvents.eventTerms.promiseRecords.get('P')).toEqual({ slipDays: 2, promises: 2 });
    expect(predictWith(without, open, 1).predictedDate < '2026-03-06').toBe(true);
    // Raised 25 January + 40 days.
    expect(predictWith(withEvents, open, 1).predictedDate).toBe('2026-03-06');
    // Promised 25 February + 2 days.
    const p = predictWith(withEvents, promised, 1);
    expect(p.predictedDate).toBe('2026-02-27');
    expect(p.reasons.find((r) => r.code === 'promise')?.figures).toMatchObject({
      state: 'record',
      expectedDate: '2026-02-27',
    });
  });
});
