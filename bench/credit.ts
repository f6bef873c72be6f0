import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
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
import { processCpuTicks } from './db-profile.ts';
import { watchMainThread } from './event-loop.ts';
import { pacedLoad, pinGeneratorApart } from './paced-load.ts';
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
}

/** Once its thread has started, the generator is pinned apart from the server (`--pin`). */
const PIN_AFTER_MS = 300;

/** autocannon's per-connection set-up (a file: its worker threads require it). */
const SHUFFLE_REQUESTS = fileURLToPath(new URL('./autocannon-shuffle.cjs', import.meta.url));

/** Checks sent as fast as answered before the measured load. */
const WARM_UP_SECONDS = 3;

/** Statements sent by every node-postgres client of this process (the server's pool included). */
let statementsSent = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  statementsSent++;
  return clientQuery.apply(this, args);
};

/**
 * CPU ticks (1/100 s) of each database server process serving the bench's database, read from
 * /proc: the server runs on this machine (loopback), and its CPU per request is the other half of
 * what a check costs. Null when the processes cannot be read.
 */
async function databaseTicks(pool: pg.Pool | undefined): Promise<Map<number, number> | null> {
  if (!pool) return null;
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const spent = processCpuTicks(pid);
    if (spent === null) return null;
    ticks.set(pid, spent);
  }
  return ticks;
}

function ticksSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let spent = 0;
  for (const [pid, ticks] of after) spent += ticks - (before.get(pid) ?? 0);
  return spent;
}

/** A fixed rate of requests and what sends them (paced-load.ts, or autocannon's `overallRate`). */
interface Rate {
  perSecond: number;
  generator: 'paced' | 'autocannon';
}

/** The requests' figures: autocannon as fast as answered, or a load at a fixed rate. */
async function send(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  rate: Rate | undefined,
  pin = false,
) {
  if (!pin) return sendLoad(url, bodies, headers, seconds, connections, rate);
  const pinning = new Promise((done) => setTimeout(done, PIN_AFTER_MS)).then(() => pinGeneratorApart(true));
  try {
    return await sendLoad(url, bodies, headers, seconds, connections, rate);
  } finally {
    await pinning;
    await pinGeneratorApart(false);
  }
}

async function sendLoad(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  rate: Rate | undefined,
) {
  if (rate?.generator === 'paced') {
    const paced = await pacedLoad({
      url,
      bodies,
      headers: { 'content-type': 'application/json', ...headers },
      ratePerSecond: rate.perSecond,
      seconds,
      connections,
    });
    return { ...paced, total: paced.requests };
  }
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    // Each connection cycles through the bodies, each in an order of its own (not in step with
    // the others): many customers, not one read again and again nor the same few together.
    requests: bodies.map((body) => ({ method: 'POST' as const, body })),
    // A path, not a function, in worker mode (the types know only the function).
    ...(bodies.length > 1 ? { setupClient: SHUFFLE_REQUESTS as never } : {}),
    duration: seconds,
    connections,
    ...(rate ? { overallRate: rate.perSecond } : {}),
    // The load generator in a thread of its own: on the server's thread it took a share of the
    // very event loop it measures.
    workers: 1,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

async function load(
  url: string,
  bodies: readonly string[],
  headers: Record<string, string>,
  seconds: number,
  connections: number,
  how: { databasePool?: pg.Pool; rate: Rate | undefined; pin: boolean },
) {
  const { databasePool, rate, pin } = how;
  const ticksBefore = await databaseTicks(databasePool);
  const statementsBefore = statementsSent;
  const cpuBefore = process.cpuUsage();
  const threadCpuBefore = process.threadCpuUsage();
  const watch = watchMainThread();
  const { total, ...figures } = await send(url, bodies, headers, seconds, connections, rate, pin);
  const cpu = process.cpuUsage(cpuBefore);
  const threadCpu = process.threadCpuUsage(threadCpuBefore);
  const mainThread = watch.stop(Math.max(1, total));
  const statements = statementsSent - statementsBefore;
  const databaseTicksSpent = ticksSpent(ticksBefore, await databaseTicks(databasePool));
  const requests = Math.max(1, total);
  return {
    ...figures,
    requests: total,
    statementsPerRequest: Math.round((statements / requests) * 100) / 100,
    cpuMicrosPerRequest: Math.round((cpu.user + cpu.system) / requests),
    // The server's own thread (the HTTP server, the pool, the use case), without the load generator.
    serverThreadCpuMicrosPerRequest: Math.round((threadCpu.user + threadCpu.system) / requests),
    processCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    ...(databaseTicksSpent === null
      ? {}
      : {
          databaseCpuMicrosPerRequest: Math.round((databaseTicksSpent * 10_000) / requests),
          databaseCpuSeconds: databaseTicksSpent / 100,
        }),
    mainThread,
  };
}

/**
 * A bare Fastify route answering a constant decision from memory, loaded as the check was (as fast
 * as answered: the ceiling of this machine; at the check's fixed rate: the latency the machine,
 * the HTTP stack and the generator give at that rate whatever the route does).
 */
async function bareBaseline(seconds: number, connections: number, rate: Rate | undefined, pin: boolean) {
  const bare = Fastify();
  const answer = { decision: 'approve', reasons: [], approverRole: null, exposureMinor: 0 };
  bare.post('/check', async () => answer);
  const base = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(
      `${base}/check`,
      ['{"customerCode":"S000001","amountMinor":1000}'],
      {},
      seconds,
      connections,
      { rate, pin },
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
      result['loadAverageBefore'] = loadAverage();
      const rate: Rate | undefined =
        options.rate === undefined
          ? undefined
          : { perSecond: options.rate, generator: options.generator ?? 'paced' };
      result['orderCheck'] = await load(checkUrl, bodies, checkHeaders, seconds, connections, {
        databasePool: runtime.handle.pool,
        rate,
        pin: options.pin ?? false,
      });
      result['rate'] = rate ?? null;
      result['pinned'] = options.pin ?? false;
      result['bareFastify'] = await bareBaseline(seconds, connections, rate, options.pin ?? false);
      result['loadAverageAfter'] = loadAverage();
      type Figures = { requestsPerSecond: number; p50Ms: number; p99Ms: number };
      const check = result['orderCheck'] as Figures;
      const bare = result['bareFastify'] as Figures;
      const ratio = (a: number, b: number) => Math.round((a / Math.max(0.001, b)) * 1000) / 1000;
      // Throughput against the bare route's (as fast as answered), and the latencies against its own.
      result['ratioToBare'] = ratio(check.requestsPerSecond, bare.requestsPerSecond);
      result['p50OverBare'] = ratio(check.p50Ms, bare.p50Ms);
      result['p99OverBare'] = ratio(check.p99Ms, bare.p99Ms);
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
    },
  });
  const figures = await benchCredit({
    customers: Number(values.customers),
    invoices: Number(values.invoices),
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    serverUrl: process.env['ENCOURS_BENCH_DATABASE_URL'],
    keepDatabase: values['keep-database'],
    skipRescore: values['skip-rescore'],
    rate: values.rate === undefined ? undefined : Number(values.rate),
    generator: values.generator === 'autocannon' ? 'autocannon' : 'paced',
    digest: values.digest,
    pin: values.pin,
  });
  process.stdout.write(`credit: ${JSON.stringify(figures)}\n`);
}
