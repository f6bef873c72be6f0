import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromDayNumber } from '../calendar.ts';
import { runBacktest } from './backtest.ts';
import {
  DEFAULT_FOREST_OPTIONS,
  FOREST_FEATURES,
  featuresOf,
  predictWithForest,
  trainForest,
} from './forest.ts';
import { trainModel } from './model.ts';
import type { InvoiceRecord } from './types.ts';

/**
 * Two invoices a month for two years: customer L pays 15 to 25 days late, customer P within two
 * days of the due date (never late: 0 to 2 days early).
 */
function ledger(): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let month = 0; month < 24; month += 1) {
    for (const code of ['L', 'P'] as const) {
      for (const day of ['05', '20']) {
        const wobble = (records.length * 7) % 11;
        const delay = code === 'L' ? 15 + wobble : -(wobble % 3);
        const issueDate = `${addMonths('2024-01-01', month).slice(0, 8)}${day}`;
        const dueDate = addDays(issueDate, 30);
        const id = records.length + 1;
        records.push({
          documentId: id,
          customerCode: code,
          customerType: 'sme',
          documentRef: `F${id}`,
          issueDate,
          dueDate,
          amountMinor: 100_000 + id,
          currency: 'EUR',
          settledOn: addDays(dueDate, delay),
          settledByPayment: true,
        });
      }
    }
  }
  return records;
}

describe('the random-forest challenger', () => {
  const options = { ...DEFAULT_FOREST_OPTIONS, trees: 10, minLeafSamples: 3 };

  it('describes an invoice with what the habits model knew at the cut-off', () => {
    const records = ledger();
    const model = trainModel(records, '2025-06-30');
    const late = records.find((r) => r.customerCode === 'L' && r.issueDate === '2025-06-05');
    const features = featuresOf(model, late as InvoiceRecord);
    expect(features).toHaveLength(FOREST_FEATURES.length);
    // own delay about 20 days, 30 days of terms, due 5 July: 5 days after the cut-off.
    expect(features[1]).toBeGreaterThan(15);
    expect(features[1]).toBeLessThan(25);
    expect(features[7]).toBe(30);
    expect(features[8]).toBe(-5);
  });

  it('learns each customer’s delay from earlier cut-offs only and predicts after the cut-off', () => {
    const records = ledger();
    const cutoff = '2025-06-30';
    const trained = trainForest(records, cutoff, options);
    expect(trained.trainingRows).toBeGreaterThan(20);
    const open = records.filter((r) => r.issueDate <= cutoff && (r.settledOn ?? '9999') > cutoff);
    const days = predictWithForest(trained, open);
    const delays = { L: [] as number[], P: [] as number[] };
    open.forEach((record, index) => {
      const predicted = fromDayNumber(days[index] ?? 0);
      expect(predicted > cutoff).toBe(true);
      delays[record.customerCode as 'L' | 'P'].push(daysBetween(record.dueDate, predicted));
    });
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // L pays about 20 days late, P on its due date: the forest tells them apart.
    expect(mean(delays.L) - mean(delays.P)).toBeGreaterThan(10);
  });

  it('joins the back-test as a fourth method scored on the same invoices', () => {
    const result = runBacktest(ledger(), '2025-04-01', '2025-06-30', { forest: options });
    expect(result.methods.map((m) => m.method)).toEqual(['model', 'dueDate', 'customerMeanDelay', 'forest']);
    const forest = result.methods.find((m) => m.method === 'forest');
    const dueDate = result.methods.find((m) => m.method === 'dueDate');
    expect(forest?.maeDays).toBeLessThan(dueDate?.maeDays ?? 0);
    expect(forest?.lateAccuracy).toBeGreaterThan(dueDate?.lateAccuracy ?? 1);
  });
});
