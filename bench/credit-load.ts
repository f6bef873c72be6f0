/**
 * The loads of bench/credit.ts: autocannon as fast as answered, or at a fixed rate (paced-load.ts
 * or autocannon's own `overallRate`), with the CPU of this process, its main thread and the
 * database's backends per request, the statements sent and what stalled the main thread; and the
 * bare Fastify route loaded the same way.
 */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { tracedAutocannon, traceFigures } from './credit-autocannon-trace.ts';
import { processCpuTicks } from './db-profile.ts';
import { watchMainThread } from './event-loop.ts';
import { pacedLoad, pinGeneratorApart } from './paced-load.ts';

/** Once its thread has started, the generator is pinned apart from the server (`--pin`). */
const PIN_AFTER_MS = 300;

/** autocannon's per-connection set-up (a file: its worker threads require it). */
const SHUFFLE_REQUESTS = fileURLToPath(new URL('./autocannon-shuffle.cjs', import.meta.url));
/** autocannon's per-request set-up: the request is built when sent (credit-autocannon-request.cjs). */
const BUILD_WHEN_SENT = fileURLToPath(new URL('./credit-autocannon-request.cjs', import.meta.url));

/**
 * How autocannon is run: every answer recorded (`--trace`); each connection's requests built at its
 * set-up, as before `BUILD_WHEN_SENT` (`--eager-requests`, to compare). Set once per run.
 */
const autocannonMode = { trace: false, eagerRequests: false };

export function configureAutocannon(mode: { trace: boolean; eagerRequests: boolean }): void {
  Object.assign(autocannonMode, mode);
}

/**
 * autocannon's requests and per-connection set-up: each connection cycles through the bodies, each
 * in an order of its own (not in step with the others): many customers, not one read again and
 * again nor the same few together. Paths, not functions: its worker threads require them.
 */
function autocannonRequests(bodies: readonly string[]) {
  const setupRequest = autocannonMode.eagerRequests ? {} : { setupRequest: BUILD_WHEN_SENT };
  return {
    requests: bodies.map((body) => ({ method: 'POST' as const, body, ...setupRequest })),
    setupClient: bodies.length > 1 ? SHUFFLE_REQUESTS : undefined,
  };
}

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
export interface Rate {
  perSecond: number;
  generator: 'paced' | 'autocannon';
}

/** The requests' figures: autocannon as fast as answered, or a load at a fixed rate. */
export async function send(
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
  if (autocannonMode.trace) {
    const trace = await tracedAutocannon({
      url,
      ...autocannonRequests(bodies),
      headers: { 'content-type': 'application/json', ...headers },
      seconds,
      connections,
      overallRate: rate?.perSecond,
    });
    const figures = traceFigures(trace);
    return {
      requestsPerSecond: Math.round(trace.reported.requestsPerSecond),
      p50Ms: trace.reported.p50,
      p99Ms: trace.reported.p99,
      errors: trace.errors,
      non2xx: trace.non2xx,
      total: trace.reported.total,
      trace: figures,
    };
  }
  const { requests, setupClient } = autocannonRequests(bodies);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    // Paths, not functions, in worker mode (the types know only functions).
    requests: requests as never,
    ...(setupClient ? { setupClient: setupClient as never } : {}),
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

export async function load(
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
 * the HTTP stack and the generator give at that rate whatever the route does). It is sent the
 * check's bodies in the same orders, so that the generator does the same work for both: with one
 * body its connections were set up in no time, and the bare route escaped the set-up's delay
 * that the check's first answers paid (credit-autocannon-request.cjs).
 */
export async function bareBaseline(
  bodies: readonly string[],
  seconds: number,
  connections: number,
  rate: Rate | undefined,
  pin: boolean,
) {
  const bare = Fastify();
  const answer = { decision: 'approve', reasons: [], approverRole: null, exposureMinor: 0 };
  bare.post('/check', async () => answer);
  const base = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`${base}/check`, bodies, {}, seconds, connections, { rate, pin });
  } finally {
    await bare.close();
  }
}
