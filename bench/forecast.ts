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
 * `node [--expose-gc] bench/forecast.ts [--customers N] [--invoices M] [--runs R] [--keep-database NAME]
 * [--dates D1,D2,…] [--verify] [--predict-only]`: at each date the weekly job (read, train, predict,
 * store, keep the model), then R runs predicting every date's open items from the kept models, as
 * the calls of the week do (--verify: each date's predictions hashed both ways, not timed;
 * --predict-only: the models of an earlier run, no training).
 * (--expose-gc: heap figures after a collection, i.e. what is live). A kept database is loaded once
 * and reused by later runs of the same size. Never a timed test.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { loadTrainingData } from '#app/forecast/forecast-data';
import {
  forEachOpenInvoicePrediction,
  forEachStoredPredictionBatch,
  type OpenInvoicePrediction,
} from '#app/forecast/predictions';
import { SNAPSHOT_WEEKS, writeForecastSnapshot } from '#app/forecast/snapshot';
import { findStoredPredictor } from '#app/forecast/stored-model';
import { openRuntime } from '#app/runtime';
import { toDayNumber } from '#core/calendar';
import { addToWeeks, emptyWeekSums } from '#core/forecast/collections';
import { type HistoryFold, trainFromFold } from '#core/forecast/history-fold';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { inReportSnapshot } from '#db/reports/report-session';
import { withPostgres } from './analytics.ts';
import { loadAverage, median } from './stats.ts';

export interface ForecastBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  serverUrl?: string | undefined;
  /** A database name to load once and reuse (not dropped). */
  keepDatabase?: string | undefined;
  /** The dates the weekly job trains at and predictions are made at (default the reference date). */
  dates?: string[];
  /** Also hash every prediction, from the trained predictor and from the stored model (not timed). */
  verify?: boolean;
  /** Only the predictions from the models an earlier run kept (no training). */
  predictOnly?: boolean;
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

/** The history the model trained on, as it is: the generator's span, not the target's 5 years. */
function describeHistory(fold: HistoryFold, asOf: string) {
  const first = fold.firstIssueDate ?? asOf;
  const years = Math.round(((toDayNumber(asOf) - toDayNumber(first)) / 365.25) * 100) / 100;
  return {
    firstIssueDate: first,
    years,
    customersWithPaidInvoices: fold.model.codes.length,
    invoices: fold.invoices,
    settled: fold.settled,
  };
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

/** A hash of every prediction, all fields: the stored model's must equal the trained one's. */
function predictionHash() {
  const hash = createHash('sha256');
  return {
    add: (batch: readonly OpenInvoicePrediction[]) => {
      for (const prediction of batch) hash.update(JSON.stringify(prediction));
    },
    digest: () => hash.digest('hex').slice(0, 16),
  };
}

/** The weekly job at one date: read, train, predict, store the run and keep the model. */
async function trainAndStore(ctx: AppContext, asOf: string, verify: boolean) {
  const cpuStarted = process.cpuUsage();
  let started = performance.now();
  const { data, fold } = await loadTrainingData(ctx, asOf, SNAPSHOT_WEEKS);
  const read = seconds(started);
  const heapAfterRead = heapMb();
  started = performance.now();
  const forecaster = trainFromFold(fold);
  const train = seconds(started);
  const heapAfterTrain = heapMb();
  started = performance.now();
  const stored = await writeForecastSnapshot(ctx, asOf, data, forecaster, { keepModel: true });
  const predictStore = seconds(started);
  const cpu = cpuSeconds(cpuStarted);
  // Not timed: the trained predictor's own predictions, to compare with the stored model's.
  let trainedHash: string | null = null;
  if (verify) {
    const hash = predictionHash();
    const input = { companyId: ctx.companyId, asOf, currency: data.currency };
    await inReportSnapshot(ctx.db, (trx) => forEachOpenInvoicePrediction(trx, input, forecaster, hash.add));
    trainedHash = hash.digest();
  }
  const history = {
    ...describeHistory(fold, asOf),
    keptInvoices: data.invoices.length,
    events: fold.eventsRead,
    sampledAtMonthEnds: fold.samples.map((sample) => `${sample.records.length}/${sample.open}`),
  };
  return { read, train, predictStore, cpu, heapAfterRead, heapAfterTrain, stored, trainedHash, history };
}

/**
 * What a prediction call does once the week's model is kept: find it, read the invoices open at the
 * date and the events known then, predict each; the predictions are summed into the 13 weeks of
 * the collection forecast (and hashed when verifying), none is held.
 */
async function predictFromStored(ctx: AppContext, asOf: string, verify: boolean) {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  let heapPeak = 0;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, megabytes(process.memoryUsage().heapUsed));
  }, 50);
  try {
    const found = await findStoredPredictor(ctx, asOf, 'EUR');
    if (!found) throw new Error(`no stored model at ${asOf}`);
    const weeks = emptyWeekSums(asOf, 13);
    const hash = verify ? predictionHash() : null;
    const { count } = await forEachStoredPredictionBatch(ctx, found, asOf, (batch) => {
      addToWeeks(weeks, batch);
      hash?.add(batch);
    });
    return {
      seconds: seconds(started),
      cpu: cpuSeconds(cpuStarted),
      count,
      hash: hash?.digest() ?? null,
      heapPeak,
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchForecast(options: ForecastBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 4_000_000;
  const runs = options.runs ?? 3;
  const dates = options.dates ?? [ASOF];
  const verify = options.verify ?? false;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const loadSeconds = await loadOnce(url, customers, invoices, options.keepDatabase !== undefined);
    const runtime = await openRuntime({ url }, { clock: fixedClock(ASOF), log: silentLogger });
    try {
      const ctx = await runtime.contextFor('SCALE', 'bench');
      const heapStart = heapMb();
      const loadAverageBefore = loadAverage();
      const training = new Map<string, Awaited<ReturnType<typeof trainAndStore>>>();
      // Latest date first: keeping a model deletes those trained over a week before it (retention).
      const latestFirst = [...dates].sort().reverse();
      if (!options.predictOnly)
        for (const asOf of latestFirst) training.set(asOf, await trainAndStore(ctx, asOf, verify));
      const loadAverageAfterTraining = loadAverage();
      const predicting: { seconds: number; cpu: number; count: number; heapPeakMb: number }[] = [];
      const hashes = new Map<string, string | null>();
      for (let run = 0; run < runs; run += 1) {
        let total = { seconds: 0, cpu: 0, count: 0, heapPeakMb: 0 };
        for (const asOf of dates) {
          const result = await predictFromStored(ctx, asOf, verify && run === 0);
          if (run === 0) hashes.set(asOf, result.hash);
          total = {
            seconds: total.seconds + result.seconds,
            cpu: Math.round((total.cpu + result.cpu) * 1000) / 1000,
            count: total.count + result.count,
            heapPeakMb: Math.max(total.heapPeakMb, result.heapPeak),
          };
        }
        predicting.push(total);
      }
      const perDate = dates.map((asOf) => {
        const t = training.get(asOf);
        return {
          asOf,
          openItems: t?.stored.openInvoices,
          history: t?.history,
          weeklyJob: {
            readSeconds: t?.read,
            trainSeconds: t?.train,
            predictAndStoreSeconds: t?.predictStore,
            cpuSeconds: t?.cpu,
            heapAfterReadMb: t?.heapAfterRead,
            heapAfterTrainMb: t?.heapAfterTrain,
          },
          trainedHash: t?.trainedHash,
          storedModelHash: hashes.get(asOf),
          identical: verify ? t?.trainedHash === hashes.get(asOf) : undefined,
        };
      });
      const secondsOf = predicting.map((p) => p.seconds);
      return {
        customers,
        invoices,
        dates: perDate,
        loadSeconds,
        heapStartMb: heapStart,
        heapIsLive: collect !== undefined,
        /** Predictions from the kept models, every date, per run (median of R runs). */
        predictFromStoredModel: {
          runs,
          predictions: predicting[0]?.count ?? 0,
          seconds: summary(secondsOf),
          cpuSeconds: summary(predicting.map((p) => p.cpu)),
          predictionsPerSecond: Math.round((predicting[0]?.count ?? 0) / median(secondsOf)),
          heapPeakMb: Math.max(...predicting.map((p) => p.heapPeakMb)),
        },
        peakRssMb: megabytes(process.resourceUsage().maxRSS * 1024),
        loadAverageBefore,
        loadAverageAfterTraining,
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
      dates: { type: 'string', default: ASOF },
      verify: { type: 'boolean', default: false },
      'predict-only': { type: 'boolean', default: false },
    },
  });
  const figures = await benchForecast({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    dates: values.dates.split(','),
    verify: values.verify,
    predictOnly: values['predict-only'],
  });
  process.stdout.write(`forecast: ${JSON.stringify(figures)}\n`);
}
