/** Repeated measurements and what the machine was doing meanwhile: medians, not best runs. */
import { loadavg } from 'node:os';

export interface Timing {
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  runs: number;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? 0;
}

/** Runs `work` `runs` times (after one warm-up run unless told otherwise) and summarises the durations. */
export async function measure(work: () => Promise<unknown>, runs = 5, warmUp = true): Promise<Timing> {
  if (warmUp) await work();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await work();
    samples.push((performance.now() - started) / 1000);
  }
  return {
    medianSeconds: round3(median(samples)),
    minSeconds: round3(Math.min(...samples)),
    maxSeconds: round3(Math.max(...samples)),
    runs,
  };
}

/** The 1-minute load average, to read a figure against how busy the machine was. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
