/**
 * Web figures: the dashboard's API calls on the demo company and on a settled scale ledger
 * (100,000 customers, 1,000,000 invoices with their payments, credit notes, reversals, disputes),
 * the customer list (page, search, sort by overdue) at that scale, each as p50/p95 (list) or
 * median/min/max (reports) with the load average, and the bytes the browser loads first.
 * `node bench/web.ts [--customers N] [--invoices M] [--db postgres|memory://] [--dashboard-iterations K]`
 * (default: a fresh PostgreSQL database of its own on ENCOURS_BENCH_DATABASE_URL, dropped afterwards).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ensureAdministrators } from '#app/auth/users';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { loadDemoCompany, loadScaleCompany } from '#app/demo/demo';
import { openRuntime, type Runtime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { buildServer, WEB_DIST_DIR } from '#http/server';
import { buildWebIfStale } from '../web/build-if-stale.ts';
import { withPostgres } from './analytics.ts';
import { loadAverage, median, percentile } from './stats.ts';

export interface WebBenchOptions {
  customers?: number;
  invoices?: number;
  /** 'postgres' (a fresh database on the bench server) or a database URL such as memory:// */
  db?: string;
  iterations?: number;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
  /** Runs of each scale dashboard report (default 5: they take seconds); more for a steadier p95. */
  dashboardIterations?: number | undefined;
}

const ms = (value: number) => Math.round(value * 10) / 10;

async function serve(runtime: Runtime) {
  // Right after loading a million invoices the event loop is still busy with garbage collection:
  // the load-shedding guard would answer 503 to the sign-in. The figures are latencies, not shedding.
  process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'] ??= '0';
  const app = await buildServer(runtime, { webRoot: null });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base };
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function timeRequests(base: string, cookie: string, paths: string[], iterations: number) {
  const figures: Record<
    string,
    { p50Ms: number; p95Ms: number; minMs: number; maxMs: number; runs: number }
  > = {};
  for (const path of paths) {
    const samples: number[] = [];
    for (let i = 0; i < iterations + 2; i++) {
      const url = path.replace('{page}', String(i % 50));
      const started = performance.now();
      const response = await fetch(`${base}${url}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (i >= 2) samples.push(performance.now() - started); // the first calls warm caches up
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
    }
    figures[path] = {
      p50Ms: ms(median(samples)),
      p95Ms: ms(percentile(samples, 0.95)),
      minMs: ms(Math.min(...samples)),
      maxMs: ms(Math.max(...samples)),
      runs: samples.length,
    };
  }
  return figures;
}

/** The requests of the dashboard page (web/src/pages/DashboardPage.tsx). */
const DASHBOARD_ROUTES = [
  '/api/customers?limit=10&sort=overdue',
  '/api/reports/aging?by=customer_type',
  '/api/reports/kpis',
  '/api/reports/risk-table',
  '/api/reports/anomalies',
];

function firstPageBundle() {
  const html = readFileSync(join(WEB_DIST_DIR, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  let bytes = 0;
  let gzipBytes = 0;
  for (const asset of assets) {
    const path = join(WEB_DIST_DIR, asset);
    bytes += statSync(path).size;
    gzipBytes += gzipSync(readFileSync(path)).length;
  }
  return { assets, kilobytes: Math.round(bytes / 1024), gzipKilobytes: Math.round(gzipBytes / 1024) };
}

export async function benchWeb(options: WebBenchOptions = {}) {
  const iterations = options.iterations ?? 40;
  const db = options.db ?? 'postgres';
  if (db === 'postgres') {
    const serverUrl =
      process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    return withPostgres(serverUrl, options.keepDatabase, (url) =>
      benchWebOn(url, 'postgres', iterations, options),
    );
  }
  return benchWebOn(db, 'pglite', iterations, options);
}

async function benchWebOn(url: string, engine: string, iterations: number, options: WebBenchOptions) {
  await buildWebIfStale();
  const result: Record<string, unknown> = {
    engine,
    firstPage: firstPageBundle(),
    loadAverageStart: loadAverage(),
  };

  const demo = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    await loadDemoCompany(
      { db: demo.handle.db, clock: demo.clock, log: demo.log, actor: 'bench' },
      { replace: true },
    );
    await refreshPlannerStatistics(demo.handle.db); // as `encours serve` does on start
    const { app, base } = await serve(demo);
    const cookie = await signIn(base, 'claire.moreau@cb2c.example', 'encours-demo');
    result['demoDashboard'] = await timeRequests(base, cookie, DASHBOARD_ROUTES, iterations);
    await app.close();
  } finally {
    await demo.close();
  }

  const scale = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    const started = performance.now();
    const ctx = { db: scale.handle.db, clock: scale.clock, log: scale.log, actor: 'bench' };
    // A kept database (`--keep-database`, e.g. a copy of the scale template) is loaded already.
    if (!(await findCompany(ctx, 'SCALE')))
      await loadScaleCompany(ctx, {
        customers: options.customers ?? 100_000,
        invoices: options.invoices ?? 1_000_000,
        replace: true,
      });
    result['scaleLoadSeconds'] = Math.round((performance.now() - started) / 100) / 10;
    await refreshPlannerStatistics(scale.handle.db);
    await ensureAdministrators(ctx, { email: 'admin@scale.local', password: 'bench-password' });
    const { app, base } = await serve(scale);
    const cookie = await signIn(base, 'admin@scale.local', 'bench-password');
    result['scaleLoadAverage'] = loadAverage();
    result['scaleCustomerList'] = await timeRequests(
      base,
      cookie,
      [
        '/api/customers?limit=50&offset={page}000',
        '/api/customers?limit=50&sort=name&search=sarl',
        '/api/customers?limit=50&sort=overdue',
      ],
      iterations,
    );
    // Reports at a million invoices take seconds: fewer runs, median with min and max.
    result['scaleDashboard'] = await timeRequests(
      base,
      cookie,
      DASHBOARD_ROUTES,
      options.dashboardIterations ?? 5,
    );
    result['loadAverageEnd'] = loadAverage();
    await app.close();
  } finally {
    await scale.close();
  }
  return result;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      invoices: { type: 'string', default: '1000000' },
      db: { type: 'string' },
      iterations: { type: 'string', default: '40' },
      'keep-database': { type: 'string' },
      'dashboard-iterations': { type: 'string', default: '5' },
    },
  });
  const figures = await benchWeb({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    db: values.db,
    iterations: Number(values.iterations),
    keepDatabase: values['keep-database'],
    dashboardIterations: Number(values['dashboard-iterations']),
  });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
