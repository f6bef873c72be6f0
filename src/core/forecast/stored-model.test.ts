import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { openAt } from './predict.ts';
import {
  lateInAugust,
  CUTOFF as SEASON_CUTOFF,
  seasonalBook,
  seasonalInvoice,
} from './season-book.fixture.ts';
import { signalsAt } from './signals.ts';
import { predictAt, restoreForecaster, STORED_MODEL_LAYOUT, storeForecaster } from './stored-model.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

let nextId = 1;
function invoice(code: string, type: string, issueDate: string, delay: number | null): InvoiceRecord {
  const dueDate = addDays(issueDate, 30);
  const id = nextId++;
  return {
    documentId: id,
    customerCode: code,
    customerType: type,
    documentRef: `F${id}`,
    issueDate,
    dueDate,
    amountMinor: 10_000 + 137 * id,
    currency: 'EUR',
    settledOn: delay === null ? null : addDays(dueDate, delay),
    settledByPayment: delay !== null,
  };
}

/** Customers with irregular delays over two years, some invoices still open, a few events. */
function book() {
  const records: InvoiceRecord[] = [];
  const customers = ['A', 'B', 'C', 'D', 'E', 'F'];
  customers.forEach((code, c) => {
    for (let month = 0; month < 24; month += 1) {
      const issue = addDays('2024-07-03', month * 30 + c);
      const delay = (c * 7 + ((month * 13) % 17) - 4) % 45;
      const open = month >= 21 && c % 2 === 0;
      records.push(invoice(code, c < 3 ? 'sme' : 'wholesaler', issue, open ? null : delay));
    }
  });
  const events: InvoiceEvent[] = records
    .filter((_, index) => index % 9 === 0)
    .map((r, index) =>
      index % 2 === 0
        ? { documentId: r.documentId, kind: 'dispute_opened', date: r.dueDate }
        : { documentId: r.documentId, kind: 'reminder', date: addDays(r.dueDate, 5), level: 1 },
    );
  return { records, events };
}

const options = {
  ...DEFAULT_FORECAST_OPTIONS,
  events: { ...DEFAULT_FORECAST_OPTIONS.events, minObservations: 1 },
  calibration: { earlierMonths: 3, maxInvoicesPerCutoff: 1000, minInvoices: 1 },
};

describe('stored forecaster', () => {
  it('predicts, once written as JSON and read again, exactly what the trained one predicts', () => {
    const { records, events } = book();
    const cutoff = '2026-05-31';
    const trained = trainForecaster(records, events, cutoff, options);
    expect(trained.terms.calibration?.late).not.toBeNull();
    expect(trained.eventTerms.disputeBySegment.size).toBeGreaterThan(0);
    const stored = JSON.parse(JSON.stringify(storeForecaster(trained)));
    expect(stored.layout).toBe(STORED_MODEL_LAYOUT);
    const restored = predictAt(restoreForecaster(stored), cutoff, signalsAt(events, cutoff));
    const open = openAt(records, cutoff);
    expect(open.length).toBeGreaterThan(10);
    const fresh = open.map((r) => predictWith(trained, r, r.amountMinor));
    expect(open.map((r) => predictWith(restored, r, r.amountMinor))).toEqual(fresh);
  });

  it('keeps the channel effect, and reads a model kept before the channel was learned as without it', () => {
    const { records, events } = book();
    // The invoices of the second year sent electronically.
    const withChannel = records.map((r) => ({ ...r, electronic: r.issueDate >= '2025-07-03' }));
    const cutoff = '2026-05-31';
    const trained = trainForecaster(withChannel, events, cutoff, options);
    expect(trained.model.electronicDelayDays).not.toBe(0);
    const stored = JSON.parse(JSON.stringify(storeForecaster(trained)));
    const restored = predictAt(restoreForecaster(stored), cutoff, signalsAt(events, cutoff));
    const open = openAt(withChannel, cutoff);
    expect(open.some((r) => r.electronic)).toBe(true);
    expect(open.map((r) => predictWith(restored, r, r.amountMinor))).toEqual(
      open.map((r) => predictWith(trained, r, r.amountMinor)),
    );
    // The same layout as kept by delay-shrinkage-3: neither the effect nor the option.
    delete stored.electronicDelayDays;
    delete stored.modelOptions.channelAdjusted;
    const older = restoreForecaster(stored);
    expect(older.model.electronicDelayDays).toBe(0);
    expect(older.model.options.channelAdjusted).toBe(false);
  });

  it('keeps the payments’ season, and reads a model kept before the season was learned as without it', () => {
    const open = Array.from({ length: 10 }, (_, c) =>
      seasonalInvoice(9001 + c, c, addDays('2026-08-01', c), null),
    );
    const records = [...seasonalBook(lateInAugust), ...open];
    const trained = trainForecaster(records, [], SEASON_CUTOFF, options);
    expect(trained.terms.season?.monthDays[7]).toBeGreaterThan(10);
    const stored = JSON.parse(JSON.stringify(storeForecaster(trained)));
    const restored = predictAt(restoreForecaster(stored), SEASON_CUTOFF, new Map());
    expect(restored.terms.season).toEqual(trained.terms.season);
    const fresh = open.map((r) => predictWith(trained, r, r.amountMinor));
    expect(fresh.every((p) => p.reasons.some((reason) => reason.code === 'seasonality'))).toBe(true);
    expect(open.map((r) => predictWith(restored, r, r.amountMinor))).toEqual(fresh);
    delete stored.season;
    expect(restoreForecaster(stored).season).toBeNull();
  });

  it('keeps the trends, from the training date, and reads a model kept before them as without', () => {
    const { records, events } = book();
    // A customer paying one more day late every week (paid by the cut-off).
    const sliding = Array.from({ length: 90 }, (_, week) =>
      invoice('G', 'sme', addDays('2024-08-01', 7 * week), 3 + week),
    ).filter((r) => (r.settledOn as string) <= '2026-05-31');
    const all = [...records, ...sliding, invoice('G', 'sme', '2026-05-20', null)];
    const cutoff = '2026-05-31';
    const trained = trainForecaster(all, events, cutoff, options);
    expect(trained.model.customers.get('G')?.trendDaysPerDay).toBeGreaterThan(0.1);
    const stored = JSON.parse(JSON.stringify(storeForecaster(trained)));
    expect(stored.customers.trendDaysPerDay).toHaveLength(stored.customers.codes.length);
    const open = openAt(all, cutoff);
    expect(
      open.map((r) =>
        predictWith(predictAt(restoreForecaster(stored), cutoff, signalsAt(events, cutoff)), r, 1),
      ),
    ).toEqual(open.map((r) => predictWith(trained, r, 1)));
    // Later, the trend still starts from the training date: the same delay for the same due date.
    const later = predictAt(restoreForecaster(stored), '2026-06-10', new Map());
    const g = open.find((r) => r.customerCode === 'G') as InvoiceRecord;
    expect(predictWith(later, g, 1).expectedDelayDays).toBe(predictWith(trained, g, 1).expectedDelayDays);
    // As kept before the trend was learned: neither the columns nor the options.
    delete stored.customers.trendDays;
    delete stored.customers.trendDaysPerDay;
    for (const key of ['trend', 'trendHalfLifeDays', 'trendCompleteDays', 'trendHorizonDays', 'censoredTail'])
      delete stored.modelOptions[key];
    const older = restoreForecaster(stored).model;
    expect([...older.customers.values()].every((h) => h.trendDays === 0 && h.trendDaysPerDay === 0)).toBe(
      true,
    );
    const habit = older.customers.get('G');
    expect(predictWith(predictAt(restoreForecaster(stored), cutoff, new Map()), g, 1).expectedDelayDays).toBe(
      Math.round((habit?.delayDays ?? 0) * 10) / 10,
    );
  });

  it('predicts at a later date from that date: no payment day on or before it', () => {
    const { records, events } = book();
    const trained = trainForecaster(records, events, '2026-05-31', options);
    const restored = restoreForecaster(JSON.parse(JSON.stringify(storeForecaster(trained))));
    const later = '2026-06-05';
    const forecaster = predictAt(restored, later, signalsAt(events, later));
    for (const record of openAt(records, later)) {
      const prediction = predictWith(forecaster, record, record.amountMinor);
      expect(prediction.p10Date > later).toBe(true);
    }
    expect(() => predictAt(restored, '2026-05-30', new Map())).toThrow(RangeError);
  });
});
