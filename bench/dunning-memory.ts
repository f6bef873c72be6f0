/**
 * What the dunning bench measures besides wall time: the process's CPU time per run and the peak
 * heap and RSS sampled while a part runs, the heap taken after a forced collection.
 */
import { measure, type Timing } from './stats.ts';

export const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/** `measure` plus the CPU time this process spent per run (the database server's not counted). */
export async function measureCpu(
  work: () => Promise<unknown>,
  runs: number,
): Promise<Timing & { cpuSeconds: number }> {
  const before = process.cpuUsage();
  const timing = await measure(work, runs, false);
  const used = process.cpuUsage(before);
  return { ...timing, cpuSeconds: Math.round((used.user + used.system) / runs / 1e4) / 100 };
}

/** With `node --expose-gc`, collect first so the baseline heap is what the process really holds. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Peak heap and RSS while `work` runs, sampled every 20 ms (a lower bound of the true peak). */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; heapMb: number; rssMb: number }> {
  let heap = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, heapMb: megabytes(heap), rssMb: megabytes(rss) };
  } finally {
    clearInterval(timer);
  }
}
