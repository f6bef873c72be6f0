import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../calendar.ts';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions, trainModel } from './model.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import type { CutoffSums } from './model-fold-sums.ts';
import { pooledTrend } from './portfolio-trend.ts';
import { predictInvoice } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

const NO_EFFECTS = { dispute: 0, electronic: 0 };
const CUTOFF = '2025-09-30';

/** A seeded noise in [−width/2, width/2) (the same book at every run). */
function noiseOf(seed: number) {
  let state = seed;
  return (width: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648 - 0.5) * width;
  };
}

/**
 * `customers` customers invoicing every `everyDays` days from 2024-01-05, each invoice paid
 * `delayOf(customer, days since the start)` days after its due date (30 days' terms), known at
 * every date: the records carry their real settlement, later than the cut-off or not.
 */
function portfolio(
  customers: number,
  everyDays: number,
  delayOf: (customer: number, day: number) => number,
): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let day = 0; day < 700; day += everyDays)
    for (let c = 0; c < customers; c += 1) {
      const issueDate = addDays('2024-01-05', day + (c % everyDays));
      const dueDate = addDays(issueDate, 30);
      records.push({
        documentId: records.length + 1,
        customerCode: `C${c}`,
        customerType: 'sme',
        documentRef: `F${records.length + 1}`,
        issueDate,
        dueDate,
        amountMinor: 10_000 + 500 * (c % 7),
        currency: 'EUR',
        settledOn: addDays(dueDate, Math.round(delayOf(c, day))),
        settledByPayment: true,
      });
    }
  return records;
}

function sumsAt(records: readonly InvoiceRecord[], options: ModelOptions = DEFAULT_MODEL_OPTIONS) {
  const fold = startModelFold([CUTOFF], options);
  for (const record of records) addToModelFold(fold, record);
  return { at: fold.cutoffs[0] as CutoffSums, customers: fold.codes.length };
}

describe("the portfolio's trend", () => {
  it('draws a flat line for a steady portfolio whose slow payers are still open at the cut-off', () => {
    // Half the customers pay about 5 days late, half 50 to 130: of the slow ones' invoices due in
    // the months before the cut-off, only the quicker have been paid by then.
    const noise = noiseOf(11);
    const records = portfolio(80, 10, (c) => (c % 2 === 0 ? 5 + noise(10) : 90 + noise(80)));
    const { at, customers } = sumsAt(records);
    const cut = pooledTrend(at.portfolio as Float64Array, customers, NO_EFFECTS);
    expect(cut).not.toBeNull();
    expect(Math.abs(cut?.slope ?? 1)).toBeLessThan(2 * (cut?.standardError ?? 0));
    // The same pool read from the paid invoices only, as each customer's own line is: it slopes down.
    const paidOnly = pooledTrend(at.trend as Float64Array, customers, NO_EFFECTS);
    expect(paidOnly?.slope ?? 0).toBeLessThan(-2 * (paidOnly?.standardError ?? 0));
    expect(trainModel(records, CUTOFF).portfolioTrendDaysPerDay).toBe(0);
  });

  it('finds a drift too small for each customer to show, and dates young invoices on it', () => {
    // Every customer one day later a month, hidden in ± 20 days of noise, two invoices a month.
    const noise = noiseOf(5);
    const records = portfolio(60, 15, (_c, day) => 10 + day / 30 + noise(40));
    const known = records.map((r) => ((r.settledOn as string) <= CUTOFF ? r : { ...r, settledOn: null }));
    const model = trainModel(known, CUTOFF);
    expect(model.portfolioTrendDaysPerDay).toBeGreaterThan(0.6 / 30);
    expect(model.portfolioTrendDaysPerDay).toBeLessThan(1.4 / 30);
    const flat = trainModel(known, CUTOFF, { ...DEFAULT_MODEL_OPTIONS, pooledTrend: false });
    const own = [...flat.customers.values()].filter((habit) => habit.trendDaysPerDay !== 0).length;
    expect(own).toBeLessThan(30);
    // A young invoice of a customer whose own line does not stand out: later, and says why.
    const code = [...flat.customers].find(([, habit]) => habit.trendDaysPerDay === 0)?.[0] as string;
    const young = { ...(records.find((r) => r.customerCode === code) as InvoiceRecord) };
    const open = {
      ...young,
      documentId: 0,
      issueDate: CUTOFF,
      dueDate: addDays(CUTOFF, 30),
      settledOn: null,
    };
    const withDrift = predictInvoice(model, open, 10_000);
    const without = predictInvoice(flat, open, 10_000);
    expect(daysBetween(without.predictedDate, withDrift.predictedDate)).toBeGreaterThanOrEqual(3);
    expect(withDrift.reasons.find((r) => r.code === 'trend_slower')?.figures.source).toBe('portfolio');
  });

  it('gives at every cut-off of one fold what a fold of that cut-off alone gives', () => {
    const noise = noiseOf(3);
    const records = portfolio(30, 12, (c, day) => (c % 3) * 20 + day / 40 + noise(20));
    const cutoffs = ['2025-03-31', '2025-06-30', CUTOFF];
    const fold = startModelFold(cutoffs, DEFAULT_MODEL_OPTIONS);
    for (const record of records) addToModelFold(fold, record);
    for (const cutoff of cutoffs) {
      const known = records.map((r) => ((r.settledOn as string) <= cutoff ? r : { ...r, settledOn: null }));
      expect(finishModel(fold, cutoff)).toEqual(trainModel(known, cutoff));
    }
  });

  it('does not move when an invoice open at the cut-off is paid on another day later', () => {
    const noise = noiseOf(9);
    const records = portfolio(30, 10, (c) => (c % 2 === 0 ? 10 : 70) + noise(20));
    const openThen = records.filter(
      (r) => r.dueDate <= addDays(CUTOFF, -60) && (r.settledOn as string) > CUTOFF,
    );
    expect(openThen.length).toBeGreaterThan(10);
    const moved = new Set(openThen.map((r) => r.documentId));
    const later = records.map((r) =>
      moved.has(r.documentId) ? { ...r, settledOn: addDays(CUTOFF, 200) } : r,
    );
    expect(trainModel(later, CUTOFF)).toEqual(trainModel(records, CUTOFF));
  });
});
