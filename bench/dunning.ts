/**
 * A dunning run at scale on PostgreSQL (100,000 customers, 1,000,000 invoices by default, the
 * scale company): the preview a collector asks for (planned a slice of customers at a time: read
 * the slice's dunning state, plan, build the view) end to end, the old whole-at-once read and plan
 * apart (its memory, for comparison), then the run itself once (`carryOutDunningRun`: plan in
 * slices, store the actions and their items, compose and enqueue the e-mails, store each letter
 * and e-mail statement as a PDF job, tasks, audit) and finally the deferred PDFs laid out for a
 * sample of the run's letters, extrapolated to all of them. Median, min and max of 3 previews, the
 * load average, the peak heap and RSS seen during each part. On a database of its own with a
 * unique name, dropped afterwards; never a timed test.
 * `node --expose-gc bench/dunning.ts [--customers N] [--invoices M] [--runs R]` (or `npm run bench --
 * --only dunning`; without --expose-gc the baseline heap still holds the loading's garbage).
 * `--skip-at-once` leaves the old whole-at-once read out, `--skip-preview` the preview,
 * `--skip-digest` the stored rows' digest (minutes at 1,000,000 open items on a loaded machine);
 * `--gc-per-slice` collects garbage after each slice of the run and records the heap then (what the
 * run holds, flat or not); `--statements` sums each statement's time by kind and reads the server
 * backends' CPU (`db-profile.ts`: the pool's; `allBackendsCpuSeconds`: every backend of the
 * database, the run's reader included, `dunning-backends.ts`); `--open-items N` first takes customer payments out of the bench's
 * own copy until about N items are open (`reopen-items.ts`: the state rebuilt and checked against
 * the ledger). The preview's and the run's digests (`dunning-digest.ts`) tell whether a change of
 * the code changed what is planned or stored; the memory and CPU samplers are in
 * `dunning-memory.ts`, the deferred PDFs' sample in `dunning-letters.ts`.
 */
import { parseArgs } from 'node:util';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { carryOutDunningRun } from '#app/dunning/execute-run';
import { loadPlanData, type PlanData } from '#app/dunning/plan-data';
import { previewDunningRun, resolveRunDate } from '#app/dunning/plan-run';
import { openRuntime } from '#app/runtime';
import { planDunning } from '#core/dunning/planner';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { closePdfWorkers } from '#render/pdf-pool';
import { withPostgres } from './analytics.ts';
import { DatabaseProfile } from './db-profile.ts';
import { BackendCpuSampler } from './dunning-backends.ts';
import { type Company, previewDigest, runDigest } from './dunning-digest.ts';
import { timeDeferredLetters } from './dunning-letters.ts';
import { collectGarbage, measureCpu, megabytes, withPeakMemory } from './dunning-memory.ts';
import { reopenItems } from './reopen-items.ts';
import { loadAverage } from './stats.ts';

export interface DunningBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  /** Letters of the run laid out to time the deferred PDFs (the rest extrapolated). */
  sampleLetters?: number;
  serverUrl?: string | undefined;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
  /** Leave out the old whole-at-once read and its planner (kept for comparison only). */
  skipAtOnce?: boolean | undefined;
  /** Leave the preview out (the run's figures only: a preview at 1,000,000 open items takes minutes). */
  skipPreview?: boolean | undefined;
  /** Collect garbage after each slice of the run and record the heap then (the run's live heap). */
  gcPerSlice?: boolean | undefined;
  /** Time each statement of the preview and the run and read the server backends' CPU. */
  statements?: boolean | undefined;
  /** About this many items left open by taking payments out of the copy first (`reopen-items.ts`). */
  openItems?: number | undefined;
  /** Leave the stored rows' digest out (minutes at 1,000,000 open items on a loaded machine). */
  skipDigest?: boolean | undefined;
}

/** What a preview planned (a function, so that the view is garbage once counted). */
function viewCounts(view: Awaited<ReturnType<typeof previewDunningRun>>) {
  return {
    actions: view.actions.length,
    items: view.actions.reduce((sum, action) => sum + action.items.length, 0),
    skipped: view.skipped.length,
    customersReminded: new Set(view.actions.map((a) => a.customerCode)).size,
  };
}

/** What one more preview planned, and its digest (in a function: the view is garbage once counted). */
async function previewFigures(company: Company, asOf: string) {
  const view = await previewDunningRun(company, { asOf });
  return { ...viewCounts(view), digest: previewDigest(view) };
}

/** The run once (a second one the same day sends nothing): wall and CPU time, peak memory, counts. */
async function timeRun(company: Company, asOf: string, gcPerSlice: boolean) {
  const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
  // With --gc-per-slice, the heap after a forced collection at the end of each slice: what the run
  // really holds then (the sampled peak counts garbage not yet collected).
  const liveHeapMb: number[] = [];
  let forcedGcMs = 0;
  const onSlice = gcPerSlice
    ? () => {
        const gcStarted = performance.now();
        collectGarbage();
        forcedGcMs += performance.now() - gcStarted;
        liveHeapMb.push(megabytes(process.memoryUsage().heapUsed));
      }
    : undefined;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = await withPeakMemory(() => carryOutDunningRun(company, { asOf }, { onSlice }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    ...run.result,
    baselineHeapMb,
    peakHeapMb: run.heapMb,
    peakRssMb: run.rssMb,
    ...(gcPerSlice
      ? {
          slices: liveHeapMb.length,
          forcedGcSeconds: Math.round(forcedGcMs / 100) / 10,
          liveHeapAfterSliceMb: { max: Math.max(...liveHeapMb), last: liveHeapMb.at(-1), all: liveHeapMb },
        }
      : {}),
  };
}

/** The preview `runs` times (wall, CPU, peak memory, statements), then once more for its digest. */
async function timePreview(company: Company, asOf: string, runs: number, profile: DatabaseProfile | null) {
  collectGarbage();
  const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
  await profile?.start();
  const preview = await withPeakMemory(() => measureCpu(() => previewDunningRun(company, { asOf }), runs));
  const previewDatabase = await profile?.stop();
  return {
    ...preview.result,
    ...(await previewFigures(company, asOf)),
    baselineHeapMb,
    peakHeapMb: preview.heapMb,
    peakRssMb: preview.rssMb,
    ...(previewDatabase ? { database: previewDatabase } : {}),
  };
}

export async function benchDunning(options: DunningBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 1_000_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    const result: Record<string, unknown> = { customers, invoices, runs };
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      const loadStarted = performance.now();
      // A kept database (`--keep-database`, e.g. a copy of the scale template) is loaded already.
      if (!(await findCompany(ctx, 'SCALE'))) {
        await loadScaleCompany(ctx, { customers, invoices });
        await refreshPlannerStatistics(runtime.handle.db);
      }
      result['loadSeconds'] = Math.round((performance.now() - loadStarted) / 100) / 10;
      if (options.openItems !== undefined)
        result['reopened'] = await reopenItems(runtime.handle.db, options.openItems);
      const company = { ...ctx, companyId: 'SCALE' };
      const asOf = await resolveRunDate(company, undefined);
      result['asOf'] = asOf;
      result['loadAverageBefore'] = loadAverage();
      const profile = options.statements ? new DatabaseProfile(runtime.handle.pool) : null;
      if (!options.skipPreview) {
        result['preview'] = await timePreview(company, asOf, runs, profile);
        result['loadAverageAfterPreview'] = loadAverage();
      }
      if (!options.skipAtOnce) await timeAtOnce(runtime.handle.db, asOf, runs, result);
      result['loadAverageBeforeRun'] = loadAverage();
      collectGarbage();
      // The run's reader is a connection outside the pool: every backend of the database counted.
      const backends = options.statements ? new BackendCpuSampler(runtime.handle.pool) : null;
      await profile?.start();
      await backends?.start();
      const run = await timeRun(company, asOf, options.gcPerSlice ?? false);
      const allBackends = await backends?.stop();
      const runDatabase = await profile?.stop();
      result['run'] = {
        ...run,
        ...(options.skipDigest ? {} : await runDigest(company, run.runId, asOf)),
        ...(runDatabase
          ? {
              database: {
                ...runDatabase,
                allBackendsCpuSeconds: allBackends?.cpuSeconds,
                backendsSeen: allBackends?.backends,
              },
            }
          : {}),
      };
      result['loadAverageBeforeRender'] = loadAverage();
      const sample = options.sampleLetters ?? 100;
      // `--sample-letters 0`: the run's figures only (the layout engine is not what a change of the run moves).
      if (sample > 0) result['render'] = await timeDeferredLetters(company, sample, result['run']);
      result['loadAverageAfter'] = loadAverage();
    } finally {
      await closePdfWorkers();
      await runtime.close();
    }
    return result;
  });
}

/** The old whole-at-once read of the plan's data and the planner on it (memory, for comparison). */
async function timeAtOnce(
  db: Company['db'],
  asOf: string,
  runs: number,
  result: Record<string, unknown>,
): Promise<void> {
  collectGarbage();
  let data: PlanData | null = null;
  result['baselineHeapBeforeAtOnceMb'] = megabytes(process.memoryUsage().heapUsed);
  const whole = await withPeakMemory(() =>
    measureCpu(async () => {
      data = await loadPlanData(db, 'SCALE', { asOf });
    }, runs),
  );
  result['readPlanDataAtOnce'] = { ...whole.result, peakHeapMb: whole.heapMb, peakRssMb: whole.rssMb };
  const loaded = data as PlanData | null;
  if (loaded) {
    result['openInvoicesRead'] = loaded.invoices.length;
    result['customersRead'] = loaded.customers.length;
    result['planInMemory'] = await measureCpu(
      async () => planDunning(loaded.customers, loaded.invoices, loaded.settings),
      runs,
    );
  }
  data = null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      'sample-letters': { type: 'string', default: '100' },
      'keep-database': { type: 'string' },
      'skip-at-once': { type: 'boolean', default: false },
      'skip-preview': { type: 'boolean', default: false },
      'gc-per-slice': { type: 'boolean', default: false },
      statements: { type: 'boolean', default: false },
      'open-items': { type: 'string' },
      'skip-digest': { type: 'boolean', default: false },
    },
  });
  const figures = await benchDunning({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    sampleLetters: Number(values['sample-letters']),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    skipAtOnce: values['skip-at-once'],
    skipPreview: values['skip-preview'],
    gcPerSlice: values['gc-per-slice'],
    statements: values.statements,
    openItems: values['open-items'] === undefined ? undefined : Number(values['open-items']),
    skipDigest: values['skip-digest'],
  });
  process.stdout.write(`dunning: ${JSON.stringify(figures)}\n`);
}
