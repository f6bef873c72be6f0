/**
 * Payment-date prediction at scale on PostgreSQL (a database of its own, dropped after): the
 * scale company's settled ledger (invoices over 36 months, payments, disputes), then the
 * predictions of every invoice open at the reference date as `predict payments` makes them —
 * reading the invoices and events, training the habits model and the event terms, recalibrating
 * on three earlier month ends, predicting. Median of 3 runs with min/max per phase, the load
 * average, and memory: the resident set after each phase and the process's peak.
 * About a quarter of the scale ledger's invoices are open at the reference date, so the default
 * 4,000,000 invoices give about 1,000,000 open items; the count predicted is printed.
 * `node bench/forecast.ts [--customers N] [--invoices M] [--runs R]`. Never a timed test.
 */
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { loadForecastData } from '#app/forecast/forecast-data';
import { openRuntime } from '#app/runtime';
import { predictWith, trainForecaster } from '#core/forecast/forecaster';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { withPostgres } from './analytics.ts';
import { loadAverage, median } from './stats.ts';

export interface ForecastBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  serverUrl?: string | undefined;
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

export async function benchForecast(options: ForecastBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 4_000_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, undefined, async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock(ASOF), log: silentLogger });
    try {
      const base = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      let started = performance.now();
      await loadScaleCompany(base, { customers, invoices });
      await refreshPlannerStatistics(runtime.handle.db);
      const loadSeconds = seconds(started);
      const ctx = await runtime.contextFor('SCALE', 'bench');
      const phases = {
        read: [] as number[],
        train: [] as number[],
        predict: [] as number[],
        total: [] as number[],
        cpu: [] as number[],
      };
      const rssMb = { afterRead: 0, afterTrain: 0, afterPredict: 0 };
      const peakBeforeMb = megabytes(process.resourceUsage().maxRSS * 1024);
      const loadAverageBefore = loadAverage();
      let openItems = 0;
      let predictedLate = 0;
      for (let run = 0; run < runs; run += 1) {
        const runStarted = performance.now();
        const cpuStarted = process.cpuUsage();
        started = performance.now();
        const data = await loadForecastData(ctx, ASOF, true);
        phases.read.push(seconds(started));
        rssMb.afterRead = Math.max(rssMb.afterRead, megabytes(process.memoryUsage().rss));
        started = performance.now();
        const forecaster = trainForecaster(data.invoices, data.events, ASOF);
        phases.train.push(seconds(started));
        rssMb.afterTrain = Math.max(rssMb.afterTrain, megabytes(process.memoryUsage().rss));
        started = performance.now();
        openItems = 0;
        predictedLate = 0;
        for (const invoice of data.invoices) {
          const openMinor = data.openMinorById.get(invoice.documentId);
          if (openMinor === undefined || openMinor <= 0) continue;
          const prediction = predictWith(forecaster, invoice, openMinor);
          openItems += 1;
          if (prediction.probabilityLate >= 0.5) predictedLate += 1;
        }
        phases.predict.push(seconds(started));
        rssMb.afterPredict = Math.max(rssMb.afterPredict, megabytes(process.memoryUsage().rss));
        phases.total.push(seconds(runStarted));
        phases.cpu.push(cpuSeconds(cpuStarted));
      }
      return {
        customers,
        invoices,
        openItems,
        predictedLate,
        loadSeconds,
        runs,
        read: summary(phases.read),
        train: summary(phases.train),
        predict: summary(phases.predict),
        total: summary(phases.total),
        /** This process's CPU time per run (the database server's is not counted). */
        cpu: summary(phases.cpu),
        rssMb,
        peakRssBeforeRunsMb: peakBeforeMb,
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
    },
  });
  const figures = await benchForecast({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
  });
  process.stdout.write(`forecast: ${JSON.stringify(figures)}\n`);
}
