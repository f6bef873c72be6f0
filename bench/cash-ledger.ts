/**
 * Memory of the general-ledger-to-sub-ledger reconciliation on a scale FEC (1,000,000 lines by
 * default). The FEC is written by a child process and imported into a fresh PostgreSQL database
 * (so that the sub-ledger ties out, as after the month's import); the reconciliation then runs in
 * a child process of its own, whose peak RSS and peak heap are the figures. In the same run and
 * the same way: a child that only opens the database (the floor), and the former method (every
 * customer line of the FEC kept by customer and reference in memory, as the reconciliation did
 * before it read the file twice).
 *
 *   node bench/cash-ledger.ts [--lines 1000000] [--customers 20000]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reconcileLedgerToSubLedger } from '#app/cash/reconcile';
import { ensureCompany } from '#app/companies/companies';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { DEFAULT_CUSTOMER_ACCOUNTS, importFec } from '#app/fec/import-fec';
import { openRuntime } from '#app/runtime';
import { customerBalancesAt } from '#db/cash/reconcile-queries';
import { writeScaleFec } from '#demo/scale-fec';
import { stagedLineOf } from '#importers/fec/fec-reconstruct';
import { readFecFile } from '#importers/fec/read-fec';
import { withPostgres } from './analytics.ts';
import { loadAverage } from './stats.ts';

const COMPANY = 'BENCHFEC';
const AS_OF = '2026-06-30';
type Mode = 'idle' | 'reconcile' | 'former';

/** The former reading: balance by customer and reference of every customer line, all in memory. */
async function formerGeneralLedger(filePath: string): Promise<number> {
  const balances = new Map<string, Map<string, number>>();
  const labels = new Map<string, string>();
  const seen = new Map<string, number>();
  const read = await readFecFile(filePath, {
    customerAccountPrefixes: [...DEFAULT_CUSTOMER_ACCOUNTS],
    onCustomerLines: (lines) => {
      for (const line of lines) {
        if (line.amountMinor === 0) continue;
        const staged = stagedLineOf(line, 'other');
        const rank = (seen.get(staged.baseRef) ?? 0) + 1;
        seen.set(staged.baseRef, rank);
        if (line.ecritureDate > AS_OF) continue;
        const ref = rank === 1 ? staged.baseRef : `${staged.baseRef}-${rank}`;
        const byRef = balances.get(staged.customerCode) ?? new Map<string, number>();
        byRef.set(ref, (byRef.get(ref) ?? 0) + line.amountMinor);
        balances.set(staged.customerCode, byRef);
        if (staged.label) labels.set(ref, staged.label);
      }
    },
  });
  if (!read.ok) throw new Error('the FEC was rejected');
  return balances.size;
}

/** One measured child: opens the database, runs the mode, prints its figures. */
async function child(mode: Mode, url: string, filePath: string): Promise<void> {
  const runtime = await openRuntime({ url }, { clock: fixedClock(AS_OF), log: silentLogger });
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const started = performance.now();
  let outcome: Record<string, unknown> = {};
  try {
    const ctx: AppContext = {
      db: runtime.handle.db,
      clock: runtime.clock,
      log: silentLogger,
      actor: 'bench',
      companyId: COMPANY,
    };
    if (mode === 'reconcile') {
      const report = await reconcileLedgerToSubLedger(ctx, { asOf: AS_OF, fecPath: filePath });
      outcome = {
        customers: report.customers,
        differences: report.differences.length,
        differenceMinor: report.differenceMinor,
      };
    } else if (mode === 'former') {
      outcome = {
        customers: await formerGeneralLedger(filePath),
        balances: (await customerBalancesAt(ctx.db, COMPANY, AS_OF)).size,
      };
    }
  } finally {
    clearInterval(sampler);
    await runtime.close();
  }
  const figures = {
    mode,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(Math.max(peakHeap, process.memoryUsage().heapUsed) / 2 ** 20),
    ...outcome,
  };
  process.stdout.write(JSON.stringify(figures));
}

const runChild = (args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, [import.meta.filename, ...args], { encoding: 'utf8', maxBuffer: 2 ** 24 }),
  );

export async function benchLedgerReconciliation(options: {
  lines?: number;
  customers?: number;
  serverUrl?: string;
}) {
  const lines = options.lines ?? 1_000_000;
  const customers = options.customers ?? 20_000;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dir = mkdtempSync(join(tmpdir(), 'encours-bench-ledger-'));
  const filePath = join(dir, 'FEC.txt');
  try {
    const written = runChild([
      '--write',
      filePath,
      '--lines',
      String(lines),
      '--customers',
      String(customers),
    ]);
    return await withPostgres(serverUrl, undefined, async (url) => {
      const runtime = await openRuntime({ url }, { clock: fixedClock(AS_OF), log: silentLogger });
      const started = performance.now();
      try {
        const ctx = {
          db: runtime.handle.db,
          clock: runtime.clock,
          log: silentLogger,
          actor: 'bench',
          companyId: COMPANY,
        };
        await ensureCompany(ctx, { companyId: COMPANY, name: 'FEC benchmark' });
        await importFec(ctx, { filePath });
      } finally {
        await runtime.close();
      }
      const importSeconds = Math.round((performance.now() - started) / 100) / 10;
      const loadAverageBefore = loadAverage();
      const measured = (['idle', 'reconcile', 'former'] as const).map((mode) =>
        runChild(['--child', mode, '--url', url, '--file', filePath]),
      );
      return {
        lines: written.lines,
        customers,
        importSeconds,
        loadAverageBefore,
        measured,
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
      lines: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '20000' },
      write: { type: 'string' },
      child: { type: 'string' },
      url: { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (values.write) {
    const written = await writeScaleFec(values.write, {
      lines: Number(values.lines),
      customers: Number(values.customers),
    });
    process.stdout.write(JSON.stringify(written));
    process.exit(0);
  }
  if (values.child) {
    await child(values.child as Mode, values.url ?? '', values.file ?? '');
    process.exit(0);
  }
  const figures = await benchLedgerReconciliation({
    lines: Number(values.lines),
    customers: Number(values.customers),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
  });
  process.stdout.write(`cashLedger: ${JSON.stringify(figures)}\n`);
}
