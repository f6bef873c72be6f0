/**
 * A load at a fixed rate, evenly paced: request i is due at start + i / rate, whatever the answers'
 * pace, over a pool of keep-alive connections (a request due while every connection is busy waits
 * for one). Autocannon's rate is a quota per connection and per second: each connection sends as
 * fast as answered until it has sent its share of the second, then waits for the next second, so
 * the whole second's requests arrive at once at its start and queue as at saturation — at 2,000/s
 * on a server whose ceiling is near 2,000/s, that measured the queue of a burst, not the latency
 * at that rate. Latencies count from the time a request was due, not sent, so a server that falls
 * behind is not excused by the requests it delayed (no coordinated omission). Runs in a worker
 * thread of its own, as autocannon does, off the event loop it measures; the worker's own CPU
 * time is reported so that the server's can be told apart.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface PacedLoadOptions {
  url: string;
  bodies: readonly string[];
  headers: Record<string, string>;
  ratePerSecond: number;
  seconds: number;
  connections: number;
}

export interface PacedLoadResult {
  requests: number;
  requestsPerSecond: number;
  /** From the time each request was due. */
  p50Ms: number;
  p99Ms: number;
  /** From the time each request was written (what a closed-loop tool reports). */
  p50SinceSentMs: number;
  p99SinceSentMs: number;
  /**
   * How late the generator itself wrote the requests that found a free connection (its timers,
   * its thread not scheduled): a p99 from the due time far above the p99 from the send with
   * this small means the server held every connection, not that the generator lagged.
   */
  p99GeneratorLateMs: number;
  /** Requests due while every connection was busy (they waited for one, counted from when due). */
  waitedForConnection: number;
  errors: number;
  non2xx: number;
  /** CPU time of the load generator's thread. */
  generatorCpuMicros: number;
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  return Math.round(value * 100) / 100;
}

/**
 * One keep-alive connection sending prepared requests one at a time and reading each answer by its
 * Content-Length (the API always sends one): a few microseconds per request, where node:http's
 * client spent about as much CPU per request as the server's own thread.
 */
class Connection {
  readonly #host: string;
  readonly #port: number;
  #socket: Socket;
  #received: Buffer = Buffer.alloc(0);
  #onAnswer: ((status: number) => void) | undefined;
  #closing = false;
  busy = false;

  constructor(host: string, port: number) {
    this.#host = host;
    this.#port = port;
    this.#socket = this.#open();
  }

  /** A connection the server closed is opened again; the request it carried answers status 0. */
  #open(): Socket {
    const socket = connect({ host: this.#host, port: this.#port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.#closing) return;
      this.#received = Buffer.alloc(0);
      this.#socket = this.#open();
      if (this.busy) this.#answer(0);
    });
    return socket;
  }

  send(request: Buffer, onAnswer: (status: number) => void): void {
    this.busy = true;
    this.#onAnswer = onAnswer;
    this.#socket.write(request);
  }

  close(): void {
    this.#closing = true;
    this.#socket.destroy();
  }

  #answer(status: number): void {
    const answer = this.#onAnswer;
    this.busy = false;
    this.#onAnswer = undefined;
    answer?.(status);
  }

  #read(chunk: Buffer): void {
    this.#received = this.#received.length === 0 ? chunk : Buffer.concat([this.#received, chunk]);
    const headerEnd = this.#received.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.#received.toString('latin1', 0, headerEnd);
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.#received.length < headerEnd + 4 + length) return;
    this.#received = this.#received.subarray(headerEnd + 4 + length);
    this.#answer(Number(head.slice(9, 12)));
  }
}

function requestBytes(target: URL, headers: Record<string, string>, body: string): Buffer {
  const lines = [`POST ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(body)}`, '', body);
  return Buffer.from(lines.join('\r\n'));
}

async function generate(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const cpuBefore = process.threadCpuUsage();
  const target = new URL(options.url);
  const requests = options.bodies.map((body) => requestBytes(target, options.headers, body));
  const total = Math.round(options.ratePerSecond * options.seconds);
  const intervalMs = 1000 / options.ratePerSecond;
  const sinceDue = new Float64Array(total);
  const sinceSent = new Float64Array(total);
  const late: number[] = [];
  let waitedForConnection = 0;
  let answered = 0;
  let errors = 0;
  let non2xx = 0;
  const { promise: finished, resolve } = Promise.withResolvers<void>();
  const pool = Array.from(
    { length: options.connections },
    () => new Connection(target.hostname, Number(target.port)),
  );
  // Requests due while every connection is busy wait here, in order, and count from when due.
  const waiting: { index: number; dueMs: number }[] = [];
  const sendOn = (connection: Connection, index: number, dueMs: number) => {
    const sentMs = performance.now();
    connection.send(requests[index % requests.length] as Buffer, (status) => {
      const now = performance.now();
      sinceDue[index] = now - dueMs;
      sinceSent[index] = now - sentMs;
      if (status === 0) errors++;
      else if (status < 200 || status >= 300) non2xx++;
      const next = waiting.shift();
      if (next) sendOn(connection, next.index, next.dueMs);
      if (++answered === total) resolve();
    });
  };
  const startMs = performance.now();
  let next = 0;
  // Every request due by now goes out, then a wait until the next one is due (timers fire late
  // on a loaded machine: the late ones go together, still counted from when they were due).
  while (next < total) {
    const now = performance.now();
    while (next < total && startMs + next * intervalMs <= now) {
      const dueMs = startMs + next * intervalMs;
      const free = pool.find((connection) => !connection.busy);
      if (free) {
        late.push(now - dueMs);
        sendOn(free, next, dueMs);
      } else {
        waitedForConnection++;
        waiting.push({ index: next, dueMs });
      }
      next++;
    }
    const waitMs = startMs + next * intervalMs - performance.now();
    await new Promise((wake) => setTimeout(wake, Math.max(0, Math.floor(waitMs))));
  }
  if (total > 0) await finished;
  const elapsedS = (performance.now() - startMs) / 1000;
  for (const connection of pool) connection.close();
  const cpu = process.threadCpuUsage(cpuBefore);
  sinceDue.sort();
  sinceSent.sort();
  return {
    requests: total,
    requestsPerSecond: Math.round(total / elapsedS),
    p50Ms: percentile(sinceDue, 0.5),
    p99Ms: percentile(sinceDue, 0.99),
    p50SinceSentMs: percentile(sinceSent, 0.5),
    p99SinceSentMs: percentile(sinceSent, 0.99),
    p99GeneratorLateMs: percentile(Float64Array.from(late).sort(), 0.99),
    waitedForConnection,
    errors,
    non2xx,
    generatorCpuMicros: cpu.user + cpu.system,
  };
}

/**
 * Pins this process's threads (Linux, `taskset`): the worker threads — the load generator's, paced
 * or autocannon's — to the last CPU, every other thread (the server's event loop, V8's and libuv's
 * helpers) to the others; `false` lets every thread run anywhere again. On a machine of two cores
 * shared by the server, the generator and the database, the generator otherwise takes the
 * server's core at the moments it sends; the database's processes are not pinned. Threads started
 * later inherit the CPUs of the thread that starts them.
 */
export async function pinGeneratorApart(pinned: boolean): Promise<void> {
  const cpus = availableParallelism();
  if (cpus < 2) return;
  const all = `0-${cpus - 1}`;
  const generator = String(cpus - 1);
  const server = cpus === 2 ? '0' : `0-${cpus - 2}`;
  const run = promisify(execFile);
  for (const thread of readdirSync('/proc/self/task')) {
    let name: string;
    try {
      name = readFileSync(`/proc/self/task/${thread}/comm`, 'utf8').trim();
    } catch {
      continue; // the thread ended
    }
    const list = !pinned ? all : name === 'WorkerThread' ? generator : server;
    // A thread that ended meanwhile is no failure; any other is (a run said pinned must be).
    await run('taskset', ['-p', '-c', list, thread]).catch((error: unknown) => {
      if (existsSync(`/proc/self/task/${thread}`)) throw error;
    });
  }
}

/** Runs the paced load in a worker thread and resolves with its figures. */
export function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const worker = new Worker(new URL(import.meta.url), { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  generate(workerData as PacedLoadOptions).then((result) => port.postMessage(result));
}
