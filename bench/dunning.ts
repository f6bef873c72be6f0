/**
 * A dunning run at scale on PostgreSQL (100,000 customers, 1,000,000 invoices by default, the
 * scale company): the preview a collector asks for (read every open invoice's dunning state, plan,
 * build the view) end to end, and its two halves apart — reading the plan's data (one set-based
 * pass) and the pure planner on it — each the median of 3 runs with min and max, the load average,
 * and the peak heap and RSS seen while they ran. On a database of its own with a unique name,
 * dropped afterwards. Letters are not rendered (a preview renders none); never a timed test.
 * `node --expose-gc bench/dunning.ts [--customers N] [--invoices M] [--runs R]` (or `npm run bench --
 * --only dunning`; without --expose-gc the baseline heap still holds the loading's garbage).
 */
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { loadPlanData, type PlanData } from '#app/dunning/plan-data';
import { previewDunningRun, resolveRunDate } from '#app/dunning/plan-run';
import { openRuntime } from '#app/runtime';
import { planDunning } from '#core/dunning/planner';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { withPostgres } from './analytics.ts';
import { loadAverage, measure, type Timing } from './stats.ts';

export interface DunningBenchOptions {
  customers?: number;
  invoices?: number;
  runs?: number;
  serverUrl?: string | undefined;
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

export async function benchDunning(options: DunningBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 1_000_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, undefined, async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    const result: Record<string, unknown> = { customers, invoices, runs };
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      const loadStarted = performance.now();
      await loadScaleCompany(ctx, { customers, invoices });
      await refreshPlannerStatistics(runtime.handle.db);
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
      const view = await previewDunningRun(company, { asOf });
      result['preview'] = {
        ...preview.result,
        actions: view.actions.length,
        items: view.actions.reduce((sum, action) => sum + action.items.length, 0),
        skipped: view.skipped.length,
        customersReminded: new Set(view.actions.map((a) => a.customerCode)).size,
        baselineHeapMb,
        peakHeapMb: preview.heapMb,
        peakRssMb: preview.rssMb,
      };
      result['loadAverageAfterPreview'] = loadAverage();
      let data: PlanData | null = null;
      result['readPlanData'] = await measureCpu(async () => {
        data = await loadPlanData(runtime.handle.db, 'SCALE', { asOf });
      }, runs);
      const loaded = data as PlanData | null;
      if (loaded) {
        result['openInvoicesRead'] = loaded.invoices.length;
        result['customersRead'] = loaded.customers.length;
        result['planInMemory'] = await measureCpu(
          async () => planDunning(loaded.customers, loaded.invoices, loaded.settings),
          runs,
        );
      }
      result['loadAverageAfter'] = loadAverage();
    } finally {
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
    },
  });
  const figures = await benchDunning({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
  });
  process.stdout.write(`dunning: ${JSON.stringify(figures)}\n`);
}
