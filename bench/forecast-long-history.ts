/**
 * Training on a longer history than the scale generator's 3 years, without a database: a
 * synthetic ledger streamed in document order (day by day, like the cursor), each invoice with its
 * dunning events, through the weekly job's fold (`foldInvoice`, keeping what the job keeps), then trained (`trainFromFold`). Prints,
 * per number of years, the invoices read and kept, fold and training time, CPU seconds and the
 * live heap (after a collection, with --expose-gc) before the stream, after it, after training and
 * without the kept invoices (the fold's sums and the model): with the history folded, that part
 * depends on the customers and their distinct delays, not on the years; the kept invoices are last
 * year's of the forecast weeks (the events are folded, not kept), and the recalibration's samples
 * of the invoices open at the three month ends before hold at most 20,000 each (their counts come
 * from a first pass over the same stream, as the job's from a count query). The invoices open at
 * the date are not kept: the job reads them again as it predicts them.
 * `node --expose-gc bench/forecast-long-history.ts [--customers 100000] [--per-year 3.3]
 * [--years 3,5]`. The ledger: each customer's own mean delay (by segment), terms of 30/45/60 days,
 * 3 % of invoices never paid, 2 % closed by a credit note. Synthetic: figures of time and memory
 * only, not of accuracy. Never a timed test.
 */
import { parseArgs } from 'node:util';
import { fromDayNumber, toDayNumber } from '#core/calendar';
import type { RankedEvent } from '#core/forecast/event-fold';
import {
  foldInvoice,
  openAtMonthEnd,
  recalibrationMonthEnds,
  startHistoryFold,
  trainFromFold,
} from '#core/forecast/history-fold';
import type { InvoiceRecord } from '#core/forecast/types';
import { loadAverage } from './stats.ts';

const ASOF = '2026-06-30';
const SEGMENTS = ['large_retail', 'wholesaler', 'sme', 'public', 'export'];
const collect = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  collect?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000) / 1000;
};
const seconds = (started: number) => Math.round(performance.now() - started) / 1000;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same ledger on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The invoices of `years` years up to the date, in document (= issue) order, one at a time. */
function* syntheticLedger(customers: number, perYear: number, years: number): Generator<InvoiceRecord> {
  const next = random(42);
  const codes = Array.from({ length: customers }, (_, i) => `C${String(i).padStart(6, '0')}`);
  const meanDelay = Array.from({ length: customers }, (_, i) => (i % SEGMENTS.length) * 6 + next() * 30 - 5);
  const lastDay = toDayNumber(ASOF);
  const firstDay = lastDay - Math.round(years * 365.25);
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      dates.set(day, date);
    }
    return date;
  };
  const perDay = (customers * perYear) / 365.25;
  let documentId = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const count = Math.floor(perDay + next());
    for (let n = 0; n < count; n += 1) {
      const customer = Math.floor(next() * customers);
      const dueDay = day + [30, 45, 60][Math.floor(next() * 3)]!;
      const fate = next();
      const delay = Math.round((meanDelay[customer] ?? 0) + (next() - 0.3) * 40);
      const settledDay = fate < 0.03 ? null : Math.max(day, dueDay + delay);
      documentId += 1;
      yield {
        documentId,
        customerCode: codes[customer] as string,
        customerType: SEGMENTS[customer % SEGMENTS.length] as string,
        documentRef: `F${documentId}`,
        issueDate: dateOf(day),
        dueDate: dateOf(dueDay),
        amountMinor: 10_000 + Math.floor(next() * 5_000_000),
        currency: 'EUR',
        settledOn: settledDay === null || settledDay > lastDay ? null : dateOf(settledDay),
        settledByPayment: fate >= 0.05,
      };
    }
  }
}

/**
 * Dunning events of an invoice, from its figures alone (the ledger's draws stay the same): a first
 * reminder 10 days after the due date of an invoice paid over 15 days late or never, a second at
 * 40 days when over 45 days late, a dispute on one invoice in 50 (resolved a month later), a promise
 * on one late invoice in 200; only those dated by the date. Ranked by date (then kind), as the
 * database ranks the company's events.
 */
function syntheticEvents(record: InvoiceRecord): RankedEvent[] {
  const lastDay = toDayNumber(ASOF);
  const dueDay = toDayNumber(record.dueDate);
  const issueDay = toDayNumber(record.issueDate);
  const late = record.settledOn === null ? lastDay - dueDay : toDayNumber(record.settledOn) - dueDay;
  const events: RankedEvent[] = [];
  const add = (day: number, kind: RankedEvent['kind'], extra: { level?: number; promisedDate?: string }) => {
    if (day <= lastDay)
      events.push({
        documentId: record.documentId,
        kind,
        date: fromDayNumber(day),
        rank: day * 4 + events.length,
        ...extra,
      });
  };
  if (record.documentId % 50 === 0) {
    add(issueDay + 5, 'dispute_opened', {});
    add(issueDay + 35, 'dispute_resolved', {});
  }
  if (late > 15) add(dueDay + 10, 'reminder', { level: 1 });
  if (late > 15 && record.documentId % 200 === 7)
    add(dueDay + 20, 'promise', { promisedDate: fromDayNumber(dueDay + 35) });
  if (late > 45) add(dueDay + 40, 'reminder', { level: 2 });
  return events.sort((a, b) => a.rank - b.rank);
}

/** How many of the ledger's invoices are open at each month end the recalibration samples (the job's count query). */
function openAtMonthEnds(customers: number, perYear: number, years: number): number[] {
  const ends = recalibrationMonthEnds(ASOF);
  const counts = ends.map(() => 0);
  for (const record of syntheticLedger(customers, perYear, years))
    ends.forEach((end, k) => {
      if (openAtMonthEnd(record, end)) counts[k] = (counts[k] ?? 0) + 1;
    });
  return counts;
}

export function benchLongHistory(customers: number, perYear: number, years: number) {
  const counts = openAtMonthEnds(customers, perYear, years);
  const heapBefore = heapMb();
  const cpuStarted = process.cpuUsage();
  let started = performance.now();
  const fold = startHistoryFold(ASOF, 13, counts);
  const kept: InvoiceRecord[] = [];
  let open = 0;
  for (const record of syntheticLedger(customers, perYear, years)) {
    if (record.settledOn === null) open += 1;
    // The invoices open at the date are not kept: the job reads them again as it predicts them.
    if (foldInvoice(fold, record, () => record, syntheticEvents(record))) kept.push(record);
  }
  const foldSeconds = seconds(started);
  const heapAfterFold = heapMb();
  started = performance.now();
  const forecaster = trainFromFold(fold);
  const trainSeconds = seconds(started);
  const heapAfterTrain = heapMb();
  const keptInvoices = kept.length;
  const sampled = fold.samples.reduce((sum, sample) => sum + sample.records.length, 0);
  // What is left once the kept invoices and the samples are dropped: the fold's sums and the model.
  kept.length = 0;
  for (const sample of fold.samples) sample.records.length = 0;
  const heapFoldAndModel = heapMb();
  return {
    years,
    customers,
    invoices: fold.invoices,
    settled: fold.settled,
    events: fold.eventsRead,
    openAtDate: open,
    kept: keptInvoices,
    sampledAtMonthEnds: sampled,
    openAtMonthEnds: counts,
    foldSeconds,
    trainSeconds,
    cpuSeconds: cpuSeconds(cpuStarted),
    heapBeforeMb: heapBefore,
    heapAfterFoldMb: heapAfterFold,
    heapAfterTrainMb: heapAfterTrain,
    heapFoldAndModelMb: heapFoldAndModel,
    habits: forecaster.model.customers.size,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      'per-year': { type: 'string', default: '3.34' },
      years: { type: 'string', default: '3,5' },
    },
  });
  const loadBefore = loadAverage();
  for (const years of values.years.split(',').map(Number)) {
    const figures = benchLongHistory(Number(values.customers), Number(values['per-year']), years);
    process.stdout.write(
      `forecast-long-history: ${JSON.stringify({ ...figures, loadAverage: loadAverage() })}\n`,
    );
  }
  process.stdout.write(`load average before: ${loadBefore}\n`);
}
