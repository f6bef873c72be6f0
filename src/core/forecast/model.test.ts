import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { runBacktest } from './backtest.ts';
import { collectionForecast } from './collections.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { invoiceBuilders } from './invoice-book.fixture.ts';
import { trainModel } from './model.ts';
import { openAt, predictInvoice } from './predict.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';
import { firstWeekStart } from './week-sums.ts';

const { invoice, history } = invoiceBuilders();

describe('trainModel', () => {
  it('learns each customer’s delay, shrunk toward the segment by the amount of history', () => {
    const records = [...history('SLOW', 40), ...history('FAST', 0), ...history('NEW', 40, 1)];
    const model = trainModel(records, '2026-01-31');
    const slow = model.customers.get('SLOW');
    const newer = model.customers.get('NEW');
    expect(slow?.ownDelayDays).toBe(40);
    // December's invoice (due 4 January, paid 13 February) was still open at the cut-off.
    expect(slow?.settledInvoices).toBe(11);
    // Same own delay, less history: pulled further toward the segment (≈ 21 days).
    expect(newer?.ownWeight).toBeLessThan(slow?.ownWeight ?? 0);
    expect(Math.abs((newer?.delayDays ?? 0) - 40)).toBeGreaterThan(Math.abs((slow?.delayDays ?? 0) - 40));
    expect(model.segments.get('sme')?.settledInvoices).toBe(24);
  });

  it('ignores invoices settled after the cut-off and those a credit note closed', () => {
    const records = [
      invoice('A', '2025-01-05', 10),
      invoice('A', '2025-02-05', 200),
      invoice('A', '2025-03-05', 90, { settledByPayment: false }),
    ];
    const model = trainModel(records, '2025-05-01');
    expect(model.customers.get('A')?.settledInvoices).toBe(1);
    expect(model.customers.get('A')?.ownDelayDays).toBe(10);
  });
});

describe('predictInvoice', () => {
  const records = [...history('SLOW', 40), ...history('FAST', 0), invoice('SLOW', '2026-01-10', null)];
  const model = trainModel(records, '2026-01-31');
  const open = openAt(records, '2026-01-31').find((r) => r.customerCode === 'SLOW');

  it('predicts a slow payer late, with ordered quantiles and reasons with figures', () => {
    if (!open) throw new Error('no open invoice');
    const p = predictInvoice(model, open, 100_000);
    expect(p.p10Date <= p.predictedDate && p.predictedDate <= p.p90Date).toBe(true);
    expect(p.predictedDate > p.dueDate).toBe(true);
    expect(p.probabilityLate).toBeGreaterThan(0.5);
    expect(p.probabilityOver30).toBeLessThanOrEqual(p.probabilityLate);
    expect(p.probabilityOver60).toBeLessThanOrEqual(p.probabilityOver30);
    expect(p.reasons.find((r) => r.code === 'customer_history')?.figures).toMatchObject({
      settledInvoices: 11,
      averageDelayDays: 40,
    });
  });

  it('gives a regular payer a narrower distribution than an erratic one', () => {
    const erratic = Array.from({ length: 12 }, (_, m) =>
      invoice('ERRATIC', `2025-${String(m + 1).padStart(2, '0')}-05`, m % 2 === 0 ? 0 : 50),
    );
    const all = [...records, ...erratic];
    const m = trainModel(all, '2026-01-31');
    const width = (code: string) => {
      const p = predictInvoice(m, invoice(code, '2026-01-30', null), 1);
      return Date.parse(p.p90Date) - Date.parse(p.p10Date);
    };
    expect(m.customers.get('FAST')?.spreadDays).toBeLessThan(m.customers.get('ERRATIC')?.spreadDays ?? 0);
    expect(width('FAST')).toBeLessThan(width('ERRATIC'));
  });

  it('never predicts a date on or before the cut-off for an invoice still open then', () => {
    const overdue = invoice('FAST', '2025-06-01', null);
    const p = predictInvoice(trainModel([...records, overdue], '2026-01-31'), overdue, 100_000);
    expect(p.p10Date > '2026-01-31').toBe(true);
    expect(p.reasons.map((r) => r.code)).toContain('already_overdue');
  });

  it('falls back to the segment for a customer with no history', () => {
    const stranger = invoice('NOBODY', '2026-01-20', null);
    const p = predictInvoice(model, stranger, 100_000);
    expect(p.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['no_history', 'segment_behaviour']));
  });

  it('no leakage: a payment dated after the cut-off never changes any prediction', () => {
    const cutoff = '2026-01-31';
    const base = [...history('SLOW', 40), ...history('FAST', 0), ...history('MID', 15, 6)];
    const pending = [invoice('SLOW', '2026-01-10', null), invoice('MID', '2025-12-01', null)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (which, daysAfter, amount) => {
          const target = pending[which] as InvoiceRecord;
          const before = [...base, ...pending];
          // The same ledger, one invoice now paid (after the cut-off), plus a new later invoice paid too.
          const paidLater = { ...target, settledOn: addDays(cutoff, daysAfter), settledByPayment: true };
          const after = [
            ...base,
            ...pending.map((r) => (r === target ? paidLater : r)),
            invoice('SLOW', addDays(cutoff, 1), daysAfter, { amountMinor: amount }),
          ];
          const predict = (all: InvoiceRecord[]) => {
            const model = trainModel(all, cutoff);
            return openAt(all, cutoff).map((r) => predictInvoice(model, r, r.amountMinor));
          };
          expect(predict(after)).toEqual(predict(before));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('no leakage through the events and the recalibration', () => {
  it('a payment or an event dated after the cut-off never changes any prediction', () => {
    const cutoff = '2026-01-31';
    const base = [...history('SLOW', 40), ...history('FAST', 0), ...history('MID', 15, 6)];
    const pending = [invoice('SLOW', '2025-12-10', null), invoice('MID', '2025-11-01', null)];
    const known: InvoiceEvent[] = [
      { documentId: pending[0]?.documentId ?? 0, kind: 'dispute_opened', date: '2026-01-12' },
      { documentId: pending[1]?.documentId ?? 0, kind: 'reminder', date: '2026-01-05' },
      ...base
        .slice(0, 4)
        .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened' as const, date: r.issueDate })),
    ];
    // Recalibrated on three earlier month ends, from as few outcomes as there are.
    const options = {
      ...DEFAULT_FORECAST_OPTIONS,
      events: { ...DEFAULT_FORECAST_OPTIONS.events, minObservations: 1 },
      calibration: { earlierMonths: 3, maxInvoicesPerCutoff: 1000, minInvoices: 1 },
    };
    const predict = (all: InvoiceRecord[], events: InvoiceEvent[]) => {
      const forecaster = trainForecaster(all, events, cutoff, options);
      expect(forecaster.terms.calibration?.late).not.toBeNull();
      return openAt(all, cutoff).map((r) => predictWith(forecaster, r, r.amountMinor));
    };
    const before = predict([...base, ...pending], known);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 400 }), (which, daysAfter) => {
        const target = pending[which] as InvoiceRecord;
        const paidLater = { ...target, settledOn: addDays(cutoff, daysAfter), settledByPayment: true };
        const later = addDays(cutoff, Math.ceil(daysAfter / 2));
        const events: InvoiceEvent[] = [
          ...known,
          { documentId: target.documentId, kind: 'dispute_resolved', date: later },
          { documentId: target.documentId, kind: 'reminder', date: later, level: 3 },
          { documentId: target.documentId, kind: 'promise', date: later, promisedDate: addDays(later, 5) },
        ];
        const after = [...base, ...pending.map((r) => (r === target ? paidLater : r))];
        expect(predict(after, events)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });
});

describe('runBacktest', () => {
  it('beats the due-date baseline on a book of steady late payers, with calibration bins', () => {
    const records = [
      ...history('SLOW', 40, 12),
      ...history('FAST', 0, 12),
      ...history('MID', 15, 12, 'wholesaler'),
      ...Array.from({ length: 6 }, (_, m) => invoice('SLOW', `2026-0${m + 1}-05`, 40)),
    ];
    const result = runBacktest(records, '2025-06-01', '2026-03-31');
    expect(result.uncalibrated.calibration).toHaveLength(10);
    expect(result.cutoffs[0]).toBe('2025-06-30');
    expect(result.cutoffs.at(-1)).toBe('2026-03-31');
    expect(result.invoices).toBeGreaterThan(0);
    const mae = Object.fromEntries(result.methods.map((m) => [m.method, m.maeDays]));
    expect(mae.model).toBeLessThan(mae.dueDate ?? 0);
    expect(result.calibration).toHaveLength(10);
    expect(result.calibration.reduce((sum, bin) => sum + bin.invoices, 0)).toBe(result.invoices);
  });
});

describe('collectionForecast', () => {
  it('spreads each open amount over the weeks of its candidate dates, band around the total', () => {
    const asOf = '2026-02-01'; // a Sunday: the first week starts on Monday 2026-02-02
    expect(firstWeekStart(asOf)).toBe('2026-02-02');
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const weeks = collectionForecast(
      [
        { candidateDays: [day('2026-02-03'), day('2026-02-10')], openMinor: 1000 },
        { candidateDays: [day('2026-02-04')], openMinor: 500 },
      ],
      [{ candidateDays: [day('2026-02-11')], openMinor: 300 }],
      asOf,
      3,
    );
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16']);
    expect(weeks.map((w) => w.fromOpenItemsMinor)).toEqual([1000, 500, 0]);
    expect(weeks.map((w) => w.fromFutureSalesMinor)).toEqual([0, 300, 0]);
    // Week 1: 500 certain + 1000 × ½: σ = 500, band ± 822.5.
    expect(weeks[0]).toMatchObject({ lowMinor: 178, highMinor: 1823 });
    expect(weeks[2]).toMatchObject({ lowMinor: 0, highMinor: 0 });
  });
});
