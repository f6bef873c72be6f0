import { describe, expect, it } from 'vitest';
import { addDays, isBusinessDay, isoWeekday, nextBusinessDay, toDayNumber } from '../calendar.ts';
import {
  learnPaymentDays,
  onPaymentDays,
  type PaymentDays,
  paymentDayOf,
  weekdayOfDay,
} from './bank-days.ts';
import { trainUncalibrated } from './forecaster.ts';
import { trainModel } from './model.ts';
import { predictInvoice } from './predict.ts';
import { restoreForecaster, storeForecaster } from './stored-model.ts';
import type { InvoiceRecord } from './types.ts';

const CUTOFF = '2026-06-30';
const day = toDayNumber;

/** Monday to Friday, holidays included (a bank whose statements date credits on them). */
function nextWeekday(date: string): string {
  const weekday = isoWeekday(date);
  return weekday > 5 ? addDays(date, 8 - weekday) : date;
}

/**
 * A year of invoices, one a day, paid 3 to 17 days after their due date, moved to the days `paidOn`
 * gives; every `keyedOnSaturday`-th one dated on the Saturday of its week instead.
 */
function history(paidOn: (date: string) => string, keyedOnSaturday = 0): InvoiceRecord[] {
  return Array.from({ length: 360 }, (_, index) => {
    const issueDate = addDays('2025-06-01', index);
    const dueDate = addDays(issueDate, 30);
    const calendarDay = addDays(dueDate, 3 + ((index * 7) % 15));
    const saturday = addDays(calendarDay, 6 - isoWeekday(calendarDay));
    const settledOn =
      keyedOnSaturday > 0 && index % keyedOnSaturday === 0 && saturday <= CUTOFF
        ? saturday
        : paidOn(calendarDay);
    return {
      documentId: index + 1,
      customerCode: `C${index % 4}`,
      customerType: 'sme',
      documentRef: `F${index + 1}`,
      issueDate,
      dueDate,
      amountMinor: 10_000 + index,
      currency: 'EUR',
      settledOn: settledOn <= CUTOFF ? settledOn : null,
      settledByPayment: settledOn <= CUTOFF,
    };
  });
}

const openOnes = (records: InvoiceRecord[]) => records.filter((r) => r.settledOn === null);
const sameDay = (date: string) => date;

describe('the days payments land on', () => {
  it('moves a day to the next one the company is paid on', () => {
    expect(weekdayOfDay(day('1970-01-01'))).toBe(4);
    expect(weekdayOfDay(day('2026-08-16'))).toBe(7);
    // Saturday 15 August 2026 (Assumption Day): Monday the 17th either way. Friday 1 May 2026:
    // itself on weekdays, Monday the 4th on business days. Tuesday 14 July 2026: Wednesday the 15th.
    expect(paymentDayOf('weekdays', day('2026-08-15'))).toBe(day('2026-08-17'));
    expect(paymentDayOf('business_days', day('2026-08-15'))).toBe(day('2026-08-17'));
    expect(paymentDayOf('weekdays', day('2026-05-01'))).toBe(day('2026-05-01'));
    expect(paymentDayOf('business_days', day('2026-05-01'))).toBe(day('2026-05-04'));
    expect(paymentDayOf('business_days', day('2026-07-14'))).toBe(day('2026-07-15'));
    expect(paymentDayOf('calendar', day('2026-08-15'))).toBe(day('2026-08-15'));
    // Every day of three years, against the calendar's own next business day.
    for (let d = day('2025-01-01'); d < day('2028-01-01'); d += 1)
      expect(paymentDayOf('business_days', d)).toBe(day(nextBusinessDay(addDays('1970-01-01', d))));
    const days = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7].map((d) => day('2026-08-13') + d);
    for (const kind of ['weekdays', 'business_days'] as PaymentDays[]) {
      const moved = onPaymentDays(kind, days);
      expect(moved).toEqual(days.map((d) => paymentDayOf(kind, d)));
      expect([...moved].sort((a, b) => a - b)).toEqual(moved);
    }
  });

  it('is learned from the past payments: weekends and public holidays each on its own evidence', () => {
    const counts = {
      payments: 100,
      onWeekends: 5,
      onHolidays: 0,
      firstDay: day('2026-01-02'),
      lastDay: day('2026-06-30'),
    };
    expect(learnPaymentDays(counts)).toBe('business_days');
    expect(learnPaymentDays({ ...counts, onWeekends: 6 })).toBe('calendar');
    expect(learnPaymentDays({ ...counts, payments: 29, onWeekends: 0 })).toBe('calendar');
    expect(trainModel(history(nextBusinessDay), CUTOFF).paymentDays).toBe('business_days');
    expect(trainModel(history(nextWeekday), CUTOFF).paymentDays).toBe('weekdays');
    expect(trainModel(history(sameDay), CUTOFF).paymentDays).toBe('calendar');
    // One payment in 25 keyed on a Saturday by hand: still a company paid on business days.
    expect(trainModel(history(nextBusinessDay, 25), CUTOFF).paymentDays).toBe('business_days');
    expect(trainModel(history(nextBusinessDay, 10), CUTOFF).paymentDays).toBe('calendar');
    const off = { ...trainModel(history(nextBusinessDay), CUTOFF).options, bankDays: false };
    expect(trainModel(history(nextBusinessDay), CUTOFF, off).paymentDays).toBe('calendar');
  });

  it('dates the predictions on business days, probabilities read from those days', () => {
    const records = history(nextBusinessDay);
    const model = trainModel(records, CUTOFF);
    const calendar = { ...model, paymentDays: 'calendar' as const };
    let moved = 0;
    for (const record of openOnes(records)) {
      const p = predictInvoice(model, record, record.amountMinor);
      for (const date of [p.p10Date, p.predictedDate, p.p90Date]) expect(isBusinessDay(date)).toBe(true);
      const before = predictInvoice(calendar, record, record.amountMinor);
      expect(p.candidateDays).toEqual(onPaymentDays('business_days', before.candidateDays));
      const dueDay = day(record.dueDate);
      const late = p.candidateDays.filter((d) => d > dueDay).length / p.candidateDays.length;
      expect(p.probabilityLate).toBeCloseTo(late, 3);
      if (p.predictedDate !== before.predictedDate) moved += 1;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps calendar days for a company paid on any day, and the learned days in a kept model', () => {
    const records = history(sameDay);
    const model = trainModel(records, CUTOFF);
    const weekend = openOnes(records)
      .map((r) => predictInvoice(model, r, r.amountMinor).predictedDate)
      .filter((date) => isoWeekday(date) > 5);
    expect(weekend.length).toBeGreaterThan(0);
    const kept = restoreForecaster(storeForecaster(trainUncalibrated(history(nextWeekday), [], CUTOFF)));
    expect(kept.model.paymentDays).toBe('weekdays');
  });
});
