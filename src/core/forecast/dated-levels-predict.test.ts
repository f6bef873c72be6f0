/**
 * The product's dates for invoices overdue: the record of invoices as old blended from 31 days,
 * "no payment expected" when most invoices as old stayed unpaid a year on, the dates moved with
 * the recalibrated probabilities, and nothing learned after the cut-off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { BEYOND_HISTORY_DAYS } from './age-terms.ts';
import { agedBook, CUTOFF, invoice } from './aged-book.fixture.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { noPaymentExpectedFrom, openAt } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

const book = () => agedBook(30);

describe('an invoice long overdue', () => {
  const records = book();
  const forecaster = trainForecaster(records, [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
  const cutoffDay = toDayNumber(CUTOFF);
  const open = openAt(records, CUTOFF);

  it('is marked "no payment expected" with its reason first when most invoices as old stayed unpaid', () => {
    const old = open.find((r) => cutoffDay - toDayNumber(r.dueDate) > 365) as InvoiceRecord;
    const p = predictWith(forecaster, old, old.amountMinor);
    expect(p.paymentExpected).toBe(false);
    expect(p.reasons[0]?.code).toBe('no_payment_expected');
    expect(Number(p.reasons[0]?.figures.paidWithin365Percent)).toBeLessThan(50);
    // A punctual customer's invoice not yet due is expected as usual.
    const young = open.find((r) => r.customerCode === 'C0' && r.dueDate > CUTOFF);
    if (young) expect(predictWith(forecaster, young, young.amountMinor).paymentExpected).toBeUndefined();
  });

  it('gives no date when its median is where the record lays the share never seen paid', () => {
    const cutoffDay = toDayNumber(CUTOFF);
    const beyond = cutoffDay + BEYOND_HISTORY_DAYS;
    // Half of the invoices as old paid within the year, and the median on the year's end: no date.
    expect(noPaymentExpectedFrom({ paidWithinYear: 0.5 }, false, beyond, cutoffDay)).toBe(true);
    expect(noPaymentExpectedFrom({ paidWithinYear: 0.5 }, false, beyond - 1, cutoffDay)).toBe(false);
    expect(noPaymentExpectedFrom({ paidWithinYear: 0.3 }, false, beyond - 100, cutoffDay)).toBe(true);
    // A promise sets the date; without the record of invoices as old, the habits' date stands.
    expect(noPaymentExpectedFrom({ paidWithinYear: 0.3 }, true, beyond, cutoffDay)).toBe(false);
    expect(noPaymentExpectedFrom(null, false, beyond, cutoffDay)).toBe(false);
  });

  it('has its probabilities on the side of its dates: P(late) ≥ 0.5 exactly when the median is after the due date', () => {
    for (const record of [...open, invoice('C3', '2026-07-15', null), invoice('C6', '2026-07-01', null)]) {
      const p = predictWith(forecaster, record, record.amountMinor);
      const median = toDayNumber(p.predictedDate);
      const due = toDayNumber(record.dueDate);
      expect(p.probabilityLate >= 0.5).toBe(median > due);
      expect(p.probabilityOver30 >= 0.5).toBe(median > due + 30);
      expect(p.probabilityOver60 >= 0.5).toBe(median > due + 60);
    }
  });

  it('no leakage: a payment or an invoice dated after the cut-off never moves an invoice 31 days or more overdue', () => {
    const overdue = open.filter((r) => cutoffDay - toDayNumber(r.dueDate) > 30);
    expect(overdue.length).toBeGreaterThan(10);
    const predict = (all: InvoiceRecord[]) => {
      const trained = trainForecaster(all, [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
      return overdue.map((r) => predictWith(trained, r, r.amountMinor));
    };
    const before = predict(records);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: overdue.length - 1 }),
        fc.integer({ min: 1, max: 400 }),
        (which, daysAfter) => {
          const target = overdue[which] as InvoiceRecord;
          const paidLater = { ...target, settledOn: addDays(CUTOFF, daysAfter), settledByPayment: true };
          const after = [
            ...records.map((r) => (r === target ? paidLater : r)),
            invoice('C7', addDays(CUTOFF, 1), daysAfter),
          ];
          expect(predict(after)).toEqual(before);
        },
      ),
      { numRuns: 15 },
    );
  });
});
