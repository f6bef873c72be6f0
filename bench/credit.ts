/**
 * Credit figures on PostgreSQL at scale (100,000 customers, 1,000,000 open invoices by default):
 * the full re-scoring time (one set-based pass), then the order check under load for 60 s with
 * autocannon (p50/p99 latency, requests/s) next to a bare Fastify route answering from memory in
 * the same run, with the load average. Never a timed test: the figures go to BENCHMARKS.md.
 * `node bench/credit.ts [--customers N] [--invoices M] [--seconds S] [--connections C]
 *   [--keep-database NAME]` (a kept database is loaded once, to iterate on the check).
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { ensureAdministrators } from '#app/auth/users';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { rescoreCustomers } from '#app/credit/scoring';
import { loadScaleCompany } from '#app/demo/demo';
import { openRuntime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { buildServer } from '#http/server';
import { withPostgres } from './analytics.ts';
import { loadAverage } from './stats.ts';

export interface CreditBenchOptions {
  customers?: number;
  invoices?: number;
  seconds?: number;
  connections?: number;
  serverUrl?: string;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
}

async function load(
  url: string,
  body: string | null,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
) {
  const result = await autocannon({
    url,
    method: body === null ? 'GET' : 'POST',
    body: body ?? undefined,
    headers: { 'content-type': 'application/json', ...headers },
    duration: seconds,
    connections,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** A bare Fastify route answering a constant decision from memory: the ceiling of this machine. */
async function bareBaseline(seconds: number, connections: number) {
  const bare = Fastify();
  const answer = { decision: 'approve', reasons: [], approverRole: null, exposureMinor: 0 };
  bare.post('/check', async () => answer);
  const base = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(
      `${base}/check`,
      '{"customerCode":"S000001","amountMinor":1000}',
      {},
      seconds,
      connections,
    );
  } finally {
    await bare.close();
  }
}

export async function benchCredit(options: CreditBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 1_000_000;
  const seconds = options.seconds ?? 60;
  const connections = options.connections ?? 20;
  const serverUrl = options.serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return withPostgres(serverUrl, options.keepDatabase, async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    const result: Record<string, unknown> = { customers, invoices, seconds, connections };
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      if (!(await findCompany(ctx, 'SCALE'))) {
        await loadScaleCompany(ctx, { customers, invoices });
        await refreshPlannerStatistics(runtime.handle.db);
      }
      const company = { ...ctx, companyId: 'SCALE' };
      const started = performance.now();
      const summary = await rescoreCustomers(company);
      result['rescoreSeconds'] = Math.round((performance.now() - started) / 100) / 10;
      result['rescored'] = summary.customers;
      await ensureAdministrators(ctx, { email: 'admin@scale.local', password: 'bench-password' });
      // One address sends every request: the per-address limit (3,000 a minute) would answer 429
      // to most of them, and load shedding 503 right after the load. Both off: this measures the check.
      process.env['ENCOURS_RATE_LIMIT'] ??= '0';
      process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'] ??= '0';
      const app = await buildServer(runtime, { webRoot: null });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@scale.local', password: 'bench-password' }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const body = JSON.stringify({
        customerCode: summary.scores[summary.scores.length >> 1]?.customerCode,
        amountMinor: 100_000,
      });
      result['loadAverageBefore'] = loadAverage();
      result['orderCheck'] = await load(
        `${base}/api/orders/check`,
        body,
        { cookie, 'x-csrf-token': csrf },
        seconds,
        connections,
      );
      result['bareFastify'] = await bareBaseline(seconds, connections);
      result['loadAverageAfter'] = loadAverage();
      await app.close();
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
      seconds: { type: 'string', default: '60' },
      connections: { type: 'string', default: '20' },
      'keep-database': { type: 'string' },
    },
  });
  const figures = await benchCredit({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
  });
  process.stdout.write(`credit: ${JSON.stringify(figures)}\n`);
}
