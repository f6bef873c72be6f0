/**
 * Whether the predicted dates keep their word on every invoice open at a cut-off, paid later or
 * never (issue 14's audit, finding 1): the back-test's MAE scores only the invoices paid later,
 * which rewards a model that predicts an invoice months overdue as paid within days. At each month
 * end, every invoice open then is scored against what the data knows by its end (`--to`, the
 * censoring date), by how far past due it was: the share paid by its P10 / P50 / P90 date (about
 * 10 / 50 / 90 % for an honest model; only the dates on or before the censoring date count), and
 * the expected share paid within 13 weeks (the share of its dates in them) against the actual one.
 * Beside it, per variant: the paid-only back-test (MAE, late accuracy, Brier) and, with `--ibm`,
 * IBM's sample replayed as bench/forecast-ibm-variants.ts replays `channel (product)`.
 *
 * `--holiday MM:N`: a synthetic holiday, every payment made in month MM coming N days later (by the
 * censoring date, else still open then): the demo's generator has no season, so this shows what the
 * payments' season (season-terms.ts) learns and brings where there is one. The demo's history ends
 * on 30 June 2026, so an August holiday is learned too late to be scored (from October 2025, for
 * payments of August 2026): `--holiday 02:10` is.
 *
 *   node bench/forecast-coverage.ts --data-dir DIR [--from D --to D] [--variants a,b] [--ibm FILE]
 *     [--holiday MM:N] [--json]
 */
import { parseArgs } from 'node:util';
import { loadForecastData } from '#app/forecast/forecast-data';
import { openRuntime } from '#app/runtime';
import { addDays, toDayNumber } from '#core/calendar';
import { runBacktest } from '#core/forecast/backtest';
import type { PastPrediction } from '#core/forecast/calibration';
import { type DateVariant, DEFAULT_DATE_VARIANT } from '#core/forecast/dated-levels';
import {
  DEFAULT_FORECAST_OPTIONS,
  type ForecastOptions,
  pastPredictions,
  predictWith,
  trainForecaster,
} from '#core/forecast/forecaster';
import type { ModelOptions } from '#core/forecast/model';
import { openAt } from '#core/forecast/predict';
import type { InvoiceEvent, InvoiceRecord } from '#core/forecast/types';
import { resolveDatabaseConfig } from '#db/infra/connect';
import { disputesOf, knownAt, readSample } from './forecast-ibm-sample.ts';

const base = DEFAULT_FORECAST_OPTIONS;
const dates = (change: Partial<DateVariant>): ForecastOptions => ({
  ...base,
  dates: { ...DEFAULT_DATE_VARIANT, ...change },
});
const habits = (change: Partial<ModelOptions>): ForecastOptions => ({
  ...base,
  model: { ...base.model, ...change },
});
const VARIANTS: Record<string, ForecastOptions> = {
  // Before this change: the record alone from 180 days, the map on the probabilities only.
  before: dates({
    ageFromDays: 180,
    ageMode: 'replace',
    calibration: 'probabilities',
  }),
  replace180: dates({ ageFromDays: 180, ageMode: 'replace' }),
  replace90: dates({ ageFromDays: 90, ageMode: 'replace' }),
  replace30: dates({ ageFromDays: 30, ageMode: 'replace' }),
  'blend30-90': dates({ ageFromDays: 30, ageMode: 'blend', fullAgeDays: 90 }),
  'blend30-180': dates({ ageFromDays: 30, ageMode: 'blend', fullAgeDays: 180 }),
  'blend30-180-probabilities': dates({ ageFromDays: 30, fullAgeDays: 180, calibration: 'probabilities' }),
  'blend30-180-uncalibrated': {
    ...dates({ ageFromDays: 30, fullAgeDays: 180 }),
    calibration: { ...base.calibration, earlierMonths: 0 },
  },
  'blend30-180-agree': dates({ ageFromDays: 30, fullAgeDays: 180, calibration: 'agree' }),
  'blend30-60': dates({ ageFromDays: 30, fullAgeDays: 60 }),
  'blend30-90-agree': dates({ ageFromDays: 30, fullAgeDays: 90, calibration: 'agree' }),
  'replace30-agree': dates({ ageFromDays: 30, ageMode: 'replace', calibration: 'agree' }),
  'replace60-agree': dates({ ageFromDays: 60, ageMode: 'replace', calibration: 'agree' }),
  product: base,
  // The product without the payments' season (season-terms.ts): what the season brings.
  'no-season': { ...base, season: false },
  // The habits without their trend (before model-trend.ts); with the residuals' tail learned from
  // the invoices still open too (model-residuals.ts), with and without the trend.
  'no-trend': habits({ trend: false }),
  pooled: habits({ pooledTrend: true }),
  'pooled-90': habits({ pooledTrend: true, trendCompleteDays: 90 }),
  'pooled-hl120': habits({ pooledTrend: true, trendHalfLifeDays: 120 }),
  'no-pooled': habits({ pooledTrend: false }),
  'trend-tail': habits({ censoredTail: true }),
  'tail-only': habits({ trend: false, censoredTail: true }),
  // Dates on calendar days, whatever days the payments landed on (before bank-days.ts).
  'calendar-days': habits({ bankDays: false }),
  // The band read at the 10th and 90th of the days, not at the levels learned (band-levels.ts).
  'no-band': { ...base, band: false },
};

const BUCKETS = ['not due', '1-30', '31-90', '91-180', '>180'] as const;
const bucketOf = (overdue: number) =>
  overdue <= 0 ? 0 : overdue <= 30 ? 1 : overdue <= 90 ? 2 : overdue <= 180 ? 3 : 4;

interface Cell {
  open: number;
  /** By P10, P50, P90: dates on or before the censoring date, and how many were paid by them. */
  dated: [number, number, number];
  paidBy: [number, number, number];
  /** Within 13 weeks, at the cut-offs whose 13 weeks are known. */
  window: number;
  expected: number;
  paid: number;
  notExpected: number;
}

const emptyCell = (): Cell => ({
  open: 0,
  dated: [0, 0, 0],
  paidBy: [0, 0, 0],
  window: 0,
  expected: 0,
  paid: 0,
  notExpected: 0,
});

function monthEnds(from: string, to: string): string[] {
  const ends: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); ; ) {
    const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    if (end > to) break;
    ends.push(end);
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return ends;
}

function coverage(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoffs: readonly string[],
  end: string,
  options: ForecastOptions,
): Cell[] {
  const cells = BUCKETS.map(emptyCell);
  const endDay = toDayNumber(end);
  const cache = new Map<string, readonly PastPrediction[]>();
  const pastAt = (monthEnd: string) => {
    const past = cache.get(monthEnd);
    if (past) return past;
    const computed = pastPredictions(records, events, monthEnd, options);
    cache.set(monthEnd, computed);
    return computed;
  };
  for (const cutoff of cutoffs) {
    if (cutoff >= end) continue;
    const forecaster = trainForecaster(records, events, cutoff, options, pastAt);
    const cutoffDay = toDayNumber(cutoff);
    for (const record of openAt(records, cutoff)) {
      const p = predictWith(forecaster, { ...record, settledOn: null }, record.amountMinor);
      const cell = cells[bucketOf(cutoffDay - toDayNumber(record.dueDate))] as Cell;
      const paidDay =
        record.settledByPayment && record.settledOn !== null ? toDayNumber(record.settledOn) : null;
      cell.open += 1;
      if (p.paymentExpected === false) cell.notExpected += 1;
      [p.p10Date, p.predictedDate, p.p90Date].forEach((date, q) => {
        const day = toDayNumber(date);
        if (day > endDay) return;
        cell.dated[q] = (cell.dated[q] ?? 0) + 1;
        if (paidDay !== null && paidDay <= day) cell.paidBy[q] = (cell.paidBy[q] ?? 0) + 1;
      });
      const limit = cutoffDay + 91;
      if (limit > endDay) continue;
      cell.window += 1;
      cell.expected += p.candidateDays.filter((day) => day <= limit).length / p.candidateDays.length;
      if (paidDay !== null && paidDay <= limit) cell.paid += 1;
    }
  }
  return cells;
}

/** IBM's sample as forecast-ibm-variants.ts replays `channel (product)`: pooled MAE and late accuracy. */
async function ibm(path: string, options: ForecastOptions) {
  const rows = await readSample(path);
  let n = 0;
  let abs = 0;
  let right = 0;
  for (let i = 0; i < 18; i += 1) {
    const month = 6 + i;
    const cutoff = `${2012 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    const known = knownAt(rows, cutoff);
    const withChannel = (row: (typeof rows)[number]) => ({ ...row.record, electronic: row.electronic });
    const forecaster = trainForecaster(known.map(withChannel), disputesOf(known), cutoff, options);
    const byId = new Map(rows.map((row) => [row.record.documentId, row]));
    for (const record of openAt(
      rows.map((row) => row.record),
      cutoff,
    )) {
      const row = byId.get(record.documentId);
      if (!row) continue;
      const p = predictWith(forecaster, { ...withChannel(row), settledOn: null }, 0);
      const day = toDayNumber(p.predictedDate);
      const actual = toDayNumber(record.settledOn as string);
      const due = toDayNumber(record.dueDate);
      n += 1;
      abs += Math.abs(day - actual);
      right += day > due === actual > due ? 1 : 0;
    }
  }
  return { maeDays: abs / n, lateAccuracy: right / n };
}

/** The payments made in `month` ('08') `days` later; those then after `to` still open at it. */
function withHoliday(
  invoices: readonly InvoiceRecord[],
  month: string,
  days: number,
  to: string,
): readonly InvoiceRecord[] {
  if (days === 0) return invoices;
  return invoices.map((record) => {
    if (!record.settledByPayment || record.settledOn?.slice(5, 7) !== month) return record;
    const settledOn = addDays(record.settledOn, days);
    return settledOn <= to
      ? { ...record, settledOn }
      : { ...record, settledOn: null, settledByPayment: false };
  });
}

const pct = (num: number, den: number) => (den > 0 ? `${((100 * num) / den).toFixed(1)}` : '–');

function cellText(cell: Cell): string {
  const q = [0, 1, 2].map(
    (k) => `${pct(cell.paidBy[k] as number, cell.dated[k] as number)}/${cell.dated[k]}`,
  );
  return `open ${cell.open}, paid by P10 ${q[0]}, P50 ${q[1]}, P90 ${q[2]} (% / dated), 13 w expected ${pct(cell.expected, cell.window)} actual ${pct(cell.paid, cell.window)} of ${cell.window}, not expected ${cell.notExpected}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      from: { type: 'string', default: '2025-07-01' },
      to: { type: 'string', default: '2026-06-30' },
      variants: { type: 'string' },
      ibm: { type: 'string' },
      holiday: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const from = values.from as string;
  const to = values.to as string;
  const names = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
  const runtime = await openRuntime(resolveDatabaseConfig(process.env, { dataDir: values['data-dir'] }));
  const out: unknown[] = [];
  try {
    const ctx = await runtime.contextFor(undefined, 'cli');
    const data = await loadForecastData(ctx, to, false);
    const [month, days] = (values.holiday ?? '01:0').split(':');
    const invoices = withHoliday(data.invoices, month ?? '01', Number(days ?? 0), to);
    const cutoffs = monthEnds(from, to);
    for (const name of names) {
      const options = VARIANTS[name];
      if (!options) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(' | ')}`);
      const bt = runBacktest(invoices, from, to, { events: data.events, forecast: options });
      const model = bt.methods.find((m) => m.method === 'model');
      const cells = coverage(invoices, data.events, cutoffs, to, options);
      const ibmScore = values.ibm ? await ibm(values.ibm, options) : null;
      out.push({
        name,
        backtest: { ...model, brier: bt.brierScore, invoices: bt.invoices },
        cells,
        ibm: ibmScore,
      });
      if (values.json) continue;
      process.stdout.write(
        `\n== ${name}\nback-test (paid only): MAE ${model?.maeDays} d, late accuracy ${model?.lateAccuracy}, balanced ${model?.balancedAccuracy}, Brier ${bt.brierScore} (${bt.invoices} invoices)\n`,
      );
      if (ibmScore)
        process.stdout.write(
          `IBM pooled: MAE ${ibmScore.maeDays.toFixed(3)} d, late accuracy ${ibmScore.lateAccuracy.toFixed(4)}\n`,
        );
      cells.forEach((cell, b) => {
        process.stdout.write(`  ${BUCKETS[b]?.padEnd(7)} ${cellText(cell)}\n`);
      });
    }
  } finally {
    await runtime.close();
  }
  if (values.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

await main();
