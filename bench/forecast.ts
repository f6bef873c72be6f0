/**
 * Payment-date prediction at scale on PostgreSQL (a database of its own, dropped after unless
 * kept): the scale company's settled ledger (invoices over the generator's months, 36 unless
 * `--months`, payments, disputes), then what the weekly `forecast snapshot` job does as of the
 * reference date — read the history (chunk by chunk), train (the habits model and the event terms,
 * recalibrated on three earlier month ends), then predict every invoice open at the date and store
 * the predictions and the weekly forecast batch by batch. Median of R runs with min/max per phase,
 * CPU seconds of this process and of the database server (its backends for this database, read
 * from /proc), open items per second, the load average, and memory: the heap and resident set
 * after each phase, the heap's highest sample while predicting and storing (garbage included), and
 * the process's peak resident set after the weekly jobs and at the end.
 * The training history is described as it is (customers, invoices, settled invoices, years from
 * the first issue date to the reference date): 3 years on the default templates, 5 on one made by
 * `node bench/scale-db.ts --copy NAME --months 60 --invoices 1666667` (the 3-year density).
 * About a quarter of the scale ledger's invoices are open at the reference date, so the default
 * 4,000,000 invoices give about 1,000,000 open items; the count predicted is printed.
 * `node [--expose-gc] bench/forecast.ts [--customers N] [--invoices M] [--months K] [--runs R]
 * [--keep-database NAME] [--dates D1,D2,…] [--verify] [--predict-only]`: at each date the weekly
 * job (read, train, predict, store, keep the model), then R runs predicting every date's open items
 * from the kept models, as the calls of the week do (--verify: each date's predictions hashed both
 * ways, not timed; --predict-only: the models of an earlier run, no training).
 * (--expose-gc: heap figures after a collection, i.e. what is live). A kept database is loaded once
 * and reused by later runs of the same size; `--months` only matters when this run loads it.
 * Never a timed test.
 */
import { parseArgs } from 'node:util';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { loadTrainingData } from '#app/forecast/forecast-data';
import { forEachOpenInvoicePrediction } from '#app/forecast/prediction-batches';
import { SNAPSHOT_WEEKS, writeForecastSnapshot } from '#app/forecast/snapshot';
import { openRuntime } from '#app/runtime';
import { toDayNumber } from '#core/calendar';
import { type HistoryFold, trainFromFold } from '#core/forecast/history-fold';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { inReportSnapshot } from '#db/reports/report-session';
import { withPostgres } from './analytics.ts';
import { DatabaseCpuMeter } from './database-cpu.ts';
import {
  collect,
  cpuSeconds,
  heapMb,
  peakRssMb,
  predictionHash,
  predictRuns,
  rssMb,
  seconds,
} from './forecast-predict.ts';
import { loadAverage } from './stats.ts';

export interface ForecastBenchOptions {
  customers?: number;
  invoices?: number;
  /** Months of history of a database loaded by this run (the generator's 36 when absent). */
  months?: number | undefined;
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

/** The history the model trained on, as it is: the generator's span (3 or 5 years), read from the data. */
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

async function loadOnce(
  url: string,
  size: { customers: number; invoices: number; months?: number | undefined },
  kept: boolean,
) {
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
    await loadScaleCompany(base, size);
    await refreshPlannerStatistics(runtime.handle.db);
    return seconds(started);
  } finally {
    await runtime.close();
  }
}

/** The weekly job at one date: read, train, predict, store the run and keep the model. */
async function trainAndStore(ctx: AppContext, asOf: string, verify: boolean, database: DatabaseCpuMeter) {
  const cpuStarted = process.cpuUsage();
  const dbStarted = await database.seconds();
  let started = performance.now();
  let cpuPhase = process.cpuUsage();
  const { data, fold } = await loadTrainingData(ctx, asOf, SNAPSHOT_WEEKS);
  const read = seconds(started);
  const readCpu = cpuSeconds(cpuPhase);
  const dbAfterRead = await database.seconds();
  const heapAfterRead = heapMb();
  const rssAfterRead = rssMb();
  started = performance.now();
  cpuPhase = process.cpuUsage();
  const forecaster = trainFromFold(fold);
  const train = seconds(started);
  const trainCpu = cpuSeconds(cpuPhase);
  const heapAfterTrain = heapMb();
  const rssAfterTrain = rssMb();
  const dbAfterTrain = await database.seconds();
  started = performance.now();
  cpuPhase = process.cpuUsage();
  const stored = await writeForecastSnapshot(ctx, asOf, data, forecaster, { keepModel: true });
  const predictStore = seconds(started);
  const predictStoreCpu = cpuSeconds(cpuPhase);
  const cpu = cpuSeconds(cpuStarted);
  const dbEnd = await database.seconds();
  const round = (value: number) => Math.round(value * 100) / 100;
  const db = {
    read: round(dbAfterRead - dbStarted),
    train: round(dbAfterTrain - dbAfterRead),
    predictStore: round(dbEnd - dbAfterTrain),
  };
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
  const processCpu = { read: readCpu, train: trainCpu, predictStore: predictStoreCpu };
  const memory = { heapAfterRead, heapAfterTrain, rssAfterRead, rssAfterTrain };
  return { read, train, predictStore, cpu, processCpu, db, memory, stored, trainedHash, history };
}

function weeklyJobFigures(t: Awaited<ReturnType<typeof trainAndStore>> | undefined) {
  return {
    readSeconds: t?.read,
    trainSeconds: t?.train,
    predictAndStoreSeconds: t?.predictStore,
    cpuSeconds: t?.cpu,
    /** This process's CPU seconds by phase (read, train, predict and store). */
    processCpuSeconds: t?.processCpu,
    /** The database server's CPU seconds for this database by phase. */
    databaseCpuSeconds: t?.db,
    heapAfterReadMb: t?.memory.heapAfterRead,
    heapAfterTrainMb: t?.memory.heapAfterTrain,
    rssAfterReadMb: t?.memory.rssAfterRead,
    rssAfterTrainMb: t?.memory.rssAfterTrain,
  };
}

export async function benchForecast(options: ForecastBenchOptions = {}) {
  const size = {
    customers: options.customers ?? 100_000,
    invoices: options.invoices ?? 4_000_000,
    months: options.months,
  };
  const runs = options.runs ?? 3;
  const dates = options.dates ?? [ASOF];
  const verify = options.verify ?? false;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const loadSeconds = await loadOnce(url, size, options.keepDatabase !== undefined);
    const runtime = await openRuntime({ url }, { clock: fixedClock(ASOF), log: silentLogger });
    const database = await DatabaseCpuMeter.start(url);
    try {
      const ctx = await runtime.contextFor('SCALE', 'bench');
      const heapStart = heapMb();
      const loadAverageBefore = loadAverage();
      const training = new Map<string, Awaited<ReturnType<typeof trainAndStore>>>();
      // Latest date first: keeping a model deletes those trained over a week before it (retention).
      const latestFirst = [...dates].sort().reverse();
      if (!options.predictOnly)
        for (const asOf of latestFirst) training.set(asOf, await trainAndStore(ctx, asOf, verify, database));
      const loadAverageAfterTraining = loadAverage();
      const peakRssAfterWeeklyJobsMb = peakRssMb();
      const { figures, hashes } = await predictRuns(ctx, dates, runs, verify, database);
      const perDate = dates.map((asOf) => {
        const t = training.get(asOf);
        return {
          asOf,
          openItems: t?.stored.openInvoices,
          history: t?.history,
          weeklyJob: weeklyJobFigures(t),
          trainedHash: t?.trainedHash,
          storedModelHash: hashes.get(asOf),
          identical: verify ? t?.trainedHash === hashes.get(asOf) : undefined,
        };
      });
      return {
        ...size,
        dates: perDate,
        loadSeconds,
        heapStartMb: heapStart,
        heapIsLive: collect !== undefined,
        /** Predictions from the kept models, every date, per run (median of R runs). */
        predictFromStoredModel: figures,
        peakRssAfterWeeklyJobsMb,
        peakRssMb: peakRssMb(),
        loadAverageBefore,
        loadAverageAfterTraining,
        loadAverageAfter: loadAverage(),
      };
    } finally {
      await database.stop();
      await runtime.close();
    }
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '4000000' },
      months: { type: 'string' },
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
    months: values.months === undefined ? undefined : Number(values.months),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    dates: values.dates.split(','),
    verify: values.verify,
    predictOnly: values['predict-only'],
  });
  process.stdout.write(`forecast: ${JSON.stringify(figures)}\n`);
}
