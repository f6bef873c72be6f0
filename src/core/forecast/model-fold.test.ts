import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRecordsOf } from '../../../test/support/forecast-rows.ts';
import { toDayNumber } from '../calendar.ts';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions, type TrainedModel, trainModel } from './model.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import type { InvoiceRecord } from './types.ts';

/**
 * The list-based training the fold replaced, kept as the reference: every observation held, the
 * sums taken one invoice at a time.
 */
function referenceModel(records: readonly InvoiceRecord[], cutoff: string, options: ModelOptions) {
  const cutoffDay = toDayNumber(cutoff);
  type Obs = {
    code: string;
    segment: string;
    delay: number;
    weight: number;
    amount: number;
    recent: boolean;
  };
  const settled: Obs[] = records
    .filter((r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= cutoff)
    .map((r) => {
      const day = toDayNumber(r.settledOn as string);
      const age = cutoffDay - day;
      const weight = r.amountMinor * 0.5 ** (age / options.halfLifeDays);
      const delay = day - toDayNumber(r.dueDate);
      return {
        code: r.customerCode,
        segment: r.customerType,
        delay,
        weight,
        amount: r.amountMinor,
        recent: age <= options.trendWindowDays,
      };
    });
  const censored: Obs[] = options.censoredOverdue
    ? records
        .filter(
          (r) =>
            r.issueDate <= cutoff && r.dueDate < cutoff && (r.settledOn === null || r.settledOn > cutoff),
        )
        .map((r) => {
          const delay = cutoffDay - toDayNumber(r.dueDate);
          return {
            code: r.customerCode,
            segment: r.customerType,
            delay,
            weight: r.amountMinor,
            amount: r.amountMinor,
            recent: true,
          };
        })
    : [];
  const all = [...settled, ...censored];
  const wmean = (items: Obs[]) => {
    const weight = items.reduce((sum, o) => sum + o.weight, 0);
    return weight > 0 ? items.reduce((sum, o) => sum + o.delay * o.weight, 0) / weight : 0;
  };
  const group = (key: (o: Obs) => string) => {
    const groups = new Map<string, Obs[]>();
    for (const o of all) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
    return groups;
  };
  const global = wmean(all);
  const segments = new Map([...group((o) => o.segment)].map(([s, items]) => [s, wmean(items)]));
  const byCustomer = group((o) => o.code);
  const own = new Map([...byCustomer].map(([c, items]) => [c, wmean(items)]));
  let within = 0;
  let count = 0;
  for (const [c, items] of byCustomer) for (const o of items) within += (o.delay - (own.get(c) ?? 0)) ** 2;
  for (const items of byCustomer.values()) count += items.length;
  const sigma2 = count > byCustomer.size ? within / (count - byCustomer.size) : 0;
  let between = 0;
  let noise = 0;
  for (const [c, items] of byCustomer) {
    between += ((own.get(c) ?? 0) - (segments.get(items[0]?.segment ?? '') ?? 0)) ** 2;
    noise += sigma2 / items.length;
  }
  const tau2 = byCustomer.size > 0 ? Math.max((between - noise) / byCustomer.size, 1e-6) : 1e-6;
  const raw = sigma2 > 0 ? sigma2 / tau2 : options.minPriorStrength;
  const strength = Math.min(options.maxPriorStrength, Math.max(options.minPriorStrength, raw));
  const delayOf = new Map<string, number>();
  for (const [c, items] of byCustomer) {
    const w = items.length / (items.length + strength);
    delayOf.set(c, w * (own.get(c) ?? 0) + (1 - w) * (segments.get(items[0]?.segment ?? '') ?? global));
  }
  const squares = (c: string, items: Obs[]) =>
    items.reduce((s, o) => s + (o.delay - (delayOf.get(c) ?? 0)) ** 2, 0);
  const pooled = count > 0 ? [...byCustomer].reduce((s, [c, items]) => s + squares(c, items), 0) / count : 1;
  const spreadOf = (c: string, items: Obs[]) =>
    options.spreadPriorCount <= 0
      ? 1
      : Math.max(
          1,
          Math.sqrt(
            (squares(c, items) + options.spreadPriorCount * pooled) /
              (items.length + options.spreadPriorCount),
          ),
        );
  const residuals = [...byCustomer]
    .flatMap(([c, items]) => items.map((o) => (o.delay - (delayOf.get(c) ?? 0)) / spreadOf(c, items)))
    .sort((a, b) => a - b);
  const quantiles = Array.from({ length: 101 }, (_, i) => {
    if (residuals.length === 0) return 0;
    const position = (i / 100) * (residuals.length - 1);
    const a = residuals[Math.floor(position)] ?? 0;
    const b = residuals[Math.ceil(position)] ?? a;
    return a + (b - a) * (position - Math.floor(position));
  });
  return { global, segments, byCustomer, own, strength, delayOf, spreadOf, quantiles };
}

function expectClose(
  actual: TrainedModel,
  expected: ReturnType<typeof referenceModel>,
  exact: boolean,
): void {
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  close(actual.globalDelayDays, expected.global);
  expect([...actual.segments.keys()]).toEqual([...expected.segments.keys()]);
  expect([...actual.customers.keys()]).toEqual([...expected.byCustomer.keys()]);
  close(actual.priorStrength, expected.strength);
  for (const [code, habit] of actual.customers) {
    const items = expected.byCustomer.get(code) ?? [];
    expect(habit.settledInvoices).toBe(items.length);
    // Summed in the same order as the list: the same to the bit (the open invoices' sums are
    // added to the paid ones' at the end, not one by one after them: close only).
    if (exact) expect(habit.ownDelayDays).toBe(expected.own.get(code));
    else close(habit.ownDelayDays, expected.own.get(code) ?? Number.NaN);
    close(habit.delayDays, expected.delayOf.get(code) ?? Number.NaN);
    close(habit.spreadDays, expected.spreadOf(code, items));
  }
  actual.residualQuantiles.forEach((q, i) => {
    close(q, expected.quantiles[i] ?? Number.NaN);
  });
}

const CUTOFFS = ['2025-03-31', '2025-04-30', '2025-05-31', '2025-06-15'];

const historyArbitrary = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 6 }),
    issueOffset: fc.integer({ min: 0, max: 500 }),
    terms: fc.constantFrom(0, 30, 60),
    delay: fc.option(fc.integer({ min: -20, max: 150 }), { nil: null }),
    byPayment: fc.boolean(),
    amount: fc.integer({ min: 1, max: 5_000_000 }),
  }),
  { maxLength: 120 },
);

describe('the habits model as a fold', () => {
  it.each([
    // The trend and the censored tail have their reference in model-trend.test.ts.
    ['without the trend and the tail', { ...DEFAULT_MODEL_OPTIONS, trend: false, censoredTail: false }],
    [
      'overdue invoices counted, one pooled spread',
      { ...DEFAULT_MODEL_OPTIONS, censoredOverdue: true, spreadPriorCount: 0 },
    ],
  ])('trains the list-based model at every cut-off of one fold (%s)', (_name, options) => {
    fc.assert(
      fc.property(historyArbitrary, (rows) => {
        const records = invoiceRecordsOf(rows);
        const fold = startModelFold(CUTOFFS, options);
        for (const record of records) addToModelFold(fold, record);
        for (const cutoff of CUTOFFS) {
          const model = finishModel(fold, cutoff);
          expectClose(model, referenceModel(records, cutoff, options), !options.censoredOverdue);
          // A fold of several cut-offs gives, at each, what a fold of that one alone gives.
          expect(model).toEqual(trainModel(records, cutoff, options));
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    ['the product', DEFAULT_MODEL_OPTIONS],
    ['the censored tail', { ...DEFAULT_MODEL_OPTIONS, censoredTail: true }],
    ['overdue invoices counted', { ...DEFAULT_MODEL_OPTIONS, censoredOverdue: true }],
  ])('knows nothing of what closed an invoice after the cut-off (%s)', (_name, options) => {
    fc.assert(
      fc.property(historyArbitrary, fc.constantFrom(...CUTOFFS), (rows, cutoff) => {
        const records = invoiceRecordsOf(rows);
        // Every invoice still open at the cut-off, however it was closed later (a payment, a
        // credit note, a write-off), as it stood then.
        const asThen = records.map((r) =>
          r.settledOn !== null && r.settledOn > cutoff
            ? { ...r, settledOn: null, settledByPayment: false }
            : r,
        );
        expect(trainModel(records, cutoff, options)).toEqual(trainModel(asThen, cutoff, options));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a cut-off it was not started with', () => {
    const fold = startModelFold(['2025-03-31'], DEFAULT_MODEL_OPTIONS);
    expect(() => finishModel(fold, '2025-04-30')).toThrow(RangeError);
  });
});
