import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { fitCalibration, knownLate } from './calibration.ts';
import { applyIsotonic, fitIsotonic } from './isotonic.ts';
import type { InvoiceRecord } from './types.ts';

describe('fitIsotonic (pooled adjacent violators)', () => {
  it('pools the violators and interpolates between the knots', () => {
    const map = fitIsotonic([
      { predicted: 0.75, observed: 0 },
      { predicted: 0.25, observed: 0 },
      { predicted: 1, observed: 1 },
      { predicted: 0.5, observed: 1 },
    ]);
    // 0.5 → 1 then 0.75 → 0 decrease: pooled into one block of mean ½ spanning 0.5 … 0.75.
    expect(map.predicted).toEqual([0.25, 0.5, 0.75, 1]);
    expect(map.calibrated).toEqual([0, 0.5, 0.5, 1]);
    expect(map.points).toBe(4);
    expect([0, 0.375, 0.625, 0.875, 1].map((p) => applyIsotonic(map, p))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('weighs the points and pools equal predictions', () => {
    const map = fitIsotonic([
      { predicted: 0.5, observed: 1, weight: 3 },
      { predicted: 0.625, observed: 0, weight: 1 },
      { predicted: 0.625, observed: 1, weight: 0 },
      { predicted: 0.875, observed: 1 },
      { predicted: 0.875, observed: 1 },
    ]);
    expect(map.predicted).toEqual([0.5, 0.625, 0.875]);
    expect(map.calibrated).toEqual([0.75, 0.75, 1]);
    expect(map.points).toBe(4);
  });

  it('is non-decreasing, within the outcomes, and keeps their weighted mean', () => {
    const point = fc.record({
      predicted: fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
      observed: fc.integer({ min: 0, max: 1 }),
      weight: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 60 }), (points) => {
        const map = fitIsotonic(points);
        const fitted = points.map((p) => applyIsotonic(map, p.predicted));
        for (let index = 1; index < map.calibrated.length; index += 1)
          expect(map.calibrated[index]).toBeGreaterThanOrEqual(map.calibrated[index - 1] as number);
        for (const value of fitted) expect(value >= 0 && value <= 1).toBe(true);
        const total = (values: number[]) =>
          values.reduce((sum, v, i) => sum + v * (points[i]?.weight ?? 0), 0);
        expect(total(fitted)).toBeCloseTo(total(points.map((p) => p.observed)), 9);
      }),
    );
  });
});

function invoice(dueDate: string, settledOn: string | null, settledByPayment = true): InvoiceRecord {
  return {
    documentId: 1,
    customerCode: 'A',
    customerType: 'sme',
    documentRef: 'F1',
    issueDate: addDays(dueDate, -30),
    dueDate,
    amountMinor: 1000,
    currency: 'EUR',
    settledOn,
    settledByPayment: settledOn !== null && settledByPayment,
  };
}

describe('knownLate: the outcome as the cut-off knows it', () => {
  const cutoff = '2026-01-31';
  it('tells late from on time once the threshold date has passed, and nothing before', () => {
    expect(knownLate(invoice('2026-01-10', '2026-01-10'), 0, cutoff)).toBe(0);
    expect(knownLate(invoice('2026-01-10', '2026-01-20'), 0, cutoff)).toBe(1);
    // Still open at the cut-off, past its due date: late, whenever it is paid afterwards.
    expect(knownLate(invoice('2026-01-10', null), 0, cutoff)).toBe(1);
    expect(knownLate(invoice('2026-01-10', '2026-03-01'), 0, cutoff)).toBe(1);
    // Not due yet: unknown even when already paid, so that early payers are not the only ones kept.
    expect(knownLate(invoice('2026-02-10', '2026-01-15'), 0, cutoff)).toBeNull();
    expect(knownLate(invoice('2026-01-10', '2026-01-05', false), 0, cutoff)).toBeNull();
    expect(knownLate(invoice('2025-12-01', '2026-01-05'), 30, cutoff)).toBe(1);
    expect(knownLate(invoice('2025-12-15', '2026-01-05'), 30, cutoff)).toBe(0);
    expect(knownLate(invoice('2026-01-05', '2026-01-06'), 30, cutoff)).toBeNull();
  });

  it('fits each threshold on its own known outcomes, and none below the minimum', () => {
    const past = [
      {
        record: invoice('2026-01-10', '2026-01-20'),
        probabilityLate: 0.4,
        probabilityOver30: 0.1,
        probabilityOver60: 0,
      },
      {
        record: invoice('2026-01-12', '2026-01-12'),
        probabilityLate: 0.6,
        probabilityOver30: 0.2,
        probabilityOver60: 0,
      },
      {
        record: invoice('2026-02-12', null),
        probabilityLate: 0.9,
        probabilityOver30: 0.5,
        probabilityOver60: 0.1,
      },
    ];
    const calibration = fitCalibration(past, '2026-01-31', {
      earlierMonths: 1,
      maxInvoicesPerCutoff: 10,
      minInvoices: 2,
    });
    // Late at 0.4, on time at 0.6: pooled to ½; the invoice not due yet is left out.
    expect(calibration.late?.calibrated).toEqual([0.5, 0.5]);
    expect(calibration.over30).toBeNull();
    expect(calibration.over60).toBeNull();
  });
});
