/**
 * Where a payment due at a weekend lands: on the Monday after (a transfer sent on the due date) or
 * on the Friday before (a payment run that settles what falls due at the weekend ahead of it),
 * learned from the company's own weekend-due invoices (bank-days.ts).
 */
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, toDayNumber } from '../calendar.ts';
import { learnDueDayRoll, onPaymentDays, previousPaymentDayOf } from './bank-days.ts';
import { trainUncalibrated } from './forecaster.ts';
import { trainModel } from './model.ts';
import { predictInvoice } from './predict.ts';
import { restoreForecaster, storeForecaster } from './stored-model.ts';
import type { InvoiceRecord } from './types.ts';

const CUTOFF = '2026-06-30';
const day = toDayNumber;

const isWeekend = (date: string) => isoWeekday(date) > 5;
const fridayBefore = (date: string) => addDays(date, 5 - isoWeekday(date));
const mondayAfter = (date: string) => addDays(date, 8 - isoWeekday(date));

/**
 * A year of invoices, one a day, paid a day early, on the due date or a day late (a weekday), those
 * due at a weekend on the day `weekendDue` gives.
 */
function history(weekendDue: (dueDate: string) => string): InvoiceRecord[] {
  return Array.from({ length: 400 }, (_, index) => {
    const issueDate = addDays('2025-06-01', index);
    const dueDate = addDays(issueDate, 30);
    const onTime = addDays(dueDate, (index % 3) - 1);
    const settledOn = isWeekend(dueDate)
      ? weekendDue(dueDate)
      : isWeekend(onTime)
        ? mondayAfter(onTime)
        : onTime;
    const paid = settledOn <= CUTOFF;
    return {
      documentId: index + 1,
      customerCode: `C${index % 4}`,
      customerType: 'sme',
      documentRef: `F${index + 1}`,
      issueDate,
      dueDate,
      amountMinor: 10_000 + index,
      currency: 'EUR',
      settledOn: paid ? settledOn : null,
      settledByPayment: paid,
    };
  });
}

describe('payments due at a weekend', () => {
  it('roll backward only on enough evidence that the Friday takes them', () => {
    expect(learnDueDayRoll({ before: 20, after: 9 })).toBe('forward');
    expect(learnDueDayRoll({ before: 20, after: 10 })).toBe('backward');
    expect(learnDueDayRoll({ before: 19, after: 11 })).toBe('forward');
    expect(learnDueDayRoll({ before: 0, after: 0 })).toBe('forward');
  });

  it('move the days of the due date weekend to the Friday, the others as before, still ascending', () => {
    // Sunday 16 August 2026; Saturday the 15th is Assumption Day.
    const due = day('2026-08-16');
    expect(previousPaymentDayOf('business_days', due)).toBe(day('2026-08-14'));
    expect(previousPaymentDayOf('business_days', day('2026-05-04'))).toBe(day('2026-05-04'));
    expect(previousPaymentDayOf('business_days', day('2026-05-01'))).toBe(day('2026-04-30'));
    const days = [-4, -3, -2, -1, 0, 0, 1, 2, 5, 6, 7].map((d) => due + d);
    const backward = onPaymentDays('weekdays', days, undefined, { day: due, roll: 'backward' });
    const friday = day('2026-08-14');
    expect(backward).toEqual([
      friday - 2,
      friday - 1,
      friday,
      friday,
      friday,
      friday,
      ...[1, 2, 5, 8, 8].map((d) => due + d),
    ]);
    expect([...backward].sort((a, b) => a - b)).toEqual(backward);
    // A due date the company is paid on, or a forward roll: the days move as they always did.
    const forward = onPaymentDays('weekdays', days);
    expect(onPaymentDays('weekdays', days, undefined, { day: due, roll: 'forward' })).toEqual(forward);
    expect(onPaymentDays('weekdays', days, undefined, { day: due - 2, roll: 'backward' })).toEqual(forward);
    expect(onPaymentDays('calendar', days, undefined, { day: due, roll: 'backward' })).toEqual(days);
  });

  it('are learned from the company, and a Sunday due date paid on the Friday is called on time', () => {
    const fridays = history(fridayBefore);
    const model = trainModel(fridays, CUTOFF);
    expect(model.paymentDays).toBe('weekdays');
    expect(model.dueDayRoll).toBe('backward');
    expect(trainModel(history(mondayAfter), CUTOFF).dueDayRoll).toBe('forward');
    expect(trainModel(fridays, CUTOFF, { ...model.options, bankDays: false }).dueDayRoll).toBe('forward');
    const sundayDue = fridays.filter((r) => r.settledOn === null && isoWeekday(r.dueDate) === 7);
    expect(sundayDue.length).toBeGreaterThan(2);
    for (const record of sundayDue) {
      const rolledBack = predictInvoice(model, record, record.amountMinor);
      const rolledOn = predictInvoice({ ...model, dueDayRoll: 'forward' }, record, record.amountMinor);
      expect(isoWeekday(rolledBack.predictedDate)).toBeLessThanOrEqual(5);
      expect(rolledBack.predictedDate <= record.dueDate).toBe(true);
      expect(rolledBack.probabilityLate).toBeLessThan(0.5);
      expect(rolledBack.probabilityLate).toBeLessThan(rolledOn.probabilityLate);
    }
    const kept = restoreForecaster(storeForecaster(trainUncalibrated(fridays, [], CUTOFF)));
    expect(kept.model.dueDayRoll).toBe('backward');
  });
});
