import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRecordsOf } from '../../../test/support/forecast-rows.ts';
import { addDays, daysBetween, toDayNumber } from '../calendar.ts';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions, type TrainedModel, trainModel } from './model.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import { addTrend, fitTrend, MIN_TREND_INVOICES, TREND } from './model-trend.ts';
import { predictInvoice } from './predict.ts';
import type { InvoiceRecord } from './types.ts';

const CUTOFF = '2025-06-30';

/** Weekly invoices of one customer due from 2023-07-03 on, all paid by the cut-off; `delay(i)` days late. */
function weekly(code: string, type: string, weeks: number, delay: (week: number) => number): InvoiceRecord[] {
  return Array.from({ length: weeks }, (_, week) => {
    const dueDate = addDays('2023-07-03', 7 * week);
    return {
      documentId: 0,
      customerCode: code,
      customerType: type,
      documentRef: `${code}-${week}`,
      issueDate: addDays(dueDate, -30),
      dueDate,
      amountMinor: 100_000,
      currency: 'EUR',
      settledOn: addDays(dueDate, delay(week)),
      settledByPayment: true,
    };
  });
}

function book(ramp: (week: number) => number): InvoiceRecord[] {
  // Three customers who always pay 10 days late: most residuals are 0, so the median residual is.
  const records = [
    ...weekly('R', 'sme', 80, ramp),
    ...['F1', 'F2', 'F3'].flatMap((code) => weekly(code, 'wholesaler', 80, () => 10)),
  ];
  return records.map((record, index) => ({ ...record, documentId: index + 1 }));
}

const openInvoice = (dueDate: string): InvoiceRecord => ({
  documentId: 9999,
  customerCode: 'R',
  customerType: 'sme',
  documentRef: 'R-open',
  issueDate: addDays(dueDate, -30),
  dueDate,
  amountMinor: 100_000,
  currency: 'EUR',
  settledOn: null,
  settledByPayment: false,
});

// Every customer's own history alone (prior strength 0): its line is not blended with its segment.
// Each customer's own line, from a flat one: the portfolio's is portfolio-trend.test.ts's.
const OWN: ModelOptions = {
  ...DEFAULT_MODEL_OPTIONS,
  minPriorStrength: 0,
  maxPriorStrength: 0,
  pooledTrend: false,
};

/** 5 days late on the first invoice, one more each week: 1/7 day per day of due date. */
const ramp = (week: number) => 5 + week;

describe("a customer's trend", () => {
  it('predicts a customer whose delays ramp on its line, not at the mean of its past', () => {
    const records = book(ramp);
    expect(records.every((r) => (r.settledOn as string) <= CUTOFF)).toBe(true);
    const model = trainModel(records, CUTOFF, OWN);
    const habit = model.customers.get('R');
    expect(habit?.trendDaysPerDay).toBeCloseTo(1 / 7, 9);
    expect(model.customers.get('F1')?.trendDaysPerDay).toBe(0);
    // Due 30 days after the cut-off: the line there is 5 + (its days since the first due date) / 7.
    const due = addDays(CUTOFF, 30);
    const onLine = 5 + daysBetween('2023-07-03', due) / 7;
    const prediction = predictInvoice(model, openInvoice(due), 100_000);
    expect(prediction.candidateDays).toHaveLength(101);
    expect(prediction.predictedDate).toBe(addDays(due, Math.round(onLine)));
    expect(prediction.expectedDelayDays).toBeCloseTo(onLine, 1);
    expect(prediction.reasons).toContainEqual({
      code: 'trend_slower',
      figures: { monthlyDays: 4.3, extraDays: expect.any(Number), source: 'customer' },
    });
    // Without the trend the habit is the (recency-weighted) mean of its past: weeks earlier.
    const flat = predictInvoice(
      trainModel(records, CUTOFF, { ...OWN, trend: false }),
      openInvoice(due),
      100_000,
    );
    expect(daysBetween(flat.predictedDate, prediction.predictedDate)).toBeGreaterThan(20);
    expect(flat.reasons.map((r) => r.code)).not.toContain('trend_slower');
  });

  it('extrapolates no further than the horizon from the cut-off', () => {
    const model = trainModel(book(ramp), CUTOFF, OWN);
    const at = (days: number) =>
      predictInvoice(model, openInvoice(addDays(CUTOFF, days)), 1).expectedDelayDays;
    expect(at(60) - at(30)).toBeCloseTo(30 / 7, 1);
    expect(at(120)).toBeCloseTo(at(60), 1);
  });

  it('finds none in noise alone, and finds the same noise on a ramp', () => {
    // Deterministic noise of ±8 days with no drift over the weeks.
    const noise = (week: number) => 12 + ((week * 13) % 17) - 8;
    const still = trainModel(book(noise), CUTOFF, OWN).customers.get('R');
    expect(still?.trendDaysPerDay).toBe(0);
    expect(still?.trendDays).toBe(0);
    const sliding = trainModel(
      book((week) => noise(week) + Math.floor(week / 2)),
      CUTOFF,
      OWN,
    ).customers.get('R');
    expect(sliding?.trendDaysPerDay).toBeGreaterThan(0.05);
  });

  it('says nothing of its trend when the dates come from the tail, not from its line', () => {
    // Due 300 days before the cut-off: its line puts the payment well before the cut-off, so the
    // dates are laid from the day after it (the residuals' tail), which the trend does not move.
    const model = trainModel(book(ramp), CUTOFF, OWN);
    const due = addDays(CUTOFF, -300);
    const prediction = predictInvoice(model, openInvoice(due), 100_000);
    const flat = predictInvoice(
      trainModel(book(ramp), CUTOFF, { ...OWN, trend: false }),
      openInvoice(due),
      100_000,
    );
    expect(prediction.p10Date).toBe(addDays(CUTOFF, 1));
    expect([prediction.p10Date, prediction.predictedDate, prediction.p90Date]).toEqual([
      flat.p10Date,
      flat.predictedDate,
      flat.p90Date,
    ]);
    expect(prediction.reasons.map((r) => r.code)).not.toContain('trend_slower');
    expect(prediction.reasons.map((r) => r.code)).toContain('already_overdue');
  });

  it('needs enough recent invoices to read a trend', () => {
    // Monthly invoices weigh too few within the trend's half-life: the ramp is not extrapolated.
    const monthly = book(ramp).filter(
      (r) => r.customerCode !== 'R' || Number(r.documentRef.slice(2)) % 5 === 0,
    );
    expect(MIN_TREND_INVOICES).toBeGreaterThan(5);
    expect(trainModel(monthly, CUTOFF, OWN).customers.get('R')?.trendDaysPerDay).toBe(0);
  });
});

describe("the slope's standard error", () => {
  /** A seeded generator (the same draws every run): uniform in [0, 1). */
  function uniforms(seed: number) {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state / 2 ** 32;
    };
  }

  it('is the spread of the slopes fitted on noise alone, recency weights and all', () => {
    // Weekly invoices due from 700 to 60 days before the cut-off, delays 10 ± noise, no drift:
    // the slopes fitted vary by their standard error. (The shortcut σ² × (Σ w² / Σ w) / cxx said
    // half as much again: the recency weights grow with x.)
    const next = uniforms(42);
    const atDay = toDayNumber(CUTOFF);
    const slopes: number[] = [];
    const errors: number[] = [];
    for (let draw = 0; draw < 2000; draw += 1) {
      const sums = new Float64Array(TREND);
      for (let daysBefore = 700; daysBefore >= 60; daysBefore -= 7) {
        const noise = (next() + next() + next() - 1.5) * 20;
        const dueDay = atDay - daysBefore;
        const paid = {
          delay: 10 + noise,
          settledDay: dueDay + 10,
          dueDay,
          disputed: false,
          electronic: false,
        };
        addTrend(DEFAULT_MODEL_OPTIONS, sums, 0, 1000, paid, atDay, 1);
      }
      const trend = fitTrend(sums, 0, { dispute: 0, electronic: 0 }, 1);
      slopes.push(trend?.slope ?? Number.NaN);
      errors.push(trend?.standardError ?? Number.NaN);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.sqrt(mean(slopes.map((slope) => slope ** 2)) - mean(slopes) ** 2);
    expect(mean(errors) / spread).toBeGreaterThan(0.9);
    expect(mean(errors) / spread).toBeLessThan(1.1);
  });
});

/**
 * The trend and the censored tail from the lists, one invoice at a time (the fold's running sums
 * apart): the line by centred weighted least squares, the tail by the product-limit estimate.
 */
/** A paid invoice's delay net of the effects (disputed: every fourth, on its issue date; electronic: `r.electronic`). */
const netDelay = (r: InvoiceRecord, model: TrainedModel) =>
  toDayNumber(r.settledOn as string) -
  toDayNumber(r.dueDate) -
  (r.documentId % 4 === 0 && r.issueDate <= (r.settledOn as string) ? model.disputeDelayDays : 0) -
  (r.electronic ? model.electronicDelayDays : 0);

function referenceTrend(records: readonly InvoiceRecord[], model: TrainedModel, options: ModelOptions) {
  const cutoffDay = toDayNumber(model.cutoff);
  const net = (r: InvoiceRecord) => netDelay(r, model);
  const paid = records.filter(
    (r) => r.settledByPayment && r.settledOn !== null && r.settledOn <= model.cutoff,
  );
  const trends = new Map<string, { days: number; perDay: number }>();
  for (const [code, habit] of model.customers) {
    const own = paid.filter((r) => r.customerCode === code);
    const x = (r: InvoiceRecord) => toDayNumber(r.dueDate) - cutoffDay;
    const levelWeight = (r: InvoiceRecord) =>
      r.amountMinor * 0.5 ** ((cutoffDay - toDayNumber(r.settledOn as string)) / options.halfLifeDays);
    const levelOffset =
      own.reduce((s, r) => s + levelWeight(r) * x(r), 0) / own.reduce((s, r) => s + levelWeight(r), 0);
    const fitted = own.filter((r) => x(r) <= -(options.trendCompleteDays ?? 0));
    const w = fitted.map((r) => r.amountMinor * 0.5 ** (-x(r) / (options.trendHalfLifeDays ?? 1)));
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    const n = sw > 0 ? (sw * sw) / sw2 : 0;
    const mx = fitted.reduce((s, r, i) => s + (w[i] as number) * x(r), 0) / sw;
    const my = fitted.reduce((s, r, i) => s + (w[i] as number) * net(r), 0) / sw;
    const c = (f: (r: InvoiceRecord) => number, g: (r: InvoiceRecord) => number) =>
      fitted.reduce((s, r, i) => s + (w[i] as number) * f(r) * g(r), 0);
    const cxx = c(
      (r) => x(r) - mx,
      (r) => x(r) - mx,
    );
    const cxy = c(
      (r) => x(r) - mx,
      (r) => net(r) - my,
    );
    const cyy = c(
      (r) => net(r) - my,
      (r) => net(r) - my,
    );
    let kept = 0;
    if (n > 3 && cxx > 1e-9 * sw && n >= MIN_TREND_INVOICES) {
      const slope = cxy / cxx;
      // The weights are not precisions: Var(slope) = σ² × Σ w²·(x − x̄)² / cxx².
      const spread = fitted.reduce((sum, r, i) => sum + ((w[i] as number) * (x(r) - mx)) ** 2, 0);
      const variance = (((Math.max(0, cyy - slope * cxy) / sw) * n) / (n - 2)) * (spread / (cxx * cxx));
      const share = slope === 0 ? 0 : 1 - (4 * variance) / (slope * slope);
      kept = share > 0 ? slope * share : 0;
    }
    const perDay = habit.ownWeight * kept;
    trends.set(code, { perDay, days: perDay === 0 ? 0 : -perDay * levelOffset });
  }
  return trends;
}

/** The residual quantiles with the invoices open and overdue at the cut-off censored at their age. */
function referenceTail(records: readonly InvoiceRecord[], model: TrainedModel): number[] {
  const cutoffDay = toDayNumber(model.cutoff);
  const items: { value: number; paid: boolean }[] = [];
  for (const r of records) {
    const habit = model.customers.get(r.customerCode);
    if (!habit) continue;
    const residual = (delay: number) => (delay - habit.delayDays) / habit.spreadDays;
    const dueDay = toDayNumber(r.dueDate);
    if (r.settledByPayment && r.settledOn !== null && r.settledOn <= model.cutoff)
      items.push({ value: residual(netDelay(r, model)), paid: true });
    else if (
      r.issueDate <= model.cutoff &&
      dueDay < cutoffDay &&
      (r.settledOn === null || r.settledOn > model.cutoff)
    )
      items.push({ value: residual(Math.min(365, cutoffDay - dueDay)), paid: false });
  }
  items.sort((a, b) => a.value - b.value || Number(b.paid) - Number(a.paid));
  const total = items.length;
  let unpaid = 1;
  const masses: { value: number; mass: number }[] = [];
  items.forEach((item, i) => {
    if (!item.paid) return;
    const atRisk = total - i;
    masses.push({ value: item.value, mass: (total * unpaid) / atRisk });
    unpaid *= 1 - 1 / atRisk;
  });
  const positions: number[] = [];
  masses.reduce((position, m) => {
    positions.push(position);
    return position + m.mass;
  }, 0);
  const last = masses.length - 1;
  return Array.from({ length: 101 }, (_, q) => {
    const position = (q / 100) * (total - (masses[last]?.mass ?? 0));
    let i = 0;
    while (i < last && (positions[i + 1] as number) <= position) i += 1;
    const a = masses[i]?.value as number;
    if (i === last) return a;
    const b = masses[i + 1]?.value as number;
    return a + ((b - a) * (position - (positions[i] as number))) / (masses[i]?.mass as number);
  });
}

const DRIFTS = [0, 0.1, 0.3, -0.05, 0.2];

describe('the trend and the censored tail, folded', () => {
  const CUTOFFS = ['2025-03-31', '2025-04-30', '2025-06-15'];
  const rowArbitrary = fc.record({
    customer: fc.integer({ min: 0, max: 4 }),
    issueOffset: fc.integer({ min: 0, max: 520 }),
    terms: fc.constantFrom(0, 30, 60),
    delay: fc.option(fc.integer({ min: -10, max: 40 }), { nil: null }),
    byPayment: fc.boolean(),
    amount: fc.constantFrom(1000, 1200, 1500),
  });
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(b)));

  it('gives at every cut-off of one fold what the lists give (channel and disputes netted out)', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 100, maxLength: 250 }), (rows) => {
        // Customers 1 to 4 slide later (or sooner) as the months go by: 0 to 0.3 day per day.
        const drifting = rows.map((row) => ({
          ...row,
          delay:
            row.delay === null ? null : row.delay + Math.floor(row.issueOffset * (DRIFTS[row.customer] ?? 0)),
        }));
        const records = invoiceRecordsOf(drifting).map((r) => ({ ...r, electronic: r.documentId % 3 === 0 }));
        const disputedOn = new Map(
          records.filter((r) => r.documentId % 4 === 0).map((r) => [r.documentId, r.issueDate]),
        );
        // Each customer's line from a flat one, as the reference draws it.
        const options = {
          ...DEFAULT_MODEL_OPTIONS,
          trendHalfLifeDays: 120,
          censoredTail: true,
          pooledTrend: false,
        };
        const fold = startModelFold(CUTOFFS, options);
        for (const record of records) addToModelFold(fold, record, disputedOn.get(record.documentId) ?? null);
        for (const cutoff of CUTOFFS) {
          const model = finishModel(fold, cutoff);
          expect(model).toEqual(trainModel(records, cutoff, options, disputedOn));
          for (const [code, trend] of referenceTrend(records, model, options)) {
            close(model.customers.get(code)?.trendDaysPerDay ?? Number.NaN, trend.perDay);
            close(model.customers.get(code)?.trendDays ?? Number.NaN, trend.days);
          }
          if (model.customers.size > 0)
            referenceTail(records, model).forEach((q, i) => {
              close(model.residualQuantiles[i] ?? Number.NaN, q);
            });
        }
      }),
      { numRuns: 60 },
    );
  });
});
