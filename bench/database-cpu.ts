/**
 * CPU the PostgreSQL server spends for one database (the server runs on this machine), read from
 * /proc. A backend, or a parallel worker, that ends between two readings would take its CPU
 * with it, so the backends are sampled every `intervalMs` (on a connection of its own, not
 * counted) and each one's last reading is kept: what ends up missing is at most the last interval
 * of a process that ended. Bench-only.
 */
import pg from 'pg';
import { processCpuTicks } from './db-profile.ts';

const TICKS_PER_SECOND = 100;

export class DatabaseCpuMeter {
  private readonly client: pg.Client;
  /** Per backend: ticks when first seen (0 when it started after the meter) and last read. */
  private readonly ticks = new Map<number, { first: number; last: number }>();
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> = Promise.resolve();

  private constructor(client: pg.Client) {
    this.client = client;
  }

  static async start(url: string, intervalMs = 200): Promise<DatabaseCpuMeter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const meter = new DatabaseCpuMeter(client);
    await meter.sample(true);
    meter.timer = setInterval(() => {
      meter.sampling = meter.sampling.then(() => meter.sample(false));
    }, intervalMs);
    return meter;
  }

  private async sample(initial: boolean): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      const now = processCpuTicks(Number(pid));
      if (now === null) continue;
      const known = this.ticks.get(Number(pid));
      if (known) known.last = now;
      else this.ticks.set(Number(pid), { first: initial ? now : 0, last: now });
    }
  }

  /** CPU seconds of the database's backends since the meter started, read now. */
  async seconds(): Promise<number> {
    this.sampling = this.sampling.then(() => this.sample(false));
    await this.sampling;
    let ticks = 0;
    for (const { first, last } of this.ticks.values()) ticks += last - first;
    return ticks / TICKS_PER_SECOND;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    await this.client.end();
  }
}
