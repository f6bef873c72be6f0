/**
 * The cash matching alone, on a database whose statement is already imported: for comparing
 * versions of the matching (CPU split, statements, heap) without the ledger's load, the
 * statement's generation and the import around each run.
 *
 *   node bench/cash-match-probe.ts prepare BASE NAME [--customers N --invoices N --receipts N]
 *     BASE holds the scale company (a copy of a template, read only); NAME becomes a copy of it
 *     with the bench's statement imported (use it as a template: `createdb -T NAME RUN`).
 *   node --expose-gc bench/cash-match-probe.ts match RUN [--outcomes FILE] [--statements]
 *       [--allocations FILE.heapprofile]
 *     matches RUN's receipts (RUN is changed: work on a copy); --allocations samples what the
 *     matching allocates, collected objects included (where the garbage comes from).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import pg from 'pg';
import { importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { bankMonthCamt } from '#demo/bank-month';
import { ACCOUNT, scaleReceipts } from './cash.ts';
import { writeOutcomes } from './cash-outcomes.ts';
import { DatabaseProfile } from './db-profile.ts';

const SERVER = process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlOf(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function context(name: string, date: string) {
  const runtime = await openRuntime({ url: urlOf(name) }, { clock: fixedClock(date), log: silentLogger });
  const ctx: AppContext = {
    db: runtime.handle.db,
    clock: runtime.clock,
    log: silentLogger,
    actor: 'bench',
    companyId: 'SCALE',
  };
  return { runtime, ctx };
}

async function prepare(
  base: string,
  name: string,
  sizes: { customers: number; invoices: number; receipts: number },
) {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name} template ${base}`);
  await admin.end();
  const dir = mkdtempSync(join(tmpdir(), 'encours-cash-probe-'));
  try {
    const { runtime, ctx } = await context(name, '2026-07-31');
    try {
      const receipts = await scaleReceipts(ctx.db, sizes.customers, sizes.invoices, sizes.receipts);
      const filePath = join(dir, 'releve.xml');
      writeFileSync(filePath, bankMonthCamt(receipts, ACCOUNT));
      const summary = await importBankStatement(ctx, { filePath });
      await refreshPlannerStatistics(runtime.handle.db);
      process.stdout.write(`prepared ${name}: ${summary.transactionsInserted} receipts\n`);
    } finally {
      await runtime.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sampled allocations of `work`, collected ones included, written to `file` (a .heapprofile). */
async function withAllocationProfile<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('HeapProfiler.startSampling', {
    samplingInterval: 256 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  try {
    return await work();
  } finally {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function match(
  name: string,
  outcomesFile: string | undefined,
  statements: boolean,
  allocationsFile: string | undefined,
) {
  const { runtime, ctx } = await context(name, '2026-07-31');
  try {
    const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
    collect();
    const profile = statements ? new DatabaseProfile(runtime.handle.pool) : null;
    await profile?.start();
    const startHeap = process.memoryUsage().heapUsed;
    let peakHeap = startHeap;
    let peakRss = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 20);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const summary = await withAllocationProfile(allocationsFile, () => matchReceipts(ctx, { auto: true }));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    const database = await profile?.stop(30);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    const figures = {
      seconds: Math.round(seconds * 1000) / 1000,
      processCpuSeconds: (cpu.user + cpu.system) / 1e6,
      databaseCpuSeconds: database?.backendCpuSeconds ?? null,
      heapStartMb: mb(startHeap),
      heapPeakMb: mb(peakHeap),
      rssPeakMb: mb(peakRss),
      heapLimitMb: mb(getHeapStatistics().heap_size_limit),
      applied: summary.applied,
      suggested: summary.suggested,
      unmatched: summary.unmatched,
      load: (await import('node:os')).loadavg().map((value) => Math.round(value * 100) / 100),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    if (database)
      for (const statement of database.statements)
        process.stdout.write(
          `${statement.seconds.toFixed(3).padStart(8)} ${String(statement.count).padStart(5)}  ${statement.key.slice(0, 100)}\n`,
        );
    if (outcomesFile) {
      await refreshPlannerStatistics(runtime.handle.db);
      await writeOutcomes(ctx, outcomesFile);
    }
  } finally {
    await runtime.close();
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    customers: { type: 'string', default: '20000' },
    invoices: { type: 'string', default: '200000' },
    receipts: { type: 'string', default: '10000' },
    outcomes: { type: 'string' },
    statements: { type: 'boolean', default: false },
    allocations: { type: 'string' },
  },
});
const [command, first, second] = positionals;
if (command === 'prepare' && first && second)
  await prepare(first, second, {
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    receipts: Number(values.receipts),
  });
else if (command === 'match' && first)
  await match(first, values.outcomes, values.statements, values.allocations);
else throw new Error('usage: cash-match-probe.ts prepare BASE NAME | match RUN');
