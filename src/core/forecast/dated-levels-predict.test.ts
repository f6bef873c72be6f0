/**
 * The product's dates for invoices overdue: the record of invoices as old blended from 31 days,
 * "no payment expected" when most invoices as old stayed unpaid a year on, the dates moved with
 * the recalibrated probabilities, and nothing learned after the cut-off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { openAt } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

let nextId = 1;
function invoice(customerCode: string, dueDate: string, paidAfterDays: number | null): InvoiceRecord {
  const id = nextId++;
  return {
    documentId: id,
    customerCode,
    customerType: 'sme',
    documentRef: `F${id}`,
    issueDate: addDays(dueDate, -30),
    dueDate,
    amountMinor: 100_000,
    currency: 'EUR',
    settledOn: paidAfterDays === null ? null : addDays(dueDate, paidAfterDays),
    settledByPayment: paidAfterDays !== null,
  };
}

const CUTOFF = '2026-06-30';

/**
 * Customers C0–C5 pay 2–7 days late; C6 pays one invoice in five 230 days late and the others
 * never, C7 never: a record of old invoices mostly unpaid.
 */
function book(): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let month = 0; month < 30; month += 1)
    for (let k = 0; k < 8; k += 1) {
      const due = addDays('2024-01-15', month * 30 + k);
      const code = `C${k}`;
      if (k < 6) records.push(invoice(code, due, 2 + k));
      else records.push(invoice(code, due, k === 6 && month % 5 === 0 ? 230 : null));
    }
  return records;
}

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
