import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import { invoiceBuilders } from './invoice-book.fixture.ts';
import { DEFAULT_MODEL_OPTIONS, firstDisputes, trainModel } from './model.ts';
import { openAt } from './predict.ts';
import { DEFAULT_EVENT_OPTIONS } from './signals.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

const CUTOFF = '2026-01-20';

const { invoice } = invoiceBuilders();

/**
 * Two customers invoiced every month of 2025 on the same days: every third invoice disputed on its
 * issue date and paid 20 days later than the others; PROMPT pays the others on the due date, SLOW
 * 10 days after it. Each also has two invoices open at the cut-off and not yet due, one disputed.
 */
function book() {
  const records: InvoiceRecord[] = [];
  const events: InvoiceEvent[] = [];
  for (const [code, usual] of [
    ['PROMPT', 0],
    ['SLOW', 10],
  ] as const) {
    for (let month = 0; month < 11; month += 1) {
      const disputed = month % 3 === 0;
      const record = invoice(code, addDays('2025-01-03', month * 30), usual + (disputed ? 20 : 0));
      records.push(record);
      if (disputed)
        events.push({ documentId: record.documentId, kind: 'dispute_opened', date: record.issueDate });
    }
    const plain = invoice(code, '2026-01-10', null);
    const inDispute = invoice(code, '2026-01-12', null);
    records.push(plain, inDispute);
    events.push({ documentId: inDispute.documentId, kind: 'dispute_opened', date: inDispute.issueDate });
  }
  return { records, events };
}

const dayDiff = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('habits learned net of the dispute effect', () => {
  it('measures how much later disputed invoices were paid and takes it off each habit', () => {
    const { records, events } = book();
    const model = trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS, firstDisputes(events));
    // The same days for both customers: 25 days for the disputed ones, 5 for the others.
    expect(model.disputeDelayDays).toBeCloseTo(20, 9);
    const prompt = model.customers.get('PROMPT');
    const slow = model.customers.get('SLOW');
    // The reason's figure is the history as observed; the habit is an undisputed invoice's delay.
    expect(prompt?.ownDelayDays).toBeGreaterThan(5);
    expect(prompt?.delayDays).toBeLessThan(2);
    expect(slow?.delayDays).toBeGreaterThan(8);
    expect(slow?.delayDays).toBeLessThan(12);
    const unadjusted = trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS);
    expect(unadjusted.disputeDelayDays).toBe(0);
    expect(unadjusted.customers.get('PROMPT')?.delayDays).toBeGreaterThan(5);
  });

  it('predicts an undisputed invoice of a prompt payer on time and its disputed one late', () => {
    const { records, events } = book();
    const forecaster = trainForecaster(records, events, CUTOFF);
    const [plain, inDispute] = openAt(records, CUTOFF).filter((r) => r.customerCode === 'PROMPT');
    if (!plain || !inDispute) throw new Error('two open invoices expected');
    const onTime = predictWith(forecaster, plain, plain.amountMinor);
    const late = predictWith(forecaster, inDispute, inDispute.amountMinor);
    expect(onTime.predictedDate <= plain.dueDate).toBe(true);
    expect(dayDiff(inDispute.dueDate, late.predictedDate)).toBeGreaterThanOrEqual(15);
    // The effect is in the date: the resolution time sets no floor, and the reason says so.
    expect(late.reasons.find((r) => r.code === 'dispute')?.figures).toEqual({
      openedOn: inDispute.issueDate,
      basis: 'effect',
      extraDays: 20,
    });
  });

  it('changes nothing without disputes, and nothing for a dispute raised after the cut-off', () => {
    const { records, events } = book();
    const none = trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS);
    const off = trainModel(records, CUTOFF, { ...DEFAULT_MODEL_OPTIONS, disputeAdjusted: false });
    expect(none).toEqual({ ...off, options: none.options });
    const open = openAt(records, CUTOFF);
    const before = trainForecaster(records, events, CUTOFF, DEFAULT_FORECAST_OPTIONS);
    // Disputes raised after the cut-off on open invoices, and after its payment on a paid one.
    const later: InvoiceEvent[] = [
      ...open.map((r) => ({ documentId: r.documentId, kind: 'dispute_opened' as const, date: '2026-01-25' })),
      { documentId: (records[1] as InvoiceRecord).documentId, kind: 'dispute_opened', date: '2025-12-01' },
    ];
    const after = trainForecaster(records, [...events, ...later], CUTOFF, DEFAULT_FORECAST_OPTIONS);
    for (const record of open)
      expect(predictWith(after, record, record.amountMinor)).toEqual(
        predictWith(before, record, record.amountMinor),
      );
  });
  it('learns no effect from too few disputed invoices, nor from disputed ones paid sooner', () => {
    const { records, events } = book();
    const paidDisputes = events.filter((e) => records.find((r) => r.documentId === e.documentId)?.settledOn);
    // Four disputed invoices paid: too few to say what a dispute adds.
    const few = firstDisputes(paidDisputes.slice(0, 4));
    expect(trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS, few).disputeDelayDays).toBe(0);
    expect(
      trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS, firstDisputes(paidDisputes)).disputeDelayDays,
    ).toBeGreaterThan(0);
    // The same invoices said disputed when they are the undisputed ones: paid 20 days sooner.
    const sooner = firstDisputes(
      records
        .filter((r) => r.settledOn !== null && !paidDisputes.some((e) => e.documentId === r.documentId))
        .map((r) => ({ documentId: r.documentId, kind: 'dispute_opened' as const, date: r.issueDate })),
    );
    expect(trainModel(records, CUTOFF, DEFAULT_MODEL_OPTIONS, sooner).disputeDelayDays).toBe(0);
  });

  it('adds nothing for a dispute when disputes are switched off in the event options', () => {
    const { records, events } = book();
    const options = { ...DEFAULT_FORECAST_OPTIONS, events: { ...DEFAULT_EVENT_OPTIONS, disputes: false } };
    const forecaster = trainForecaster(records, events, CUTOFF, options);
    expect(forecaster.model.disputeDelayDays).toBeGreaterThan(0);
    const [plain, inDispute] = openAt(records, CUTOFF).filter((r) => r.customerCode === 'PROMPT');
    if (!plain || !inDispute) throw new Error('two open invoices expected');
    const disputed = predictWith(forecaster, inDispute, inDispute.amountMinor);
    expect(dayDiff(inDispute.dueDate, disputed.predictedDate)).toBeLessThan(5);
  });
});
