import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromYmd } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { futureSales } from './future-sales.ts';
import {
  foldInvoice,
  openAtMonthEnd,
  recalibrationMonthEnds,
  startHistoryFold,
  trainFromFold,
} from './history-fold.ts';
import { openAt } from './predict.ts';
import { CUTOFF, lateInAugust, seasonalBook, seasonalInvoice } from './season-book.fixture.ts';
import {
  addToSeasonFold,
  finishSeasonTerms,
  learnSeasonTerms,
  NO_SEASON,
  startSeasonFold,
} from './season-terms.ts';
import type { InvoiceRecord } from './types.ts';

const AUGUST = 7;
const book = seasonalBook;
const invoice = seasonalInvoice;

/** The predicted delay after the due date of the open invoice, and its season's reason. */
function predicted(records: InvoiceRecord[], open: InvoiceRecord, season = true) {
  const forecaster = trainForecaster([...records, open], [], CUTOFF, {
    ...DEFAULT_FORECAST_OPTIONS,
    season,
  });
  const p = predictWith(forecaster, open, open.amountMinor);
  return {
    delayDays: daysBetween(open.dueDate, p.predictedDate),
    reason: p.reasons.find((reason) => reason.code === 'seasonality'),
  };
}

describe('the payments’ season', () => {
  it('learns that payments expected in August come 12 days later, every August of three years', () => {
    const terms = learnSeasonTerms(book(lateInAugust), CUTOFF);
    // Measured against the customers' mean delays, which hold a twelfth of the Augusts' 12 days.
    expect(terms.monthDays[AUGUST]).toBeCloseTo(11, 0);
    expect(terms.years[AUGUST]).toBe(3);
    for (const [month, days] of terms.monthDays.entries())
      if (month !== AUGUST) expect(Math.abs(days)).toBeLessThan(2);
  });

  it('predicts an invoice due in August about 12 days later than one due in October, saying why', () => {
    const records = book(lateInAugust);
    const august = predicted(records, invoice(9001, 0, '2026-08-10', null));
    const october = predicted(records, invoice(9002, 0, '2026-10-10', null));
    expect(august.delayDays - october.delayDays).toBeGreaterThanOrEqual(11);
    expect(august.delayDays - october.delayDays).toBeLessThanOrEqual(13);
    expect(august.reason?.figures).toEqual({ month: 8, extraDays: expect.closeTo(11, 0), years: 3 });
    expect(october.reason).toBeUndefined();
    // Switched off, August is October.
    const off = predicted(records, invoice(9001, 0, '2026-08-10', null), false);
    expect(Math.abs(off.delayDays - october.delayDays)).toBeLessThanOrEqual(1);
    expect(off.reason).toBeUndefined();
  });

  it('gives no reason for an invoice whose dates come from the tail, which the season does not move', () => {
    // Due in March, four months overdue: its habit's days all fall before the cut-off, so its dates
    // are laid from the day after it, in July, a late month, whether the season is learned or not.
    const lateInJuly = (dueDate: IsoDate) => (dueDate.slice(5, 7) === '07' ? 12 : 0);
    const overdue = invoice(9001, 1, '2026-03-02', null);
    const withSeason = trainForecaster([...book(lateInJuly), overdue], [], CUTOFF);
    expect(withSeason.terms.season?.monthDays[6]).toBeGreaterThan(10);
    const without = trainForecaster([...book(lateInJuly), overdue], [], CUTOFF, {
      ...DEFAULT_FORECAST_OPTIONS,
      season: false,
    });
    const p = predictWith(withSeason, overdue, overdue.amountMinor);
    const q = predictWith(without, overdue, overdue.amountMinor);
    expect([p.p10Date, p.predictedDate, p.p90Date]).toEqual([q.p10Date, q.predictedDate, q.p90Date]);
    expect(p.reasons.map((reason) => reason.code)).not.toContain('seasonality');
  });

  it('moves the future sales whose payment is expected in August, as it moves the open invoices', () => {
    const records = book(lateInAugust);
    const forecaster = trainForecaster(records, [], CUTOFF);
    const season = forecaster.terms.season ?? null;
    // Issued again 364 days later, after the cut-off: due on 17 August and 17 September 2026.
    const medianOf = (dueDate: IsoDate, terms: typeof season) => {
      const record = records.find((r) => r.dueDate === dueDate) as InvoiceRecord;
      const [sale] = futureSales(forecaster.model, [record], CUTOFF, 13, terms);
      return sale?.candidateDays[50] as number;
    };
    expect(medianOf('2025-08-18', season) - medianOf('2025-08-18', null)).toBeGreaterThanOrEqual(9);
    expect(medianOf('2025-09-18', season)).toBe(medianOf('2025-09-18', null));
  });

  it('learns no season, and gives no reason, when no month differs', () => {
    const records = book(() => 0);
    expect(learnSeasonTerms(records, CUTOFF)).toEqual(NO_SEASON);
    expect(predicted(records, invoice(9001, 0, '2026-08-10', null)).reason).toBeUndefined();
  });

  it('learns no season from a month seen in one year only', () => {
    // From January 2025: only the August of 2025 is in the history (late, as before).
    const terms = learnSeasonTerms(book(lateInAugust, 2025), CUTOFF);
    expect(terms.monthDays[AUGUST]).toBe(0);
    expect(terms).toEqual(NO_SEASON);
  });

  it('learns from August of one year only as much as the years agree', () => {
    // Late in August 2023 and 2025, not in 2024: a weaker season than three late Augusts.
    const sometimes = (dueDate: IsoDate) => (dueDate.startsWith('2024') ? 0 : lateInAugust(dueDate));
    const terms = learnSeasonTerms(book(sometimes), CUTOFF);
    const always = learnSeasonTerms(book(lateInAugust), CUTOFF);
    expect(terms.monthDays[AUGUST]).toBeGreaterThan(0);
    expect(terms.monthDays[AUGUST]).toBeLessThan((always.monthDays[AUGUST] as number) - 3);
  });

  it('meets August with the July invoices of a customer who pays 30 days late', () => {
    // Its payments expected in August are those due in July: they come 12 days later.
    const late = book(lateInAugust).map((r) => {
      if (r.customerCode !== 'C0' && r.customerCode !== 'C5' && r.customerCode !== 'C10') return r;
      const extra = r.dueDate.slice(5, 7) === '07' ? 12 : 0;
      return { ...r, settledOn: addDays(r.dueDate, 30 + extra) };
    });
    const july = predicted(late, invoice(9001, 0, '2026-07-10', null));
    const september = predicted(late, invoice(9002, 0, '2026-09-10', null));
    expect(july.reason?.figures.month).toBe(8);
    expect(july.delayDays - september.delayDays).toBeGreaterThanOrEqual(10);
  });

  it('learns at several cut-offs in one pass what each learns alone, whatever the other cut-offs', () => {
    const records = book(lateInAugust);
    const cutoffs = ['2026-03-31', '2026-04-30', '2026-05-31', CUTOFF];
    const fold = startSeasonFold(cutoffs);
    for (const record of records) addToSeasonFold(fold, record);
    for (const cutoff of cutoffs)
      expect(finishSeasonTerms(fold, cutoff)).toEqual(learnSeasonTerms(records, cutoff));
  });

  it('no leakage: a payment after the cut-off does not move the season', () => {
    const records = book(lateInAugust);
    const known = records.map((r) =>
      r.settledOn !== null && r.settledOn > CUTOFF ? { ...r, settledOn: null } : r,
    );
    expect(learnSeasonTerms(records, CUTOFF)).toEqual(learnSeasonTerms(known, CUTOFF));
  });

  it('the weekly job’s fold of the history predicts what the lists predict', () => {
    const dueInAugust = Array.from({ length: 10 }, (_, c) =>
      invoice(9001 + c, c, fromYmd(2026, 8, 1 + c), null),
    );
    const records = [...book(lateInAugust), ...dueInAugust].filter((r) => r.issueDate <= CUTOFF);
    const counts = recalibrationMonthEnds(CUTOFF).map(
      (end) => records.filter((record) => openAtMonthEnd(record, end)).length,
    );
    const fold = startHistoryFold(CUTOFF, 0, counts);
    for (const record of records) foldInvoice(fold, record);
    const folded = trainFromFold(fold);
    const listed = trainForecaster(records, [], CUTOFF);
    expect(folded.terms.season).toEqual(listed.terms.season);
    expect(folded.terms.season?.monthDays[AUGUST]).toBeGreaterThan(10);
    const open = openAt(records, CUTOFF);
    expect(open.filter((r) => r.dueDate.slice(5, 7) === '08')).toHaveLength(10);
    const reasons = open.flatMap((r) => predictWith(folded, r, r.amountMinor).reasons);
    expect(reasons.filter((reason) => reason.code === 'seasonality')).toHaveLength(10);
    for (const record of open)
      expect(predictWith(folded, record, record.amountMinor)).toEqual(
        predictWith(listed, record, record.amountMinor),
      );
  });
});
