/**
 * The cash matching alone, on a database whose statement is already imported: for comparing
 * versions of the matching (CPU split, statements, heap) without the ledger's load, the
 * statement's generation and the import around each run.
 *
 *   node bench/cash-match-probe.ts prepare BASE NAME [--customers N --invoices N --receipts N]
 *     BASE holds the scale company (a copy of a template, read only); NAME becomes a copy of it
 *     with the bench's statement imported (use it as a template: `createdb -T NAME RUN`).
 *   node --expose-gc bench/cash-match-probe.ts match RUN [--outcomes FILE] [--statements]
 *       [--allocations FILE.heapprofile] [--live-heap] [--receipts-limit N]
 *     matches RUN's receipts (RUN is changed: work on a copy); --allocations samples what the
 *     matching allocates, collected objects included (where the garbage comes from);
 *     --live-heap collects the garbage at each batch's end and records the heap then (what the run
 *     keeps; the collections slow it); --receipts-limit N matches the first N receipts only, the
 *     others set aside (runs of several sizes against the same ledger and the same first receipts).
 *   node --expose-gc bench/cash-match-probe.ts components RUN
 *     the heap the customer index, the ledger's copy and one batch's proposals hold, each alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildCustomerIndex } from '#app/cash/customer-index';
import { identifyAhead } from '#app/cash/identify-batch';
import { importBankStatement } from '#app/cash/import-bank';
import { loadLedgerView } from '#app/cash/ledger-view';
import { proposeForBatch } from '#app/cash/match-engine';
import { matchReceipts } from '#app/cash/match-receipts';
import { receiptLeads } from '#app/cash/receipt-leads';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { DEFAULT_PROPOSAL_SETTINGS } from '#core/cash/proposal';
import { customerNames, receiptsToApply } from '#db/cash/matching-queries';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import type { Database } from '#db/infra/schema';
import { bankMonthCamt } from '#demo/bank-month';
import { batchHeapWatch } from './cash-heap.ts';
import { outcomesDigest, writeOutcomes } from './cash-outcomes.ts';
import { ACCOUNT, scaleReceipts } from './cash-statement.ts';
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

/**
 * Only the statement's first `count` receipts are left to apply (the others set aside as ignored,
 * outside the timing): runs of several sizes on the same ledger and the same first receipts.
 */
async function keepFirstReceipts(db: Kysely<Database>, count: number): Promise<void> {
  await sql`
    update bank_transactions set status = 'ignored'
    where company_id = 'SCALE' and direction = 'receipt' and status in ('open', 'suggested')
      and transaction_id > (
        select transaction_id from bank_transactions
        where company_id = 'SCALE' and direction = 'receipt' and status in ('open', 'suggested')
        order by transaction_id offset ${count - 1} limit 1)`.execute(db);
  await refreshPlannerStatistics(db);
}

async function match(
  name: string,
  outcomesFile: string | undefined,
  statements: boolean,
  allocationsFile: string | undefined,
  liveHeap: boolean,
  receiptsLimit: number | null,
) {
  const { runtime, ctx } = await context(name, '2026-07-31');
  try {
    if (receiptsLimit !== null) await keepFirstReceipts(runtime.handle.db, receiptsLimit);
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
    const heapWatch = batchHeapWatch(liveHeap);
    const summary = await withAllocationProfile(allocationsFile, () =>
      matchReceipts(ctx, { auto: true, afterBatch: heapWatch.afterBatch }).finally(heapWatch.stop),
    );
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
      heapByBatch: heapWatch.figures(),
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
      process.stdout.write(`outcomes digest ${outcomesDigest(outcomesFile)}\n`);
    }
  } finally {
    await runtime.close();
  }
}

/**
 * What the run's long-lived structures hold, each measured alone after a full collection: the
 * customer index (its rows read and indexed) and the ledger's copy (heap, and the typed arrays'
 * buffers apart), and one batch's receipts identified and proposed (the next batch's, which the
 * run holds while the current one is written).
 */
async function components(name: string) {
  const { runtime, ctx } = await context(name, '2026-07-31');
  try {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) throw new Error('components needs node --expose-gc');
    const held: unknown[] = [];
    const mb = (bytes: number) => Math.round(bytes / 2 ** 17) / 8;
    let before = process.memoryUsage();
    const measure = (label: string, value: unknown) => {
      held.push(value);
      collect();
      const after = process.memoryUsage();
      process.stdout.write(
        `${label}: heap +${mb(after.heapUsed - before.heapUsed)} MB, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB\n`,
      );
      before = after;
    };
    collect();
    before = process.memoryUsage();
    const index = buildCustomerIndex(await customerNames(ctx.db, ctx.companyId));
    measure('customer index', index);
    const view = await loadLedgerView(ctx);
    measure('ledger copy', view);
    const receipts = await receiptsToApply(ctx.db, ctx.companyId, 0, 2000);
    measure('2,000 receipts', receipts);
    const leads = await receiptLeads(index, receipts);
    measure('their leads', leads);
    const ahead = await identifyAhead(ctx, index, leads, view);
    measure('identified', ahead);
    const per = (count: (item: (typeof ahead)[number]) => number) =>
      Math.round((10 * ahead.reduce((sum, item) => sum + count(item), 0)) / ahead.length) / 10;
    process.stdout.write(
      `  per receipt: ${per((item) => item.candidates.length)} candidates, ${per((item) => item.refHits.length)} reference hits, ${per((item) => item.candidates.reduce((sum, c) => sum + c.evidence.length, 0))} evidence\n`,
    );
    leads.length = 0;
    measure('(leads dropped)', null);
    const proposed = await proposeForBatch(ctx, index, receipts, DEFAULT_PROPOSAL_SETTINGS, ahead, view);
    measure('proposed', proposed);
    process.stdout.write(`held ${held.length}\n`);
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
    'live-heap': { type: 'boolean', default: false },
    'receipts-limit': { type: 'string' },
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
  await match(
    first,
    values.outcomes,
    values.statements,
    values.allocations,
    values['live-heap'],
    values['receipts-limit'] === undefined ? null : Number(values['receipts-limit']),
  );
else if (command === 'components' && first) await components(first);
else throw new Error('usage: cash-match-probe.ts prepare BASE NAME | match RUN');
