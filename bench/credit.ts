import { parseArgs } from 'node:util';
import type pg from 'pg';
import { ensureAdministrators } from '#app/auth/users';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { rescoreCustomers } from '#app/credit/scoring';
import { loadScaleCompany } from '#app/demo/demo';
import { openRuntime } from '#app/runtime';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { buildServer } from '#http/server';
import { withPostgres } from './analytics.ts';
import { answersDigest } from './credit-answers.ts';
import { bareBaseline, configureAutocannon, load, type Rate, send } from './credit-load.ts';
import { loadAverage } from './stats.ts';

export interface CreditBenchOptions {
  customers?: number;
  invoices?: number;
  seconds?: number;
  connections?: number;
  serverUrl?: string;
  /** A database kept between runs (`--keep-database NAME`): the scale company is loaded once. */
  keepDatabase?: string | undefined;
  /** Keeps the scores of an earlier run of a kept database (the check reads them; rescoring takes long). */
  skipRescore?: boolean | undefined;
  /**
   * Requests per second sent whatever the answers' pace (`--rate R`), evenly paced
   * (paced-load.ts): the latency at a given throughput, as the target is worded. Without it, the
   * connections send as fast as answered, which measures the ceiling, with the queueing that
   * saturation brings.
   */
  rate?: number | undefined;
  /**
   * The fixed rate sent by autocannon itself (`--rate R --generator autocannon`, its `overallRate`):
   * the tool, latency counted from each request's send; the paced load also gives it from
   * the due time, which counts the waits autocannon's connections hide.
   */
  generator?: 'paced' | 'autocannon' | undefined;
  /** Only the digest of 3,003 answers (credit-answers.ts), no load: same answers before and after a change. */
  digest?: boolean | undefined;
  /** The load generator's thread on a CPU of its own during each load (`--pin`, paced-load.ts). */
  pin?: boolean | undefined;
  /**
   * autocannon's loads record every answer (`--trace`, credit-autocannon-trace.ts): the answers' own
   * percentiles beside autocannon's, which at a fixed rate counts an answer of L ms L times.
   */
  trace?: boolean | undefined;
  /** autocannon's connections build their requests when set up, as before (`--eager-requests`): to compare. */
  eagerRequests?: boolean | undefined;
  /**
   * Connection counts loaded in turn (`--connections 2,4,8`), each with its bare-route run: as fast
   * as answered, a closed loop's latency grows with its connections (Little's law), so the count
   * at which the throughput still exceeds a rate is the honest closed-loop reading of "p99 at
   * that rate". Replaces `connections` for the measured loads (the warm-up keeps the first count).
   */
  sweep?: readonly number[] | undefined;
}

/** Checks sent as fast as answered before the measured load. */
const WARM_UP_SECONDS = 3;

/** The check loaded, then the bare route loaded the same way, with their ratios and the load average. */
async function checkAndBare(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  how: { databasePool: pg.Pool; rate: Rate | undefined; pin: boolean },
) {
  const loadAverageBefore = loadAverage();
  const orderCheck = await load(url, bodies, headers, seconds, connections, how);
  const bareFastify = await bareBaseline(bodies, seconds, connections, how.rate, how.pin);
  const ratio = (a: number, b: number) => Math.round((a / Math.max(0.001, b)) * 1000) / 1000;
  return {
    connections,
    loadAverageBefore,
    orderCheck,
    bareFastify,
    loadAverageAfter: loadAverage(),
    // Throughput against the bare route's (as fast as answered), and the latencies against its own.
    ratioToBare: ratio(orderCheck.requestsPerSecond, bareFastify.requestsPerSecond),
    p50OverBare: ratio(orderCheck.p50Ms, bareFastify.p50Ms),
    p99OverBare: ratio(orderCheck.p99Ms, bareFastify.p99Ms),
  };
}

export async function benchCredit(options: CreditBenchOptions = {}) {
  const customers = options.customers ?? 100_000;
  const invoices = options.invoices ?? 1_000_000;
  const seconds = options.seconds ?? 60;
  const connections = options.connections ?? 20;
  configureAutocannon({ trace: options.trace ?? false, eagerRequests: options.eagerRequests ?? false });
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
      let customerCode: string | undefined;
      if (options.skipRescore) {
        // The customer a full run would pick: the middle one in code order, as the scores are.
        const middle = await runtime.handle.pool.query<{ code: string }>(
          `select code from customers where company_id = 'SCALE' order by code
           offset (select count(*) / 2 from customers where company_id = 'SCALE') limit 1`,
        );
        customerCode = middle.rows[0]?.code;
      } else {
        const started = performance.now();
        const summary = await rescoreCustomers(company);
        result['rescoreSeconds'] = Math.round((performance.now() - started) / 100) / 10;
        result['rescored'] = summary.customers;
        customerCode = summary.scores[summary.scores.length >> 1]?.customerCode;
      }
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
      // A thousand customers spread over the ledger (a fixed pseudo-random order), the rescored
      // middle one first; the amounts vary so that some orders pass and some are held.
      const spread = await runtime.handle.pool.query<{ code: string }>(
        `select code from customers where company_id = 'SCALE' order by md5(code) limit 999`,
      );
      const codes = [customerCode, ...spread.rows.map((row) => row.code)].filter(
        (code): code is string => code !== undefined,
      );
      const bodies = codes.map((code, index) =>
        JSON.stringify({ customerCode: code, amountMinor: 10_000 * (1 + (index % 50)) }),
      );
      result['customerCode'] = customerCode;
      result['customersChecked'] = codes.length;
      const checkUrl = `${base}/api/orders/check`;
      const checkHeaders = { cookie, 'x-csrf-token': csrf };
      if (options.digest) {
        result['answers'] = await answersDigest(checkUrl, checkHeaders, codes);
        await app.close();
        return result;
      }
      // Not measured: the pool opens its connections (a database backend's start-up and first plans
      // cost milliseconds of CPU each) and the code is compiled, which a short run counted per check.
      await send(checkUrl, bodies, checkHeaders, WARM_UP_SECONDS, connections, undefined, options.pin);
      const rate: Rate | undefined =
        options.rate === undefined
          ? undefined
          : { perSecond: options.rate, generator: options.generator ?? 'paced' };
      result['rate'] = rate ?? null;
      result['pinned'] = options.pin ?? false;
      const how = { databasePool: runtime.handle.pool, rate, pin: options.pin ?? false };
      if (options.sweep) {
        // Each count in turn, check then bare route, on the same server and copy.
        const sweep: Record<string, unknown>[] = [];
        for (const count of options.sweep)
          sweep.push(await checkAndBare(checkUrl, bodies, checkHeaders, seconds, count, how));
        result['sweep'] = sweep;
      } else {
        Object.assign(result, await checkAndBare(checkUrl, bodies, checkHeaders, seconds, connections, how));
      }
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
      'skip-rescore': { type: 'boolean', default: false },
      rate: { type: 'string' },
      generator: { type: 'string', default: 'paced' },
      digest: { type: 'boolean', default: false },
      pin: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      'eager-requests': { type: 'boolean', default: false },
    },
  });
  const counts = values.connections.split(',').map(Number);
  const figures = await benchCredit({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    seconds: Number(values.seconds),
    connections: counts[0],
    sweep: counts.length > 1 ? counts : undefined,
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    skipRescore: values['skip-rescore'],
    rate: values.rate === undefined ? undefined : Number(values.rate),
    generator: values.generator === 'autocannon' ? 'autocannon' : 'paced',
    digest: values.digest,
    pin: values.pin,
    trace: values.trace,
    eagerRequests: values['eager-requests'],
  });
  process.stdout.write(`credit: ${JSON.stringify(figures)}\n`);
}
