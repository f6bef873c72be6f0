import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRecordsOf } from '../../../test/support/forecast-rows.ts';
import { addDays } from '../calendar.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { invoiceBuilders } from './invoice-book.fixture.ts';
import { DEFAULT_MODEL_OPTIONS, firstDisputes, trainModel } from './model.ts';
import { openAt } from './predict.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

const CUTOFF = '2026-01-20';

const { invoice } = invoiceBuilders();

/**
 * Two customers invoiced every month of 2025 on the same days, on paper until June and
 * electronically from July: PROMPT pays its paper invoices on the due date, SLOW 10 days after it,
 * and both pay the electronic ones 6 days sooner than that. Each has one paper and one electronic
 * invoice open at the cut-off and not yet due. `electronicUpTo`: only the first that many
 * electronic invoices of each customer are said electronic (the others' channel unknown).
 */
function book(electronicUpTo = Number.POSITIVE_INFINITY) {
  const records: InvoiceRecord[] = [];
  for (const [code, usual] of [
    ['PROMPT', 0],
    ['SLOW', 10],
  ] as const) {
    let electronicSoFar = 0;
    for (let month = 0; month < 11; month += 1) {
      const electronic = month >= 6;
      const said = electronic && electronicSoFar < electronicUpTo;
      if (said) electronicSoFar += 1;
      records.push(
        invoice(code, addDays('2025-01-03', month * 30), usual - (electronic ? 6 : 0), { electronic: said }),
      );
    }
    records.push(
      invoice(code, '2026-01-10', null, { electronic: false }),
      invoice(code, '2026-01-12', null, { electronic: true }),
    );
  }
  return records;
}

const dayDiff = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('habits learned net of the channel effect', () => {
  it('learns that electronic invoices are paid 6 days sooner and takes it off each habit', () => {
    const model = trainModel(book(), CUTOFF);
    expect(model.electronicDelayDays).toBeCloseTo(-6, 9);
    // The reason's figure is the history as observed; the habit is how a paper invoice is paid.
    expect(model.customers.get('PROMPT')?.ownDelayDays).toBeLessThan(-2);
    expect(model.customers.get('PROMPT')?.delayDays).toBeGreaterThan(-1.5);
    expect(model.customers.get('SLOW')?.delayDays).toBeGreaterThan(8.5);
    const off = trainModel(book(), CUTOFF, { ...DEFAULT_MODEL_OPTIONS, channelAdjusted: false });
    expect(off.electronicDelayDays).toBe(0);
    expect(off.customers.get('PROMPT')?.delayDays).toBeLessThan(-2);
  });

  it('predicts an electronic invoice 6 days before a paper one of the same customer, and says why', () => {
    const records = book();
    const forecaster = trainForecaster(records, [], CUTOFF);
    const [paper, electronic] = openAt(records, CUTOFF).filter((r) => r.customerCode === 'SLOW');
    if (!paper || !electronic) throw new Error('two open invoices expected');
    const onPaper = predictWith(forecaster, paper, paper.amountMinor);
    const online = predictWith(forecaster, electronic, electronic.amountMinor);
    expect(online.expectedDelayDays).toBeCloseTo(onPaper.expectedDelayDays - 6, 0);
    expect(dayDiff(paper.dueDate, onPaper.predictedDate)).toBeGreaterThanOrEqual(8);
    expect(dayDiff(electronic.dueDate, online.predictedDate)).toBeLessThanOrEqual(5);
    expect(online.reasons.find((r) => r.code === 'channel')?.figures).toEqual({
      channel: 'electronic',
      extraDays: -6,
    });
    expect(onPaper.reasons.some((r) => r.code === 'channel')).toBe(false);
  });

  it('learns no effect from fewer than 5 invoices of a channel', () => {
    // Two customers × two electronic invoices said: 4, one short.
    expect(trainModel(book(2), CUTOFF).electronicDelayDays).toBe(0);
    expect(trainModel(book(3), CUTOFF).electronicDelayDays).toBeLessThan(-3);
    // Every paid invoice electronic: no other kind to compare with.
    const allElectronic = book().map((r) => ({ ...r, electronic: r.settledOn !== null }));
    expect(trainModel(allElectronic, CUTOFF).electronicDelayDays).toBe(0);
  });

  it('fits the channel and dispute effects jointly, the disputes being mostly electronic', () => {
    // Four of each customer's five electronic invoices disputed and paid 26 days later.
    const records = book();
    const disputes: InvoiceEvent[] = records
      .filter((r) => r.electronic && r.settledOn !== null && r.issueDate >= '2025-08-01')
      .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened', date: r.issueDate }));
    const disputed = new Set(disputes.map((e) => e.documentId));
    expect(disputed.size).toBe(8);
    const moved = records.map((r) =>
      disputed.has(r.documentId) ? { ...r, settledOn: addDays(r.settledOn as string, 26) } : r,
    );
    // By hand: weights by amount and recency (half-life 180 days), as the habits'.
    const paid = moved.filter((r) => r.settledOn !== null);
    const weight = (r: InvoiceRecord) =>
      r.amountMinor * 0.5 ** (dayDiff(r.settledOn as string, CUTOFF) / 180);
    const delay = (r: InvoiceRecord) => dayDiff(r.dueDate, r.settledOn as string);
    const wmean = (rows: InvoiceRecord[], value: (r: InvoiceRecord) => number) =>
      rows.reduce((s, r) => s + value(r) * weight(r), 0) / rows.reduce((s, r) => s + weight(r), 0);
    const observed =
      wmean(
        paid.filter((r) => r.electronic),
        delay,
      ) -
      wmean(
        paid.filter((r) => !r.electronic),
        delay,
      );
    // As observed, the channel carries most of the disputes' delay: electronic invoices look later.
    expect(observed).toBeGreaterThan(10);
    // The two customers share the same dates, channels and disputes: the joint fit finds the
    // effects that made the delays, 6 days sooner and 26 days later.
    const model = trainModel(moved, CUTOFF, DEFAULT_MODEL_OPTIONS, firstDisputes(disputes));
    expect(model.electronicDelayDays).toBeCloseTo(-6, 6);
    expect(model.disputeDelayDays).toBeCloseTo(26, 6);
    // Each habit is then how the customer pays an undisputed paper invoice.
    expect(model.customers.get('PROMPT')?.delayDays).toBeGreaterThan(-1.5);
    expect(model.customers.get('PROMPT')?.delayDays).toBeLessThan(1.5);
    expect(model.customers.get('SLOW')?.delayDays).toBeGreaterThan(8.5);
    // Without the channel, the dispute effect is the disputed invoices' mean minus the others'.
    const unadjusted = trainModel(
      moved,
      CUTOFF,
      { ...DEFAULT_MODEL_OPTIONS, channelAdjusted: false },
      firstDisputes(disputes),
    );
    const alone =
      wmean(
        paid.filter((r) => disputed.has(r.documentId)),
        delay,
      ) -
      wmean(
        paid.filter((r) => !disputed.has(r.documentId)),
        delay,
      );
    expect(unadjusted.electronicDelayDays).toBe(0);
    expect(unadjusted.disputeDelayDays).toBeCloseTo(alone, 9);
  });

  it('keeps the dispute effect at 0 when the joint fit says sooner, the channel then as observed', () => {
    // The disputed electronic invoices paid 3 days sooner than the other electronic ones.
    const records = book();
    const disputes: InvoiceEvent[] = records
      .filter((r) => r.electronic && r.settledOn !== null && r.issueDate >= '2025-08-01')
      .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened', date: r.issueDate }));
    const disputed = new Set(disputes.map((e) => e.documentId));
    const moved = records.map((r) =>
      disputed.has(r.documentId) ? { ...r, settledOn: addDays(r.settledOn as string, -3) } : r,
    );
    const model = trainModel(moved, CUTOFF, DEFAULT_MODEL_OPTIONS, firstDisputes(disputes));
    const withoutDisputes = trainModel(moved, CUTOFF);
    expect(model.disputeDelayDays).toBe(0);
    expect(model.electronicDelayDays).toBe(withoutDisputes.electronicDelayDays);
    expect(model.electronicDelayDays).toBeLessThan(-6);
  });
});

const CUTOFFS = ['2024-09-30', '2025-03-31', '2025-06-15'];

const rowArbitrary = fc.record({
  customer: fc.integer({ min: 0, max: 6 }),
  issueOffset: fc.integer({ min: 0, max: 500 }),
  terms: fc.constantFrom(0, 30, 60),
  delay: fc.option(fc.integer({ min: -20, max: 150 }), { nil: null }),
  byPayment: fc.boolean(),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  // The channel as a file may give it: electronic, paper, unknown (null), or no field at all.
  channel: fc.constantFrom(true, false, null, undefined),
  disputed: fc.boolean(),
});

const historyArbitrary = fc.array(rowArbitrary, { maxLength: 120 });
/** Enough invoices of each kind for both effects to be learned, most of the time. */
const longHistoryArbitrary = fc.array(rowArbitrary, { minLength: 60, maxLength: 120 });

/** Weighted mean difference of `value` between the rows `pick` keeps and the others. */
function gap(rows: readonly { w: number; pick: boolean; value: number }[]): number {
  let inW = 0;
  let inS = 0;
  let outW = 0;
  let outS = 0;
  for (const r of rows)
    if (r.pick) {
      inW += r.w;
      inS += r.w * r.value;
    } else {
      outW += r.w;
      outS += r.w * r.value;
    }
  return inS / inW - outS / outW;
}

describe('the joint fit of the two effects', () => {
  it('is what alternating the two measures, each net of the other, converges to', () => {
    let checked = 0;
    fc.assert(
      fc.property(longHistoryArbitrary, (rows) => {
        const records = invoiceRecordsOf(rows).map((r, at) => ({
          ...r,
          electronic: rows[at]?.channel === true,
        }));
        const events: InvoiceEvent[] = records
          .filter((_, at) => rows[at]?.disputed)
          .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened', date: r.issueDate }));
        const cutoff = '2025-06-15';
        const model = trainModel(records, cutoff, DEFAULT_MODEL_OPTIONS, firstDisputes(events));
        if (model.electronicDelayDays === 0 || model.disputeDelayDays === 0) return;
        // By hand, the paid invoices weighted like the habits, disputed ones raised by their payment.
        const disputedIds = new Set(events.map((e) => e.documentId));
        const paid = records
          .filter((r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= cutoff)
          .map((r) => ({
            w: r.amountMinor * 0.5 ** (dayDiff(r.settledOn as string, cutoff) / 180),
            d: disputedIds.has(r.documentId) && r.issueDate <= (r.settledOn as string),
            e: r.electronic,
            y: dayDiff(r.dueDate, r.settledOn as string),
          }));
        let dispute = 0;
        let electronic = 0;
        for (let round = 0; round < 5000; round += 1) {
          electronic = gap(paid.map((r) => ({ w: r.w, pick: r.e, value: r.y - (r.d ? dispute : 0) })));
          dispute = gap(paid.map((r) => ({ w: r.w, pick: r.d, value: r.y - (r.e ? electronic : 0) })));
        }
        expect(model.disputeDelayDays).toBeCloseTo(dispute, 4);
        expect(model.electronicDelayDays).toBeCloseTo(electronic, 4);
        checked += 1;
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(5);
  });
});

describe('without channel data', () => {
  it('trains the same model and predicts the same dates, to the bit', () => {
    fc.assert(
      fc.property(historyArbitrary, (rows) => {
        const plain = invoiceRecordsOf(rows);
        const events: InvoiceEvent[] = plain
          .filter((_, at) => rows[at]?.disputed)
          .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened', date: r.issueDate }));
        const disputedOn = firstDisputes(events);
        // No electronic invoice: paper, unknown or no field. And every channel given, but not learned.
        const notElectronic = plain.map((r, at) => {
          const channel = rows[at]?.channel;
          return channel === undefined ? r : { ...r, electronic: channel === true ? null : channel };
        });
        const given = plain.map((r, at) => ({ ...r, electronic: rows[at]?.channel ?? null }));
        const off = { ...DEFAULT_MODEL_OPTIONS, channelAdjusted: false };
        for (const cutoff of CUTOFFS) {
          const reference = trainModel(plain, cutoff, DEFAULT_MODEL_OPTIONS, disputedOn);
          expect(reference.electronicDelayDays).toBe(0);
          expect(trainModel(notElectronic, cutoff, DEFAULT_MODEL_OPTIONS, disputedOn)).toEqual(reference);
          expect(trainModel(given, cutoff, off, disputedOn)).toEqual({ ...reference, options: off });
          const before = trainForecaster(plain, events, cutoff);
          const after = trainForecaster(notElectronic, events, cutoff);
          const unlearned = trainForecaster(given, events, cutoff, {
            ...DEFAULT_FORECAST_OPTIONS,
            model: off,
          });
          for (const record of openAt(plain, cutoff)) {
            const expected = predictWith(before, record, record.amountMinor);
            const at = record.documentId - 1;
            expect(predictWith(after, notElectronic[at] as InvoiceRecord, record.amountMinor)).toEqual(
              expected,
            );
            expect(predictWith(unlearned, given[at] as InvoiceRecord, record.amountMinor)).toEqual(expected);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
