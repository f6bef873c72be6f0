/**
 * The CPU of every server backend of the bench's database while a dunning run goes, the run's
 * reader included: the reader is a connection of its own outside the pool (`withSnapshotReads`),
 * opened after the profile's start and closed before its stop, so `DatabaseProfile` never sees it.
 * The backends are listed every 200 ms and their CPU read from /proc (the server is on this
 * machine): a backend there at the start counts from then, one that appears counts from its
 * birth, one that ends counts to when it was last seen (a lower bound: at most 200 ms of its work
 * may be missed). Bench-only.
 */
import type pg from 'pg';
import { processCpuTicks } from './db-profile.ts';

const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 200;

export class BackendCpuSampler {
  private readonly pool: pg.Pool;
  private readonly startTicks = new Map<number, number>();
  private readonly lastTicks = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> = Promise.resolve();

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  private async pids(): Promise<number[]> {
    const rows = await this.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
    );
    return rows.rows.map((row) => Number(row.pid));
  }

  private async sample(): Promise<void> {
    for (const pid of await this.pids()) {
      const ticks = processCpuTicks(pid);
      if (ticks === null) continue;
      if (!this.startTicks.has(pid)) this.startTicks.set(pid, 0);
      this.lastTicks.set(pid, ticks);
    }
  }

  async start(): Promise<void> {
    this.startTicks.clear();
    this.lastTicks.clear();
    for (const pid of await this.pids()) {
      const ticks = processCpuTicks(pid);
      if (ticks !== null) this.startTicks.set(pid, ticks);
    }
    this.timer = setInterval(() => {
      // One sample at a time: a slow one (a loaded machine) is not stacked under the next.
      this.sampling = this.sampling.then(() => this.sample()).catch(() => {});
    }, SAMPLE_MS);
  }

  /** Every backend's CPU seconds since the start (the run's, its reader's, the bench's own). */
  async stop(): Promise<{ backends: number; cpuSeconds: number }> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sampling;
    await this.sample();
    let ticks = 0;
    for (const [pid, last] of this.lastTicks) ticks += last - (this.startTicks.get(pid) ?? 0);
    return { backends: this.lastTicks.size, cpuSeconds: ticks / TICKS_PER_SECOND };
  }
}
