/**
 * autocannon run as bench/credit.ts runs it (same options, its own thread), with every answer
 * recorded: when it was sent, how long it took, on which connection. autocannon itself only
 * reports its histogram, and at a fixed rate (`overallRate`) that histogram is not the answers'
 * latencies: it records each answer with HdrHistogram's `recordValueWithExpectedInterval(latency,
 * Math.ceil(1 / rate))`, where `rate` is the connection's quota per second, so the expected
 * interval is 1 (ms) whatever the rate, and an answer of L ms is recorded L times (L, L − 1, … 1).
 * The trace lets the answers' own percentiles, and autocannon's correction, be computed apart.
 */
import { createRequire } from 'node:module';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type autocannonTypes from 'autocannon';

export interface TraceOptions {
  url: string;
  /** autocannon's requests, their set-up a path (required here, as its worker threads do). */
  requests: readonly { method: 'POST'; body: string; setupRequest?: string }[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  /** autocannon's `overallRate`; none: as fast as answered. */
  overallRate?: number | undefined;
  /** The per-connection set-up file (autocannon-shuffle.cjs). */
  setupClient?: string | undefined;
}

export interface Trace {
  /**
   * Send time (ms since the load started), latency (ms) and connection (numbered in the order of
   * their first answer) of each 2xx answer, in answer order.
   */
  sentMs: Float64Array;
  latencyMs: Float64Array;
  connection: Int32Array;
  /** What autocannon reported for the same run. */
  reported: { p50: number; p90: number; p99: number; max: number; requestsPerSecond: number; total: number };
  non2xx: number;
  errors: number;
}

async function run(options: TraceOptions): Promise<Trace> {
  const require = createRequire(import.meta.url);
  // Not in its types: the aggregation its worker mode runs in the parent thread.
  const autocannon = require('autocannon') as typeof autocannonTypes & {
    aggregateResult(results: unknown[], opts: unknown): autocannonTypes.Result;
  };
  const setupClient = options.setupClient
    ? (require(options.setupClient) as (client: unknown) => void)
    : undefined;
  const sent: number[] = [];
  const latencies: number[] = [];
  const connections: number[] = [];
  const clientIds = new Map<unknown, number>();
  const started = performance.now();
  const opts: autocannonTypes.Options = {
    url: options.url,
    method: 'POST',
    headers: options.headers,
    requests: options.requests.map(({ setupRequest, ...request }) => ({
      ...request,
      ...(setupRequest ? { setupRequest: require(setupRequest) as (request: unknown) => unknown } : {}),
    })) as autocannonTypes.Request[],
    ...(setupClient ? { setupClient: setupClient as never } : {}),
    duration: options.seconds,
    connections: options.connections,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  };
  // Without a callback autocannon answers its instance, also a promise of the result (its types
  // know one or the other).
  const instance = autocannon(opts) as unknown as autocannonTypes.Instance & Promise<unknown>;
  instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode < 200 || statusCode >= 300) return;
    const now = performance.now() - started;
    let id = clientIds.get(client);
    if (id === undefined) {
      id = clientIds.size;
      clientIds.set(client, id);
    }
    sent.push(now - responseTime);
    latencies.push(responseTime);
    connections.push(id);
  });
  // Off the main thread autocannon answers its raw, encoded histograms (its own worker mode
  // aggregates them in the parent); aggregated here as that parent does.
  const result = autocannon.aggregateResult([await instance], opts);
  return {
    sentMs: Float64Array.from(sent),
    latencyMs: Float64Array.from(latencies),
    connection: Int32Array.from(connections),
    reported: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      // Its per-second histogram is not kept off the main thread: answers over the run's duration.
      requestsPerSecond: result.requests.total / result.duration,
      total: result.requests.total,
    },
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Runs autocannon in a thread of its own (as `workers: 1` does) and resolves with its trace. */
export function tracedAutocannon(options: TraceOptions): Promise<Trace> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  run(workerData as TraceOptions).then((trace) => port.postMessage(trace));
}

function percentileOf(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0) * 100) / 100
  );
}

/**
 * autocannon's fixed-rate percentile rebuilt from the answers: each latency L (whole ms, as its
 * histogram of lowest discernible value 1 keeps it) also counts L − 1, L − 2, … down to 1.
 */
function coordinatedOmissionPercentile(latencyMs: Float64Array, fraction: number): number {
  const counts: number[] = [];
  let total = 0;
  for (const latency of latencyMs) {
    const whole = Math.max(0, Math.floor(latency));
    for (let value = whole; value >= Math.min(1, whole); value--) {
      counts[value] = (counts[value] ?? 0) + 1;
      total++;
      if (value === 0) break;
    }
  }
  let seen = 0;
  for (let value = 0; value < counts.length; value++) {
    seen += counts[value] ?? 0;
    if (seen >= total * fraction) return value;
  }
  return counts.length - 1;
}

/**
 * What the trace says: the answers' own percentiles, autocannon's correction rebuilt, the answers
 * by their send time's position in the second (autocannon's quotas start a second on each
 * connection's own timer, all started together), the answers per connection and the slowest.
 */
export function traceFigures(trace: Trace, slowest = 12) {
  const { sentMs, latencyMs, connection } = trace;
  const sorted = Float64Array.from(latencyMs).sort();
  const byPosition: { fromMs: number; answers: number; p50Ms: number; p99Ms: number; maxMs: number }[] = [];
  const slice = 100;
  for (let from = 0; from < 1000; from += slice) {
    const inSlice = Float64Array.from(
      latencyMs.filter(
        (_, index) => (sentMs[index] ?? 0) % 1000 >= from && (sentMs[index] ?? 0) % 1000 < from + slice,
      ),
    ).sort();
    byPosition.push({
      fromMs: from,
      answers: inSlice.length,
      p50Ms: percentileOf(inSlice, 0.5),
      p99Ms: percentileOf(inSlice, 0.99),
      maxMs: percentileOf(inSlice, 1),
    });
  }
  const bySecond: { second: number; answers: number; p99Ms: number; maxMs: number }[] = [];
  for (let second = 0; second * 1000 <= (sentMs.at(-1) ?? 0); second++) {
    const inSecond = Float64Array.from(
      latencyMs.filter((_, index) => Math.floor((sentMs[index] ?? 0) / 1000) === second),
    ).sort();
    bySecond.push({
      second,
      answers: inSecond.length,
      p99Ms: percentileOf(inSecond, 0.99),
      maxMs: percentileOf(inSecond, 1),
    });
  }
  const afterFirstSecond = latencyMs.filter((_, index) => (sentMs[index] ?? 0) >= 1000);
  const order = Array.from(latencyMs.keys()).sort((a, b) => (latencyMs[b] ?? 0) - (latencyMs[a] ?? 0));
  const over = (ms: number) => latencyMs.filter((latency) => latency > ms).length;
  return {
    answers: latencyMs.length,
    reported: trace.reported,
    answersOwn: {
      p50Ms: percentileOf(sorted, 0.5),
      p90Ms: percentileOf(sorted, 0.9),
      p99Ms: percentileOf(sorted, 0.99),
      p999Ms: percentileOf(sorted, 0.999),
      maxMs: percentileOf(sorted, 1),
    },
    rebuiltCorrectedP99Ms: coordinatedOmissionPercentile(latencyMs, 0.99),
    rebuiltCorrectedP50Ms: coordinatedOmissionPercentile(latencyMs, 0.5),
    // The same without the answers sent in the load's first second (connections just opened).
    afterFirstSecond: {
      p99Ms: percentileOf(Float64Array.from(afterFirstSecond).sort(), 0.99),
      rebuiltCorrectedP99Ms: coordinatedOmissionPercentile(afterFirstSecond, 0.99),
    },
    over10Ms: over(10),
    over50Ms: over(50),
    over100Ms: over(100),
    byPositionInSecond: byPosition,
    bySecond,
    slowest: order.slice(0, slowest).map((index) => ({
      sentMs: Math.round(sentMs[index] ?? 0),
      latencyMs: Math.round((latencyMs[index] ?? 0) * 10) / 10,
      connection: connection[index],
    })),
  };
}
