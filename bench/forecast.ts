/**
 * Payment-date prediction at scale on PostgreSQL (a database of its own, dropped after unless
 * kept): the scale company's settled ledger (invoices over the generator's 36 months, payments,
 * disputes), then what the weekly `forecast snapshot` job does as of the reference date — read the
 * history (chunk by chunk), train (the habits model and the event terms, recalibrated on three
 * earlier month ends), then predict every invoice open at the date and store the predictions and
 * the weekly forecast batch by batch. Median of R runs with min/max per phase, CPU seconds of this
 * process, open items per second, the load average, and memory: the heap after each phase, the
 * heap's highest sample while predicting and storing (garbage included), and the process's peak resident set.
 * The training history is described as it is (customers, invoices, settled invoices, years from
 * the first issue date to the reference date): the generator spans 3 years, not 5.
 * About a quarter of the scale ledger's invoices are open at the reference date, so the default
 * 4,000,000 invoices give about 1,000,000 open items; the count predicted is printed.
 * `node [--expose-gc] bench/forecast.ts [--customers N] [--invoices M] [--runs R] [--keep-database NAME]`
 * (--expose-gc: heap figures after a collection, i.e. what is live). A kept database is loaded once
 * and reused by later runs of the same size. Never a timed test.
 */
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { loadForecastData } from '#app/forecast/forecast-data';
import { writeForecastSnapshot } from '#app/forecast/snapshot';
import { openRuntime } from '#app/runtime';
import { toDayNumber } from '#core/calendar';
import { trainForecaster } from '#core/forecast/forecaster';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { withPostgres } from './analytics.ts';
import { loadAverage, median } from './stats.ts';

export interface ForecastBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  serverUrl?: string | undefined;
  /** A database name to load once and reuse (not dropped). */
  keepDatabase?: string | undefined;
}

const ASOF = '2026-06-30';
const seconds = (started: number) => Math.round(performance.now() - started) / 1000;
/** CPU seconds of this process since `from`: on a shared machine, wall time waits for the CPU. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000) / 1000;
};
const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
const summary = (samples: number[]) => ({
  medianSeconds: Math.round(median(samples) * 1000) / 1000,
  minSeconds: Math.min(...samples),
  maxSeconds: Math.max(...samples),
});
const collect = (globalThis as { gc?: () => void }).gc;
/** Heap in use, after a collection when the process allows one (--expose-gc). */
const heapMb = () => {
  collect?.();
  return megabytes(process.memoryUsage().heapUsed);
};

/** The history the model trains on, as it is: the generator's span, not the target's 5 years. */
function describeHistory(
  invoices: readonly { customerCode: string; issueDate: string; settledOn: string | null }[],
) {
  let first = ASOF;
  let settled = 0;
  const customers = new Set<string>();
  for (const invoice of invoices) {
    if (invoice.issueDate < first) first = invoice.issueDate;
    if (invoice.settledOn !== null && invoice.settledOn <= ASOF) settled += 1;
    customers.add(invoice.customerCode);
  }
  const years = Math.round(((toDayNumber(ASOF) - toDayNumber(first)) / 365.25) * 100) / 100;
  return { firstIssueDate: first, years, customers: customers.size, invoices: invoices.length, settled };
}

async function loadOnce(url: string, customers: number, invoices: number, kept: boolean) {
  const runtime = await openRuntime({ url }, { clock: fixedClock(ASOF), log: silentLogger });
  try {
    const base = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
    const loaded = await runtime.handle.db
      .selectFrom('companies')
      .where('company_id', '=', 'SCALE')
      .select('company_id')
      .executeTakeFirst();
    if (kept && loaded) return 0;
    const started = performance.now();
    await loadScaleCompany(base, { customers, invoices });
    await refreshPlannerStatistics(runtime.handle.db);
    return seconds(started);
  } finally {
    await runtime.close();
  }
}

export async function benchForecast(options: ForecastBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 4_000_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const loadSeconds = await loadOnce(url, customers, invoices, options.keepDatabase !== undefined);
    const runtime = await openRuntime({ url }, { clock: fixedClock(ASOF), log: silentLogger });
    try {
      const ctx = await runtime.contextFor('SCALE', 'bench');
      const phases = { read: [] as number[], train: [] as number[], predictStore: [] as number[] };
      const totals = { total: [] as number[], cpu: [] as number[], openItemsPerSecond: [] as number[] };
      const heap = { start: heapMb(), afterRead: 0, afterTrain: 0, peakWhilePredicting: 0, afterPredict: 0 };
      const loadAverageBefore = loadAverage();
      let openItems = 0;
      let history = describeHistory([]);
      for (let run = 0; run < runs; run += 1) {
        const runStarted = performance.now();
        const cpuStarted = process.cpuUsage();
        let started = performance.now();
        const data = await loadForecastData(ctx, ASOF, true);
        phases.read.push(seconds(started));
        heap.afterRead = Math.max(heap.afterRead, heapMb());
        started = performance.now();
        const forecaster = trainForecaster(data.invoices, data.events, ASOF);
        phases.train.push(seconds(started));
        heap.afterTrain = Math.max(heap.afterTrain, heapMb());
        history = describeHistory(data.invoices);
        started = performance.now();
        // The inserts await the database between batches, so the sampler sees the batches' heap:
        // garbage included (collecting here would slow the phase measured), an upper bound.
        const sampler = setInterval(() => {
          const used = megabytes(process.memoryUsage().heapUsed);
          heap.peakWhilePredicting = Math.max(heap.peakWhilePredicting, used);
        }, 50);
        const stored = await writeForecastSnapshot(ctx, ASOF, data, forecaster).finally(() =>
          clearInterval(sampler),
        );
        const predictSeconds = seconds(started);
        phases.predictStore.push(predictSeconds);
        openItems = stored.openInvoices;
        totals.openItemsPerSecond.push(Math.round(openItems / predictSeconds));
        totals.total.push(seconds(runStarted));
        totals.cpu.push(cpuSeconds(cpuStarted));
        heap.afterPredict = Math.max(heap.afterPredict, heapMb());
      }
      return {
        customers,
        invoices,
        openItems,
        /** What the model trained on: years from the first invoice to the reference date. */
        history,
        loadSeconds,
        runs,
        read: summary(phases.read),
        train: summary(phases.train),
        predictAndStore: summary(phases.predictStore),
        openItemsPerSecond: median(totals.openItemsPerSecond),
        total: summary(totals.total),
        /** This process's CPU time per run (the database server's is not counted). */
        cpu: summary(totals.cpu),
        heapMb: heap,
        heapIsLive: collect !== undefined,
        peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
        loadAverageBefore,
        loadAverageAfter: loadAverage(),
      };
    } finally {
      await runtime.close();
    }
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '4000000' },
      runs: { type: 'string', default: '3' },
      'keep-database': { type: 'string' },
    },
  });
  const figures = await benchForecast({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
  });
  process.stdout.write(`forecast: ${JSON.stringify(figures)}\n`);
}
