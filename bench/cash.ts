/**
 * Cash application at scale on PostgreSQL. The scale company is loaded once into a database of
 * its own; a bank statement of N receipts is generated from its open invoices by the demo month's
 * generator (transfers with references typed every which way and misspelt or cut names, several
 * invoices per receipt, partial payments, direct debits, cheques with or without the invoice
 * written, receipts nobody can place) as one camt.053. Each run works on a fresh copy of the
 * loaded database (`CREATE DATABASE … TEMPLATE`, dropped after) and times the parse alone, then
 * the import (parse included) and the automatic matching; the straight-through rate (applied to
 * the right customer and exactly the right invoices) and the precision (applied to the right
 * customer) come from the generator's truth. Median of the runs with min/max, lines/s, peak RSS
 * of the matching, and the load average.
 *
 *   node bench/cash.ts [--customers 20000] [--invoices 200000] [--receipts 10000] [--runs 3]
 *     [--keep-database NAME]   (the loaded company is kept in NAME and reused by the next run)
 *     [--outcomes FILE]        (every line's outcome of the first run, one JSON line each, to compare versions)
 *     [--statements]           (each statement's time by kind and the server's CPU, import and matching apart)
 *     [--live-heap]            (the heap kept at each batch's end, after a full collection; slows the run)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { openRuntime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { bankMonthCamt, type DemoReceipt } from '#demo/bank-month';
import { readBankFile } from '#importers/bank/parse-bank-file';
import { withPostgres } from './analytics.ts';
import { batchHeapWatch, collectGarbage, databaseCpuSeconds, withPeakRss } from './cash-heap.ts';
import { outcomes, outcomesDigest, writeOutcomes } from './cash-outcomes.ts';
import { ACCOUNT, scaleReceipts } from './cash-statement.ts';
import { DatabaseProfile } from './db-profile.ts';
import { loadAverage, median, type Timing } from './stats.ts';

export interface CashBenchOptions {
  customers?: number;
  invoices?: number;
  receipts?: number;
  runs?: number;
  serverUrl?: string;
  /** A database kept after the run, loaded only when it holds no scale company yet. */
  keepDatabase?: string | undefined;
  /** A file that receives every line's outcome of the first run (status, customer, invoices, suggestions). */
  outcomesFile?: string | undefined;
  /** Each statement's time by kind and the server's CPU, for the import and the matching (db-profile.ts). */
  statements?: boolean | undefined;
  /** The heap kept at each batch's end, after a full collection (batchHeapWatch; slows the run). */
  liveHeap?: boolean | undefined;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function timing(samples: readonly number[]): Timing {
  return {
    medianSeconds: round3(median(samples)),
    minSeconds: round3(Math.min(...samples)),
    maxSeconds: round3(Math.max(...samples)),
    runs: samples.length,
  };
}

async function oneRun(
  url: string,
  filePath: string,
  receipts: readonly DemoReceipt[],
  outcomesFile: string | undefined,
  statements: boolean,
  liveHeap: boolean,
) {
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-07-31'), log: silentLogger });
  try {
    const ctx: AppContext = {
      db: runtime.handle.db,
      clock: runtime.clock,
      log: silentLogger,
      actor: 'bench',
      companyId: 'SCALE',
    };
    const profile = statements ? new DatabaseProfile(runtime.handle.pool) : null;
    let started = performance.now();
    // The file read as the import reads it (entry by entry), counting its entries.
    let lines = 0;
    for await (const item of readBankFile(filePath, { sha256: '', format: null }))
      if (item.kind === 'entry') lines++;
    const parseSeconds = (performance.now() - started) / 1000;
    collectGarbage();
    await profile?.start();
    started = performance.now();
    // Only figures are kept from the import: the matching's memory is measured against what the
    // matching holds.
    const importing = await withPeakRss(
      async () => (await importBankStatement(ctx, { filePath })).transactionsInserted,
    );
    const inserted = importing.result;
    const importSeconds = (performance.now() - started) / 1000;
    const importDatabase = await profile?.stop();
    collectGarbage();
    await profile?.start();
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const databaseBefore = await databaseCpuSeconds(runtime.handle.pool);
    const heapWatch = batchHeapWatch(liveHeap);
    const {
      result: summary,
      peakRssMb,
      peakHeapMb,
      startHeapMb,
    } = await withPeakRss(() =>
      matchReceipts(ctx, { auto: true, afterBatch: heapWatch.afterBatch }).finally(heapWatch.stop),
    );
    const matchSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const matchCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const databaseAfter = await databaseCpuSeconds(runtime.handle.pool);
    const matchDatabase = await profile?.stop();
    const matchDatabaseCpuSeconds =
      databaseBefore === null || databaseAfter === null ? null : databaseAfter - databaseBefore;
    // The run's tables were filled since the copy: without statistics the planner joins 100,000
    // lines with their decisions by nested scans (minutes). Outside the timed part.
    await refreshPlannerStatistics(runtime.handle.db);
    if (outcomesFile) await writeOutcomes(ctx, outcomesFile);
    return {
      ...(outcomesFile ? { outcomesDigest: outcomesDigest(outcomesFile) } : {}),
      lines,
      inserted,
      parseSeconds,
      importSeconds,
      matchSeconds,
      matchCpuSeconds,
      matchDatabaseCpuSeconds,
      peakRssMb,
      peakHeapMb,
      startHeapMb,
      importPeakRssMb: importing.peakRssMb,
      importPeakHeapMb: importing.peakHeapMb,
      importStartHeapMb: importing.startHeapMb,
      heapByBatch: heapWatch.figures(),
      ...(importDatabase && matchDatabase
        ? { database: { import: importDatabase, match: matchDatabase } }
        : {}),
      summary: { applied: summary.applied, suggested: summary.suggested, unmatched: summary.unmatched },
      outcome: await outcomes(ctx, receipts, ACCOUNT.id),
    };
  } finally {
    await runtime.close();
  }
}

/** A copy of the loaded database for one run, dropped afterwards. */
async function withCopy<T>(baseUrl: string, run: number, work: (url: string) => Promise<T>): Promise<T> {
  const base = new URL(baseUrl);
  const name = `${base.pathname.slice(1)}_run${run}`;
  const admin = new pg.Client({ connectionString: baseUrl.replace(base.pathname, '/postgres') });
  await admin.connect();
  await admin.query(`create database ${name} template ${base.pathname.slice(1)}`);
  base.pathname = `/${name}`;
  try {
    return await work(base.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function benchCash(options: CashBenchOptions = {}) {
  const customers = options.customers ?? 20_000;
  const invoices = options.invoices ?? 200_000;
  const runs = options.runs ?? 3;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dir = mkdtempSync(join(tmpdir(), 'encours-bench-cash-'));
  const filePath = join(dir, 'releve-juillet.xml');
  let receipts: DemoReceipt[] = [];
  try {
    return await withPostgres(serverUrl, options.keepDatabase, async (baseUrl) => {
      const loading = await openRuntime(
        { url: baseUrl },
        { clock: fixedClock('2026-06-30'), log: silentLogger },
      );
      const started = performance.now();
      try {
        const ctx = { db: loading.handle.db, clock: loading.clock, log: silentLogger, actor: 'bench' };
        const loaded = await ctx.db
          .selectFrom('customers')
          .select('code')
          .where('company_id', '=', 'SCALE')
          .limit(1)
          .execute();
        if (loaded.length === 0) {
          await loadScaleCompany(ctx, { customers, invoices });
          await refreshPlannerStatistics(loading.handle.db);
        }
        receipts = await scaleReceipts(ctx.db, customers, invoices, options.receipts ?? 10_000);
        writeFileSync(filePath, bankMonthCamt(receipts, ACCOUNT));
      } finally {
        await loading.close();
      }
      // The loading and the statement's generation.
      const loadSeconds = round3((performance.now() - started) / 1000);
      const loadAverageBefore = loadAverage();
      const results = [];
      for (let run = 1; run <= runs; run++)
        results.push(
          await withCopy(baseUrl, run, (url) =>
            oneRun(
              url,
              filePath,
              receipts,
              run === 1 ? options.outcomesFile : undefined,
              options.statements ?? false,
              options.liveHeap ?? false,
            ),
          ),
        );
      const first = results[0];
      const totals = results.map((r) => r.importSeconds + r.matchSeconds);
      const pct = (part: number) => Math.round((1000 * part) / receipts.length) / 10;
      return {
        customers,
        invoices,
        receipts: receipts.length,
        lines: first?.lines,
        loadSeconds,
        parse: timing(results.map((r) => r.parseSeconds)),
        importParseIncluded: timing(results.map((r) => r.importSeconds)),
        match: timing(results.map((r) => r.matchSeconds)),
        /** The matching's CPU in this process (the database's own apart): steadier than wall time on a busy machine. */
        matchCpu: timing(results.map((r) => r.matchCpuSeconds)),
        matchDatabaseCpuSeconds: results.map((r) => r.matchDatabaseCpuSeconds),
        importAndMatch: timing(totals),
        linesPerSecond: Math.round(receipts.length / median(totals)),
        /** Peak resident memory and heap during the import (the heap at its start apart). */
        peakRssImportMb: Math.max(...results.map((r) => r.importPeakRssMb)),
        startHeapImportMb: Math.max(...results.map((r) => r.importStartHeapMb)),
        peakHeapImportMb: Math.max(...results.map((r) => r.importPeakHeapMb)),
        peakRssMatchMb: Math.max(...results.map((r) => r.peakRssMb)),
        /** The heap when the matching starts (after a full collection) and its peak while it runs. */
        startHeapMatchMb: Math.max(...results.map((r) => r.startHeapMb)),
        peakHeapMatchMb: Math.max(...results.map((r) => r.peakHeapMb)),
        /** The first run's heap batch by batch: its peak, and with --live-heap what it keeps. */
        ...(first ? { heapByBatch: first.heapByBatch } : {}),
        ...(first?.database ? { database: first.database } : {}),
        matchSummary: first?.summary,
        ...(first?.outcomesDigest ? { outcomesDigest: first.outcomesDigest } : {}),
        straightThroughPct: first ? pct(first.outcome.straight) : null,
        precisionPct: first
          ? Math.round((1000 * first.outcome.rightCustomer) / first.outcome.applied) / 10
          : null,
        appliedToWrongCustomer: first ? first.outcome.applied - first.outcome.rightCustomer : null,
        sameOutcomeEveryRun: results.every(
          (r) =>
            r.outcome.applied === first?.outcome.applied && r.outcome.straight === first.outcome.straight,
        ),
        loadAverageBefore,
        loadAverageAfter: loadAverage(),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '20000' },
      invoices: { type: 'string', default: '200000' },
      receipts: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      'keep-database': { type: 'string' },
      outcomes: { type: 'string' },
      statements: { type: 'boolean', default: false },
      'live-heap': { type: 'boolean', default: false },
    },
  });
  const figures = await benchCash({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    receipts: Number(values.receipts),
    runs: Number(values.runs),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    outcomesFile: values.outcomes,
    statements: values.statements,
    liveHeap: values['live-heap'],
  });
  process.stdout.write(`cash: ${JSON.stringify(figures)}\n`);
}
