import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRecordsOf } from '../../../test/support/forecast-rows.ts';
import { thinOut } from './calibration.ts';
import { eventsByDocument } from './event-fold.ts';
import {
  DEFAULT_FORECAST_OPTIONS,
  type ForecastOptions,
  predictWith,
  trainForecaster,
} from './forecaster.ts';
import { futureSales } from './future-sales.ts';
import {
  foldInvoice,
  openAtMonthEnd,
  recalibrationMonthEnds,
  startHistoryFold,
  trainFromFold,
} from './history-fold.ts';
import { openAt } from './predict.ts';
import { type EventRow, eventRowArbitrary, eventsOn, invoiceRowArbitrary } from './random-history.fixture.ts';
import { signalsOf } from './signals.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

const CUTOFF = '2025-06-15';

/** Small samples and a low floor, so that the month ends' samples are thinned and the maps fitted. */
const OPTIONS: ForecastOptions = {
  ...DEFAULT_FORECAST_OPTIONS,
  calibration: { earlierMonths: 3, maxInvoicesPerCutoff: 7, minInvoices: 3 },
};

const rowArbitrary = invoiceRowArbitrary(5_000_000);

// Promises to pay 20 days after they are made.
const eventArbitrary = eventRowArbitrary(fc.nat(), fc.constant(20));

function toEvents(rows: readonly EventRow[], records: readonly InvoiceRecord[]): InvoiceEvent[] {
  // As the query orders them: by date (then by the order they were made).
  return eventsOn(rows, records)
    .filter((event) => event.date <= CUTOFF)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The weekly job's path: counts first, then one pass over the invoices, each with its own events
 * (as the database merges them by document), keeping what `foldInvoice` asks for.
 */
function foldedForecaster(records: readonly InvoiceRecord[], events: readonly InvoiceEvent[], weeks: number) {
  const counts = recalibrationMonthEnds(CUTOFF, OPTIONS).map(
    (end) => records.filter((record) => openAtMonthEnd(record, end)).length,
  );
  const fold = startHistoryFold(CUTOFF, weeks, counts, OPTIONS);
  const byDocument = eventsByDocument(events);
  const kept: InvoiceRecord[] = [];
  for (const record of records) {
    const own = byDocument.get(record.documentId) ?? [];
    if (foldInvoice(fold, record, () => record, own)) kept.push(record);
  }
  // Each open invoice's signals come with it, as the open invoices' stream reads them.
  const signalsOfRecord = (record: InvoiceRecord) =>
    signalsOf(byDocument.get(record.documentId) ?? [], CUTOFF);
  return { fold, kept, forecaster: trainFromFold(fold), signalsOfRecord };
}

describe('the weekly job’s training on a folded history', () => {
  it('draws the month ends’ samples as they are read and predicts what the whole history predicts', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { minLength: 40, maxLength: 160 }),
        fc.array(eventArbitrary, { minLength: 5, maxLength: 30 }),
        (rows, eventRows) => {
          const records = invoiceRecordsOf(rows).filter((record) => record.issueDate <= CUTOFF);
          const events = toEvents(eventRows, records);
          const { fold, kept, forecaster, signalsOfRecord } = foldedForecaster(records, events, 13);
          for (const sample of fold.samples) {
            const whole = thinOut(openAt(records, sample.end), OPTIONS.calibration.maxInvoicesPerCutoff);
            expect(sample.records).toEqual(whole);
          }
          const reference = trainForecaster(records, events, CUTOFF, OPTIONS);
          expect(forecaster.terms).toEqual(reference.terms);
          for (const record of openAt(records, CUTOFF))
            expect(
              predictWith(forecaster, record, record.amountMinor, signalsOfRecord(record) ?? {}),
            ).toEqual(predictWith(reference, record, record.amountMinor));
          expect(futureSales(forecaster.model, kept, CUTOFF, 13)).toEqual(
            futureSales(reference.model, records, CUTOFF, 13),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds at most the sample size per month end, whatever the open invoices', () => {
    const rows = Array.from({ length: 400 }, (_, index) => ({
      customer: index % 6,
      issueOffset: 300 + (index % 200),
      terms: 30 as const,
      delay: index % 3 === 0 ? null : 200,
      byPayment: true,
      amount: 1_000 + index,
    }));
    const records = invoiceRecordsOf(rows);
    const { fold } = foldedForecaster(records, [], 0);
    expect(fold.samples.every((sample) => sample.open > OPTIONS.calibration.maxInvoicesPerCutoff)).toBe(true);
    for (const sample of fold.samples)
      expect(sample.records).toHaveLength(OPTIONS.calibration.maxInvoicesPerCutoff);
  });

  it('refuses to train when the counts given do not match what was read', () => {
    const records = invoiceRecordsOf([
      { customer: 0, issueOffset: 400, terms: 30, delay: null, byPayment: true, amount: 100 },
    ]);
    const fold = startHistoryFold(CUTOFF, 0, [0, 0, 0], OPTIONS);
    for (const record of records) foldInvoice(fold, record);
    expect(() => trainFromFold(fold)).toThrow(/counted/);
  });
});
