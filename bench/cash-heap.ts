/**
 * The cash bench's resource figures: the peak resident memory and heap while some work runs, the
 * heap batch by batch through a matching (its peak, and with a full collection what it keeps), and
 * the CPU the database server spent.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type pg from 'pg';
import { processCpuTicks } from './db-profile.ts';

/**
 * A full collection, so that a memory figure counts what is held then, not what the generation of
 * the ledger and the statement left for the collector (the flag is set at run time: no
 * `--expose-gc` needed on the command line).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** One batch of the matching as the heap saw it. */
export interface BatchHeap {
  /** Receipts done when the batch ended. */
  receipts: number;
  /** Seconds since the watch started when the batch ended (the first batch's includes the run's reads). */
  atSeconds: number;
  /** The largest heap used since the batch before ended (sampled every 50 ms, garbage included). */
  peakMb: number;
  /** With a collection at the batch's end: the heap then (what the run keeps), and the typed arrays' buffers. */
  liveMb?: number;
  arrayBuffersMb?: number;
}

/**
 * The heap batch by batch: its peak during each batch (garbage included: V8 collects the old
 * generation only once it reaches a limit it sets from what the last full collection kept) and,
 * with `collect`, a full collection at each batch's end and the heap then — what the run keeps
 * from one batch to the next (the collections' time counts in the run: timed runs go without).
 * The typed arrays' buffers (the ledger copy's columns) are outside the heap.
 */
export function batchHeapWatch(collect: boolean) {
  const batches: BatchHeap[] = [];
  const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
  let peak = 0;
  const started = performance.now();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  return {
    afterBatch: (receipts: number) => {
      const batch: BatchHeap = {
        receipts,
        atSeconds: Math.round(performance.now() - started) / 1000,
        peakMb: megabytes(Math.max(peak, process.memoryUsage().heapUsed)),
      };
      if (collect) {
        collectGarbage();
        const usage = process.memoryUsage();
        batch.liveMb = megabytes(usage.heapUsed);
        batch.arrayBuffersMb = megabytes(usage.arrayBuffers);
      }
      batches.push(batch);
      peak = 0;
    },
    stop: () => clearInterval(sampler),
    /** The first, middle and last batches, and each batch's peak (and kept heap) in order. */
    figures: () => {
      const pick = (at: number) => batches[Math.min(batches.length - 1, Math.max(0, at))];
      const live = batches.flatMap((batch) => (batch.liveMb === undefined ? [] : [batch.liveMb]));
      return {
        batches: batches.length,
        first: pick(0),
        middle: pick(Math.floor(batches.length / 2)),
        last: pick(batches.length - 1),
        peakMbByBatch: batches.map((batch) => batch.peakMb),
        secondsByBatch: batches.map((batch) => batch.atSeconds),
        ...(live.length > 0 ? { maxLiveMb: Math.max(...live), liveMbByBatch: live } : {}),
      };
    },
  };
}

/** Peak resident memory and heap while `work` runs, sampled every 50 ms. */
export async function withPeakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number; peakHeapMb: number; startHeapMb: number }> {
  const start = process.memoryUsage();
  let peak = start.rss;
  let heap = start.heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  }, 50);
  const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
  try {
    const result = await work();
    return {
      result,
      peakRssMb: megabytes(Math.max(peak, process.memoryUsage.rss())),
      peakHeapMb: megabytes(heap),
      startHeapMb: megabytes(start.heapUsed),
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * CPU seconds spent so far by the database server processes serving this database (the server
 * runs on this machine), read from /proc; null when they cannot be read.
 */
export async function databaseCpuSeconds(pool: pg.Pool): Promise<number | null> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  const ticks = rows.map(({ pid }) => processCpuTicks(pid));
  return ticks.includes(null) ? null : ticks.reduce<number>((sum, t) => sum + (t ?? 0), 0) / 100;
}
