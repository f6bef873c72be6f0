/**
 * Event-loop delay in the main thread while the embedded engine runs a heavy query: the
 * figure that tells whether the HTTP server stays responsive with PGlite. And `watchMainThread`,
 * what stalls the server's thread under a load (collections, other stalls), for bench/credit.ts.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
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

/** A stall of the main thread longer than this is listed (and told apart from collections). */
const STALL_MS = 5;

export interface MainThreadFigures {
  /** Event-loop delay (monitorEventLoopDelay, 1 ms resolution): what a request arriving waits. */
  loopDelayMs: { p50: number; p99: number; p999: number; max: number; mean: number };
  /** Collections of the main thread's heap, by kind, with their pauses. */
  gc: Record<string, { count: number; totalMs: number; maxMs: number; over5Ms: number }>;
  /** Bytes allocated on the main thread's heap per request (from the heap used before and after each collection). */
  allocatedBytesPerRequest: number | null;
  /** Young-generation survivors per scavenge (bytes, mean): what makes a scavenge long. */
  scavengeSurvivedBytes: number | null;
  /**
   * What the scavenges copied (kept young or promoted) as a share of the bytes allocated (%): a
   * scavenge's cost. Unlike the bytes per scavenge it does not grow with the young generation's
   * size, which V8 enlarges when much survives, nor with the machine's load.
   */
  scavengeSurvivalPercent: number | null;
  /** Bytes moved to the old generation by scavenges, per request. */
  promotedBytesPerRequest: number | null;
  /**
   * Gaps over STALL_MS between two turns of a 1 ms ticker, told apart by the thread's own CPU time
   * in the gap: `busy` ones (the thread ran, over half the gap: JavaScript or a collection, and of
   * those, `busyWithoutGc` where collections do not cover the gap), and `starved` ones (the thread
   * was runnable or blocked but not running: the machine's other processes, a blocking call).
   */
  stalls: {
    count: number;
    totalMs: number;
    maxMs: number;
    busy: number;
    busyMaxMs: number;
    busyWithoutGc: number;
    busyWithoutGcMaxMs: number;
    starved: number;
    starvedMaxMs: number;
    /** The five longest: length, the thread's CPU in it, the collections' pauses in it. */
    longest: { ms: number; cpuMs: number; gcMs: number }[];
  };
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MINOR_MARK_SWEEP]: 'minorMarkSweep',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'markSweep',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incrementalMarking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakCallbacks',
};
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Watches the main thread while a load runs: event-loop delay, collections (kind, pause), heap
 * allocated, and the stalls a collection does not explain. `stop(requests)` returns the figures.
 */
export function watchMainThread(): { stop(requests: number): MainThreadFigures } {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const collections: { startMs: number; endMs: number; kind: string }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[(entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0];
      collections.push({
        startMs: entry.startTime,
        endMs: entry.startTime + entry.duration,
        kind: kind ?? 'other',
      });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const profiler = new GCProfiler();
  profiler.start();
  const stalls: Stall[] = [];
  let lastTickMs = performance.now();
  let lastCpu = process.threadCpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.threadCpuUsage();
    if (now - lastTickMs > STALL_MS + 1) {
      const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
      stalls.push({ startMs: lastTickMs, endMs: now, cpuMs });
    }
    lastTickMs = now;
    lastCpu = cpu;
  }, 1);
  return {
    stop(requests) {
      clearInterval(ticker);
      histogram.disable();
      observer.disconnect();
      const profile = profiler.stop();
      return {
        loopDelayMs: {
          p50: round2(histogram.percentile(50) / 1e6),
          p99: round2(histogram.percentile(99) / 1e6),
          p999: round2(histogram.percentile(99.9) / 1e6),
          max: round2(histogram.max / 1e6),
          mean: round2(histogram.mean / 1e6),
        },
        gc: gcByKind(collections),
        ...heapFigures(profile, requests),
        stalls: stallFigures(stalls, collections),
      };
    },
  };
}

function gcByKind(collections: readonly { startMs: number; endMs: number; kind: string }[]) {
  const byKind: MainThreadFigures['gc'] = {};
  for (const { startMs, endMs, kind } of collections) {
    const figures = byKind[kind] ?? { count: 0, totalMs: 0, maxMs: 0, over5Ms: 0 };
    byKind[kind] = figures;
    const pauseMs = endMs - startMs;
    figures.count++;
    figures.totalMs += pauseMs;
    figures.maxMs = Math.max(figures.maxMs, pauseMs);
    if (pauseMs > 5) figures.over5Ms++;
  }
  for (const figures of Object.values(byKind)) {
    figures.totalMs = round2(figures.totalMs);
    figures.maxMs = round2(figures.maxMs);
  }
  return byKind;
}

type GcProfile = ReturnType<GCProfiler['stop']>;
type GcSpaces = NonNullable<GcProfile>['statistics'][number]['afterGC']['heapSpaceStatistics'];

/** Allocation = the heap used before each collection less the heap used after the one before. */
function heapFigures(profile: GcProfile, requests: number) {
  const statistics = profile?.statistics ?? [];
  let allocated = 0;
  let survived = 0;
  let promoted = 0;
  let scavenges = 0;
  let usedAfter: number | undefined;
  const used = (spaces: GcSpaces, name: string) =>
    spaces.find((space) => space.spaceName === name)?.spaceUsedSize ?? 0;
  for (const gc of statistics) {
    const before = gc.beforeGC.heapStatistics.usedHeapSize;
    if (usedAfter !== undefined) allocated += Math.max(0, before - usedAfter);
    usedAfter = gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === 'Scavenge') {
      survived += used(gc.afterGC.heapSpaceStatistics, 'new_space');
      promoted += Math.max(
        0,
        used(gc.afterGC.heapSpaceStatistics, 'old_space') -
          used(gc.beforeGC.heapSpaceStatistics, 'old_space'),
      );
      scavenges++;
    }
  }
  const measured = statistics.length > 1 && allocated > 0;
  return {
    allocatedBytesPerRequest: statistics.length > 1 ? Math.round(allocated / Math.max(1, requests)) : null,
    scavengeSurvivedBytes: scavenges > 0 ? Math.round(survived / scavenges) : null,
    scavengeSurvivalPercent:
      measured && scavenges > 0 ? round2((100 * (survived + promoted)) / allocated) : null,
    promotedBytesPerRequest: scavenges > 0 ? Math.round(promoted / Math.max(1, requests)) : null,
  };
}

interface Stall {
  startMs: number;
  endMs: number;
  cpuMs: number;
}

function stallFigures(
  stalls: readonly Stall[],
  collections: readonly { startMs: number; endMs: number }[],
): MainThreadFigures['stalls'] {
  const figures = {
    count: stalls.length,
    totalMs: 0,
    maxMs: 0,
    busy: 0,
    busyMaxMs: 0,
    busyWithoutGc: 0,
    busyWithoutGcMaxMs: 0,
    starved: 0,
    starvedMaxMs: 0,
  };
  const measured = stalls.map((stall) => {
    const ms = stall.endMs - stall.startMs;
    let gcMs = 0;
    for (const gc of collections)
      gcMs += Math.max(0, Math.min(gc.endMs, stall.endMs) - Math.max(gc.startMs, stall.startMs));
    figures.totalMs += ms;
    figures.maxMs = Math.max(figures.maxMs, ms);
    if (stall.cpuMs >= ms / 2) {
      figures.busy++;
      figures.busyMaxMs = Math.max(figures.busyMaxMs, ms);
      // A collection inside the gap takes its pause off; what is left over STALL_MS is something else.
      if (ms - gcMs > STALL_MS) {
        figures.busyWithoutGc++;
        figures.busyWithoutGcMaxMs = Math.max(figures.busyWithoutGcMaxMs, ms - gcMs);
      }
    } else {
      figures.starved++;
      figures.starvedMaxMs = Math.max(figures.starvedMaxMs, ms);
    }
    return { ms: round2(ms), cpuMs: round2(stall.cpuMs), gcMs: round2(gcMs) };
  });
  return {
    ...figures,
    totalMs: round2(figures.totalMs),
    maxMs: round2(figures.maxMs),
    busyMaxMs: round2(figures.busyMaxMs),
    busyWithoutGcMaxMs: round2(figures.busyWithoutGcMaxMs),
    starvedMaxMs: round2(figures.starvedMaxMs),
    longest: measured.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}
