/**
 * A learned late/not-late classifier for bench/forecast-ibm-variants.ts: L2-regularised logistic
 * regression trained at a cut-off C on snapshots S = C − 1 … C − `snapshots` months. At each S the
 * invoices open and not yet due are described with what was known at S (the production predictor
 * trained at S, the customer's paid invoices by S) and labelled with what is known at C: paid by C
 * (late = paid after its due date), or still unpaid at C past its due date (late). The regularisation
 * is chosen by an inner time-ordered back-test: trained on the snapshots of C − 1 month and before,
 * scored on the invoices open at C − 1 month whose outcome is known at C; nothing after C is read.
 */
import { addMonths, toDayNumber } from '#core/calendar';
import { predictWith, trainUncalibrated } from '#core/forecast/forecaster';
import type { InvoicePrediction } from '#core/forecast/types';
import { type CutoffContext, disputesOf, knownAt, type SampleRow } from './forecast-ibm-sample.ts';

export interface LateClassifierOptions {
  snapshots: number;
  segmentFeatures: boolean;
  channelFeature: boolean;
  /** The customer's invoices open and overdue at the snapshot: how many, and the oldest's days. */
  overdueFeatures: boolean;
  lambdas: readonly number[];
}

const DEFAULTS: LateClassifierOptions = {
  snapshots: 12,
  segmentFeatures: false,
  channelFeature: false,
  overdueFeatures: false,
  lambdas: [0.01, 0.1, 1, 10],
};

const COUNTRIES = ['391', '406', '770', '818', '897'];

interface Example {
  x: number[];
  late: boolean;
  snapshot: string;
}

/** The customer's paid invoices by S, each with its delay and kind, oldest settlement first. */
function historyBy(known: readonly SampleRow[], snapshot: string) {
  const paid = known
    .filter((row) => row.record.settledOn !== null)
    .sort((a, b) => (a.record.settledOn as string).localeCompare(b.record.settledOn as string));
  const byCustomer = Map.groupBy(paid, (row) => row.record.customerCode);
  const lateOf = (row: SampleRow) =>
    toDayNumber(row.record.settledOn as string) > toDayNumber(row.record.dueDate);
  const companyLate = paid.filter(lateOf).length / Math.max(1, paid.length);
  // Due days of each customer's invoices open and already due at the snapshot (known then).
  const overdueBy = new Map<string, number[]>();
  const day = toDayNumber(snapshot);
  for (const row of known) {
    const due = toDayNumber(row.record.dueDate);
    if (row.record.settledOn !== null || due >= day) continue;
    overdueBy.set(row.record.customerCode, [...(overdueBy.get(row.record.customerCode) ?? []), due]);
  }
  return { byCustomer, lateOf, companyLate, overdueBy };
}

function featuresAt(
  options: LateClassifierOptions,
  snapshot: string,
  history: ReturnType<typeof historyBy>,
  row: SampleRow,
  p: InvoicePrediction,
): number[] {
  const own = history.byCustomer.get(row.record.customerCode) ?? [];
  const kind = own.filter((r) => r.disputed === row.disputed);
  const share = (rows: readonly SampleRow[], k: number) =>
    (rows.filter(history.lateOf).length + k * history.companyLate) / (rows.length + k);
  const delays = own.map((r) => toDayNumber(r.record.settledOn as string) - toDayNumber(r.record.dueDate));
  const last = delays.slice(-5);
  const meanOf = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
  const amounts = own.map((r) => r.record.amountMinor);
  const due = toDayNumber(p.dueDate);
  const x = [
    toDayNumber(p.predictedDate) - due,
    p.probabilityLate,
    share(own, 2),
    share(kind, 2),
    meanOf(last),
    meanOf(delays),
    due - toDayNumber(snapshot),
    amounts.length ? Math.log(row.record.amountMinor / meanOf(amounts)) : 0,
    row.disputed ? 1 : 0,
  ];
  if (options.segmentFeatures) for (const c of COUNTRIES) x.push(row.country === c ? 1 : 0);
  if (options.channelFeature) x.push(row.electronic ? 1 : 0);
  if (options.overdueFeatures) {
    const overdue = history.overdueBy.get(row.record.customerCode) ?? [];
    x.push(overdue.length, Math.max(0, ...overdue.map((d) => toDayNumber(snapshot) - d)));
  }
  return x;
}

/** Examples of one snapshot S labelled with what is known at `labelAt` (≥ S). */
function examplesAt(ctx: CutoffContext, options: LateClassifierOptions, snapshot: string, labelAt: string) {
  const known = knownAt(ctx.rows, snapshot);
  const forecaster = trainUncalibrated(
    known.map((r) => r.record),
    disputesOf(known),
    snapshot,
  );
  const history = historyBy(known, snapshot);
  const snapDay = toDayNumber(snapshot);
  const labelDay = toDayNumber(labelAt);
  const examples: Example[] = [];
  for (const row of known) {
    if (row.record.settledOn !== null) continue;
    const due = toDayNumber(row.record.dueDate);
    if (due <= snapDay) continue;
    const settled = toDayNumber(
      row.record.settledOn ?? (ctx.rows[row.record.documentId - 1]?.record.settledOn as string),
    );
    let late: boolean;
    if (settled <= labelDay) late = settled > due;
    else if (due < labelDay) late = true;
    else continue;
    const p = predictWith(forecaster, row.record, row.record.amountMinor);
    examples.push({ x: featuresAt(options, snapshot, history, row, p), late, snapshot });
  }
  return examples;
}

interface Fitted {
  mean: number[];
  scale: number[];
  w: number[];
}

function fitLogistic(examples: readonly Example[], lambda: number): Fitted {
  const d = examples[0]?.x.length ?? 0;
  const mean = Array.from(
    { length: d },
    (_, j) => examples.reduce((s, e) => s + (e.x[j] ?? 0), 0) / examples.length,
  );
  const scale = Array.from({ length: d }, (_, j) => {
    const v = examples.reduce((s, e) => s + ((e.x[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / examples.length;
    return Math.sqrt(v) || 1;
  });
  const xs = examples.map((e) => [1, ...e.x.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1))]);
  const ys = examples.map((e) => (e.late ? 1 : 0));
  const w = new Array<number>(d + 1).fill(0);
  // Newton's method on the penalised log-likelihood (the intercept is not penalised).
  for (let iteration = 0; iteration < 25; iteration += 1) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    xs.forEach((x, i) => {
      const z = x.reduce((s, v, j) => s + v * (w[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = p - (ys[i] ?? 0);
      const q = p * (1 - p);
      for (let j = 0; j <= d; j += 1) {
        grad[j] = (grad[j] ?? 0) + r * (x[j] ?? 0);
        const hj = hess[j] as number[];
        for (let k = 0; k <= d; k += 1) hj[k] = (hj[k] ?? 0) + q * (x[j] ?? 0) * (x[k] ?? 0);
      }
    });
    for (let j = 1; j <= d; j += 1) {
      grad[j] = (grad[j] ?? 0) + lambda * (w[j] ?? 0);
      const hj = hess[j] as number[];
      hj[j] = (hj[j] ?? 0) + lambda;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j <= d; j += 1) {
      w[j] = (w[j] ?? 0) - (step[j] ?? 0);
      moved = Math.max(moved, Math.abs(step[j] ?? 0));
    }
    if (moved < 1e-8) break;
  }
  return { mean, scale, w };
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const pc = m[c] as number[];
    const diag = pc[c] || 1e-12;
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const pr = m[r] as number[];
      const f = (pr[c] ?? 0) / diag;
      if (f === 0) continue;
      for (let k = c; k <= n; k += 1) pr[k] = (pr[k] ?? 0) - f * (pc[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1e-12));
}

function probability(f: Fitted, x: readonly number[]): number {
  const z = x.reduce(
    (s, v, j) => s + (f.w[j + 1] ?? 0) * ((v - (f.mean[j] ?? 0)) / (f.scale[j] ?? 1)),
    f.w[0] ?? 0,
  );
  return 1 / (1 + Math.exp(-z));
}

/**
 * The classifier at the cut-off: (row, prediction) → late?, or null when it could not be trained.
 * The invoices to classify are described at the cut-off itself.
 */
export function lateClassifierAt(
  ctx: CutoffContext,
  partial: Partial<LateClassifierOptions>,
): (row: SampleRow, p: InvoicePrediction) => boolean | null {
  const options = { ...DEFAULTS, ...partial };
  const snapshotDates = Array.from({ length: options.snapshots }, (_, i) => addMonths(ctx.cutoff, -(i + 1)));
  const examples = snapshotDates.flatMap((s) => examplesAt(ctx, options, s, ctx.cutoff));
  if (examples.length < 50) return () => null;
  // Inner back-test: train on what was known one month before the cut-off, score that month's.
  const inner = snapshotDates[0] as string;
  const innerTrain = snapshotDates.slice(1).flatMap((s) => examplesAt(ctx, options, s, inner));
  const innerTest = examples.filter((e) => e.snapshot === inner);
  let lambda = options.lambdas[0] ?? 1;
  if (innerTrain.length >= 50 && innerTest.length > 0) {
    let best = -1;
    for (const candidate of options.lambdas) {
      const f = fitLogistic(innerTrain, candidate);
      const right = innerTest.filter((e) => probability(f, e.x) >= 0.5 === e.late).length;
      if (right > best) {
        best = right;
        lambda = candidate;
      }
    }
  }
  const fitted = fitLogistic(examples, lambda);
  const history = historyBy(ctx.known, ctx.cutoff);
  return (row, p) => probability(fitted, featuresAt(options, ctx.cutoff, history, row, p)) >= 0.5;
}
