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
 */
import { parseArgs } from 'node:util';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { carryOutDunningRun } from '#app/dunning/execute-run';
import { letterContent } from '#app/dunning/letter-content';
import { loadPlanData, type PlanData } from '#app/dunning/plan-data';
import { previewDunningRun, resolveRunDate } from '#app/dunning/plan-run';
import { openRuntime } from '#app/runtime';
import { planDunning } from '#core/dunning/planner';
import { selectActions, selectLetter } from '#db/dunning/action-queries';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { type LetterModel, renderLetters } from '#render/letters';
import { closePdfWorkers } from '#render/pdf-pool';
import { withPostgres } from './analytics.ts';
import { loadAverage, measure, type Timing } from './stats.ts';

export interface DunningBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  /** Letters of the run laid out to time the deferred PDFs (the rest extrapolated). */
  sampleLetters?: number;
  serverUrl?: string | undefined;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
}

const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `measure` plus the CPU time this process spent per run (the database server's not counted). */
async function measureCpu(
  work: () => Promise<unknown>,
  runs: number,
): Promise<Timing & { cpuSeconds: number }> {
  const before = process.cpuUsage();
  const timing = await measure(work, runs, false);
  const used = process.cpuUsage(before);
  return { ...timing, cpuSeconds: Math.round((used.user + used.system) / runs / 1e4) / 100 };
}

/** With `node --expose-gc`, collect first so the baseline heap is what the process really holds. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak heap and RSS while `work` runs, sampled every 20 ms (a lower bound of the true peak). */
async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; heapMb: number; rssMb: number }> {
  let heap = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, heapMb: megabytes(heap), rssMb: megabytes(rss) };
  } finally {
    clearInterval(timer);
  }
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

type Company = Parameters<typeof carryOutDunningRun>[0];

/** The run once (a second one the same day sends nothing): wall and CPU time, peak memory, counts. */
async function timeRun(company: Company, asOf: string) {
  const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = await withPeakMemory(() => carryOutDunningRun(company, { asOf }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds: Math.round(seconds * 10) / 10,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    ...run.result,
    baselineHeapMb,
    peakHeapMb: run.heapMb,
    peakRssMb: run.rssMb,
  };
}

/**
 * The deferred PDFs: the first `sample` letters of the run laid out one by one as a download
 * would (in this thread, a single letter being below the pool's weight), and the same letters as
 * one print batch (in the PDF pool, as the batch of a run is); then the time for all the run's
 * letters and e-mail statements at the single-letter pace — an extrapolation, said as such.
 */
async function timeDeferredLetters(company: Company, sample: number, run: unknown) {
  const { runId, letters, emails } = run as { runId: number; letters: number; emails: number };
  const page = await selectActions(company.db, 'SCALE', { runId }, { limit: sample * 3, offset: 0 });
  const ids = page.items.flatMap((a) => (a.letterId === null ? [] : [a.letterId])).slice(0, sample);
  const models: LetterModel[] = [];
  for (const id of ids) {
    const job = (await selectLetter(company.db, 'SCALE', id))?.renderJob as { models?: LetterModel[] };
    models.push(...(job?.models ?? []));
  }
  const batchStarted = performance.now();
  const batch = await renderLetters(models);
  const batchPerLetterMs = (performance.now() - batchStarted) / Math.max(1, models.length);
  const started = performance.now();
  let bytes = 0;
  for (const id of ids) bytes += (await letterContent(company.db, 'SCALE', id))?.content.length ?? 0;
  const perLetterMs = ids.length === 0 ? 0 : (performance.now() - started) / ids.length;
  return {
    sampled: ids.length,
    perLetterMs: Math.round(perLetterMs),
    meanKb: ids.length === 0 ? 0 : Math.round(bytes / ids.length / 1024),
    batchPerLetterMs: Math.round(batchPerLetterMs),
    batchKb: Math.round(batch.length / 1024),
    // E-mails to ask for money carry the same statement (a courtesy notice carries none): an upper bound.
    extrapolatedAllPdfSeconds: Math.round((perLetterMs * (letters + emails)) / 1000),
    extrapolatedPrintBatchSeconds: Math.round((batchPerLetterMs * letters) / 1000),
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
      const company = { ...ctx, companyId: 'SCALE' };
      const asOf = await resolveRunDate(company, undefined);
      result['asOf'] = asOf;
      result['loadAverageBefore'] = loadAverage();
      collectGarbage();
      const baselineHeapMb = megabytes(process.memoryUsage().heapUsed);
      const preview = await withPeakMemory(() =>
        measureCpu(() => previewDunningRun(company, { asOf }), runs),
      );
      result['preview'] = {
        ...preview.result,
        ...viewCounts(await previewDunningRun(company, { asOf })),
        baselineHeapMb,
        peakHeapMb: preview.heapMb,
        peakRssMb: preview.rssMb,
      };
      result['loadAverageAfterPreview'] = loadAverage();
      collectGarbage();
      let data: PlanData | null = null;
      result['baselineHeapBeforeAtOnceMb'] = megabytes(process.memoryUsage().heapUsed);
      const whole = await withPeakMemory(() =>
        measureCpu(async () => {
          data = await loadPlanData(runtime.handle.db, 'SCALE', { asOf });
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
      result['loadAverageBeforeRun'] = loadAverage();
      collectGarbage();
      result['run'] = await timeRun(company, asOf);
      result['loadAverageBeforeRender'] = loadAverage();
      result['render'] = await timeDeferredLetters(company, options.sampleLetters ?? 100, result['run']);
      result['loadAverageAfter'] = loadAverage();
    } finally {
      await closePdfWorkers();
      await runtime.close();
    }
    return result;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      'sample-letters': { type: 'string', default: '100' },
      'keep-database': { type: 'string' },
    },
  });
  const figures = await benchDunning({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    sampleLetters: Number(values['sample-letters']),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
  });
  process.stdout.write(`dunning: ${JSON.stringify(figures)}\n`);
}
