/**
 * Where a benchmark's database time goes, seen from the client: each statement's wall time summed
 * by its opening words (so the run's inserts, the slice reads and the outbox are told apart), and
 * the CPU the server's backends of the benchmark's database spent (read from /proc: the server is
 * on this machine). Bench-only; it wraps the pool's clients, it changes no query.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

interface StatementTotals {
  count: number;
  ms: number;
}

const TICKS_PER_SECOND = 100;

/** The statement's kind: its first words with the whitespace squeezed, values left out. */
function statementKey(text: string): string {
  const squeezed = text.replace(/\s+/g, ' ').trim();
  const insert = /^insert into "?(\w+)"?/i.exec(squeezed);
  if (insert) return `insert ${insert[1]}`;
  const update = /^update "?(\w+)"?/i.exec(squeezed);
  if (update) return `update ${update[1]}`;
  return squeezed.slice(0, 90);
}

/** CPU ticks (1/100 s, user + system) a process has spent, or null when it cannot be read (gone). */
export function processCpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export class DatabaseProfile {
  private readonly totals = new Map<string, StatementTotals>();
  private readonly wrapped = new WeakSet<object>();
  private readonly backendTicks = new Map<number, number>();
  private recording = false;
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
    pool.on('acquire', (client) => this.wrap(client));
  }

  private wrap(client: pg.PoolClient): void {
    if (this.wrapped.has(client)) return;
    this.wrapped.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const result = original(...args);
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '');
      if (!this.recording || !(result instanceof Promise)) return result;
      const started = performance.now();
      const record = () => {
        const key = statementKey(text);
        const entry = this.totals.get(key) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += performance.now() - started;
        this.totals.set(key, entry);
      };
      result.then(record, record);
      return result;
    };
  }

  private async backendPids(): Promise<number[]> {
    const rows = await this.pool.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database()',
    );
    return rows.rows.map((row) => Number(row.pid));
  }

  async start(): Promise<void> {
    this.totals.clear();
    this.backendTicks.clear();
    for (const pid of await this.backendPids()) this.backendTicks.set(pid, processCpuTicks(pid) ?? 0);
    this.recording = true;
  }

  /** The statements by total time (the top ones), the sum, and the backends' CPU meanwhile. */
  async stop(top = 25) {
    this.recording = false;
    let ticks = 0;
    for (const pid of await this.backendPids())
      ticks += (processCpuTicks(pid) ?? 0) - (this.backendTicks.get(pid) ?? 0);
    const statements = [...this.totals.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const round = (ms: number) => Math.round(ms) / 1000;
    return {
      backendCpuSeconds: ticks / TICKS_PER_SECOND,
      statementSeconds: round(statements.reduce((sum, [, t]) => sum + t.ms, 0)),
      statements: statements.slice(0, top).map(([key, t]) => ({ key, count: t.count, seconds: round(t.ms) })),
    };
  }
}
