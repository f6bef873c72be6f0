import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { bandFromRanks, bandLevelFor, fitBandLevels, NOMINAL_BAND, paymentRank } from './band-levels.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { openAt } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

const day = toDayNumber;
/** 101 days from 1 June 2026: level k/100 is day k. */
const DAYS = Int32Array.from({ length: 101 }, (_, k) => day('2026-06-01') + k);

function invoice(settledOn: string | null, byPayment = true, dueDate = '2026-06-15'): InvoiceRecord {
  return {
    documentId: 1,
    customerCode: 'C1',
    customerType: 'sme',
    documentRef: 'F1',
    issueDate: '2026-05-01',
    dueDate,
    amountMinor: 100,
    currency: 'EUR',
    settledOn,
    settledByPayment: byPayment,
  };
}

describe('the band’s levels', () => {
  it('rank a payment among the days as the cut-off knows it', () => {
    const past = (record: InvoiceRecord) => ({ record, days: DAYS, madeOnDay: day('2026-05-31') });
    const cutoff = day('2026-08-31');
    expect(paymentRank(past(invoice('2026-06-21')), cutoff)).toEqual({ level: 0.2, paid: true });
    // Paid after the cut-off: known only to be after it (the day after the cut-off is day 92).
    expect(paymentRank(past(invoice('2026-09-20')), day('2026-08-31'))).toEqual({ level: 0.92, paid: false });
    expect(paymentRank(past(invoice(null)), cutoff)).toEqual({ level: 0.92, paid: false });
    // A credit note has no payment date; a payment after every day ranks above 1.
    expect(paymentRank(past(invoice('2026-06-21', false)), cutoff)).toBeNull();
    expect(paymentRank(past(invoice('2026-08-30')), cutoff)?.level).toBe(0.9);
    expect(paymentRank(past(invoice('2026-06-01')), cutoff)?.level).toBe(0);
  });

  it('read the 10th and 90th of the payments, the later ones censored (Kaplan–Meier)', () => {
    const uniform = Array.from({ length: 100 }, (_, k) => ({ level: k / 99, paid: true }));
    const even = bandFromRanks(uniform);
    expect(even.p10).toBeCloseTo(9 / 99, 9);
    expect(even.p90).toBeCloseTo(89 / 99, 9);
    // Payments later than the days said: the band moves up to where they came.
    const late = bandFromRanks(uniform.map((o) => ({ ...o, level: 0.5 + o.level / 2 })));
    expect(late.p10).toBeGreaterThan(0.5);
    expect(late.p90).toBeGreaterThan(0.9);
    // Half still unpaid at the cut-off, above level 0.6: counted as unknown beyond it, not as never paid.
    const censored = [
      ...Array.from({ length: 50 }, (_, k) => ({ level: k / 100, paid: true })),
      ...Array.from({ length: 50 }, () => ({ level: 0.6, paid: false })),
    ];
    const band = bandFromRanks(censored);
    expect(band.p10).toBeCloseTo(0.09, 9);
    // Fewer than 90 % paid by any level the cut-off can see: the last day.
    expect(band.p90).toBe(1);
    expect(bandFromRanks([]).p90).toBe(1);
  });

  it('learn the invoices not due and those overdue apart, each from enough of them', () => {
    const made = day('2026-05-31');
    const past = [
      ...Array.from({ length: 30 }, (_, k) => ({
        record: invoice(addDays('2026-06-01', 50 + k), true, '2026-06-15'),
        days: DAYS,
        madeOnDay: made,
      })),
      ...Array.from({ length: 5 }, (_, k) => ({
        record: invoice(addDays('2026-06-01', k), true, '2026-05-15'),
        days: DAYS,
        madeOnDay: made,
      })),
    ];
    const levels = fitBandLevels(past, '2026-09-30', 20);
    expect(levels.notDue?.p10).toBeGreaterThanOrEqual(0.5);
    expect(levels.overdue).toBeNull();
    expect(bandLevelFor(levels, day('2026-05-15'), made)).toBe(NOMINAL_BAND);
    expect(bandLevelFor(levels, day('2026-06-15'), made)).toBe(levels.notDue);
    expect(bandLevelFor(null, day('2026-06-15'), made)).toBe(NOMINAL_BAND);
  });
});

/**
 * Customers sliding later every month (3 days a month on top of their 10-day habit, ± 12 days of
 * noise): the habits lag behind, so the days laid for a young invoice come too early.
 */
function slidingBook(): InvoiceRecord[] {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (seed / 2_147_483_648) * 24 - 12;
  };
  return Array.from({ length: 2_400 }, (_, index) => {
    const issueDate = addDays('2024-07-01', Math.floor(index / 4));
    const dueDate = addDays(issueDate, 30);
    const delay = Math.round(10 + (3 * Math.floor(index / 4)) / 30 + noise());
    const settledOn = addDays(dueDate, Math.max(-10, delay));
    return {
      documentId: index + 1,
      customerCode: `C${index % 12}`,
      customerType: 'sme',
      documentRef: `F${index + 1}`,
      issueDate,
      dueDate,
      amountMinor: 10_000,
      currency: 'EUR',
      settledOn,
      settledByPayment: true,
    };
  });
}

describe('the band on a book drifting later', () => {
  it('covers its P90 date nearer 90 % than the 90th of the days does', () => {
    const records = slidingBook();
    const cutoff = '2025-09-30';
    // Without the portfolio's trend, which would catch this book's drift itself (portfolio-trend.ts):
    // what is measured here is the band making up for habits that lag.
    const lagging = {
      ...DEFAULT_FORECAST_OPTIONS,
      model: { ...DEFAULT_FORECAST_OPTIONS.model, pooledTrend: false },
    };
    const learned = trainForecaster(records, [], cutoff, lagging);
    const nominal = trainForecaster(records, [], cutoff, { ...lagging, band: false });
    expect(learned.terms.band?.notDue?.p90).toBeGreaterThan(0.9);
    const notDue = openAt(records, cutoff).filter((r) => r.dueDate >= cutoff);
    const coverage = (f: typeof learned) =>
      notDue.filter((r) => (r.settledOn as string) <= predictWith(f, r, r.amountMinor).p90Date).length /
      notDue.length;
    expect(coverage(nominal)).toBeLessThan(0.85);
    expect(coverage(learned)).toBeGreaterThan(coverage(nominal) + 0.05);
    // The median and the probabilities are not the band's: unchanged.
    for (const r of notDue.slice(0, 50)) {
      const a = predictWith(learned, r, r.amountMinor);
      const b = predictWith(nominal, r, r.amountMinor);
      expect([a.predictedDate, a.probabilityLate]).toEqual([b.predictedDate, b.probabilityLate]);
    }
  });
});
