/**
 * Event-loop delay in the main thread while the embedded engine runs a heavy query: the
 * figure that tells whether the HTTP server stays responsive with PGlite.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '#db/infra/connect';

export interface EventLoopFigures {
  queryMs: number;
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
}

export async function measureEventLoopDuringHeavyQuery(rows = 4_000_000): Promise<EventLoopFigures> {
  const handle = await openDatabase({ url: 'memory://' });
  try {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const started = performance.now();
    await sql`select count(*), sum(x), avg(length(md5(x::text))) from generate_series(1, ${rows}) as x`.execute(
      handle.db,
    );
    const queryMs = performance.now() - started;
    histogram.disable();
    return {
      queryMs: Math.round(queryMs),
      maxDelayMs: round(histogram.max / 1e6),
      p99DelayMs: round(histogram.percentile(99) / 1e6),
      meanDelayMs: round(histogram.mean / 1e6),
    };
  } finally {
    await handle.close();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
