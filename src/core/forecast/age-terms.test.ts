import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import {
  AGE_THRESHOLDS_DAYS,
  ageCandidates,
  BEYOND_HISTORY_DAYS,
  learnAgeTerms,
  sharedAgeCandidates,
} from './age-terms.ts';
import { agedBook, CUTOFF, invoice } from './aged-book.fixture.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { openAt } from './predict.ts';
import type { InvoiceRecord } from './types.ts';
import { addToWeeks, emptyWeekSums } from './week-sums.ts';

const book = () => agedBook(24);

describe('the record of invoices already very late', () => {
  it('learns how many invoices that old were paid, those still open counted as not paid yet', () => {
    const terms = learnAgeTerms(book(), CUTOFF);
    const at180 = terms.company[AGE_THRESHOLDS_DAYS.indexOf(180)];
    // Every invoice of C6 and C7 due by 2 January 2026 had reached 180 days past due.
    expect(at180?.observations).toBeGreaterThan(30);
    // Paid 230 days after the due date: 50 days after reaching 180.
    expect(at180?.curve.days).toEqual([50]);
  });

  it('dates a very late invoice from that record, most of it beyond the horizon, not the day after the cut-off', () => {
    const records = book();
    const old = invoice('C6', '2025-06-01', null);
    const forecaster = trainForecaster([...records, old], [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
    const p = predictWith(forecaster, old, old.amountMinor);
    const cutoffDay = toDayNumber(CUTOFF);
    expect(p.reasons.find((r) => r.code === 'long_overdue')?.figures).toMatchObject({ basis: 'segment' });
    // Most such invoices were never paid: the median lies a year out, not in July.
    expect(toDayNumber(p.predictedDate)).toBe(cutoffDay + BEYOND_HISTORY_DAYS);
    const within13Weeks = p.candidateDays.filter((day) => day <= cutoffDay + 91).length;
    expect(within13Weeks).toBeLessThan(30);
    // Without the record, the same invoice was laid from the day after the cut-off.
    const bare = trainForecaster([...records, old], [], CUTOFF, {
      ...DEFAULT_FORECAST_OPTIONS,
      ageRecord: false,
    });
    expect(predictWith(bare, old, old.amountMinor).p90Date < addDays(CUTOFF, 91)).toBe(true);
  });

  it('keeps its dates in order when the record saw payments more than a year on', () => {
    // C8 pays one invoice in three 700 days late and never the others: its record holds payments
    // later than the year out where the never-paid share is laid.
    const records = book();
    for (let month = 0; month < 24; month += 1)
      records.push(invoice('C8', addDays('2024-01-20', month * 30), month % 3 === 0 ? 700 : null));
    const old = invoice('C8', '2025-12-01', null);
    const forecaster = trainForecaster([...records, old], [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
    const p = predictWith(forecaster, old, old.amountMinor);
    const cutoffDay = toDayNumber(CUTOFF);
    expect(p.candidateDays.some((day) => day > cutoffDay + BEYOND_HISTORY_DAYS)).toBe(true);
    expect(p.candidateDays).toEqual([...p.candidateDays].sort((a, b) => a - b));
    expect(p.p10Date <= p.predictedDate && p.predictedDate <= p.p90Date).toBe(true);
  });

  it('gives every invoice of the same segment and age the answer computed once, equal to a fresh one', () => {
    const terms = learnAgeTerms(book(), CUTOFF);
    const cutoffDay = toDayNumber(CUTOFF);
    for (const age of [150, 200, 400]) {
      const shared = sharedAgeCandidates(terms, 'sme', age, cutoffDay);
      expect(shared).toEqual(ageCandidates(terms, 'sme', age, cutoffDay));
      expect(sharedAgeCandidates(terms, 'sme', age, cutoffDay)).toBe(shared);
    }
    // Another cut-off is another question.
    expect(sharedAgeCandidates(terms, 'sme', 400, cutoffDay + 7)).toEqual(
      ageCandidates(terms, 'sme', 400, cutoffDay + 7),
    );
  });

  it('without enough invoices that old, gives nothing (the caller keeps the habits’ tail)', () => {
    const terms = learnAgeTerms(book().slice(0, 20), CUTOFF);
    expect(ageCandidates(terms, 'sme', 400, toDayNumber(CUTOFF))).toBeNull();
  });

  it('no leakage: a payment or an invoice dated after the cut-off never moves a very late invoice', () => {
    const records = book();
    const open = openAt(records, CUTOFF).filter((r) => toDayNumber(CUTOFF) - toDayNumber(r.dueDate) > 180);
    expect(open.length).toBeGreaterThan(5);
    const predict = (all: InvoiceRecord[]) => {
      const forecaster = trainForecaster(all, [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
      return open.map((r) => predictWith(forecaster, r, r.amountMinor));
    };
    const before = predict(records);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: open.length - 1 }),
        fc.integer({ min: 1, max: 400 }),
        (which, daysAfter) => {
          const target = open[which] as InvoiceRecord;
          const paidLater = { ...target, settledOn: addDays(CUTOFF, daysAfter), settledByPayment: true };
          const after = [
            ...records.map((r) => (r === target ? paidLater : r)),
            invoice('C7', addDays(CUTOFF, 1), daysAfter),
          ];
          expect(predict(after)).toEqual(before);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('the collection forecast', () => {
  it('leaves out an invoice whose payment is not expected (a claim from before an insolvency judgment)', () => {
    const asOf = '2026-06-30';
    const days = [toDayNumber('2026-07-08'), toDayNumber('2026-07-09')];
    const sums = emptyWeekSums(asOf, 13);
    addToWeeks(sums, [
      { candidateDays: days, openMinor: 70_000 },
      { candidateDays: days, openMinor: 30_000, paymentExpected: false },
    ]);
    expect(sums.expected[1]).toBe(70_000);
    expect(sums.expected.reduce((a, b) => a + b, 0)).toBe(70_000);
  });
});
