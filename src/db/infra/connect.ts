/**
 * Opens the database: an embedded PGlite (in a worker thread, reached over a private unix
 * socket) by default, or a PostgreSQL server when a postgres:// URL is given. Both are
 * reached through node-postgres with the same type parsers, so the rest of the code cannot
 * tell them apart.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { prepareMarkedStatements } from './prepared.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'pglite-memory' | 'postgres';

export interface DatabaseConfig {
  /** 'postgres://…' for a server, 'memory://' for a throwaway embedded database, or undefined for ./data. */
  url?: string | undefined;
  /** Directory of the embedded database (default ./data). */
  dataDir?: string | undefined;
  /**
   * A file written by `DatabaseHandle.saveImage` that a throwaway embedded database (memory://)
   * starts from instead of an empty cluster: creating a cluster costs seconds of WASM work, which
   * tests opening dozens of databases would otherwise pay each time.
   */
  image?: string | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  kind: DatabaseKind;
  /** Where the data lives, for messages ("./data", "memory://", the server URL without password). */
  location: string;
  /** Embedded engine only: writes the whole cluster to a file that `DatabaseConfig.image` opens. */
  saveImage?(file: string): Promise<void>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;

/** int8 → number, refusing values that a double cannot hold exactly. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value out of the safe integer range: ${text}`);
  return value;
}

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8_OID) return parseInt8;
    // Business dates stay 'YYYY-MM-DD' strings: a Date would shift with the time zone.
    if (oid === DATE_OID) return (text: string) => text;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export function resolveDatabaseConfig(env: NodeJS.ProcessEnv, cli: DatabaseConfig = {}): DatabaseConfig {
  return {
    url: cli.url ?? env['DATABASE_URL'] ?? undefined,
    dataDir: cli.dataDir ?? env['ENCOURS_DATA_DIR'] ?? './data',
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const url = config.url;
  if (config.image && url !== 'memory://') throw new Error('an image opens only as memory://');
  if (url && /^postgres(ql)?:\/\//.test(url)) return openServer(url);
  if (url && url !== 'memory://')
    throw new Error(`unsupported database URL: ${url} (use postgres://… or memory://)`);
  return openEmbedded(url === 'memory://' ? 'memory://' : resolve(config.dataDir ?? './data'), config.image);
}

function wrap(
  pool: pg.Pool,
  kind: DatabaseKind,
  location: string,
  onClose: () => Promise<void>,
): DatabaseHandle {
  // An idle client whose connection drops (server restart, embedded engine closing) must not
  // crash the process; the pool replaces it on the next query.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    pool,
    kind,
    location,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await onClose();
    },
  };
}

/**
 * Clients of PostgreSQL server pools, by backend process id. Kysely keeps the node-postgres client
 * of a transaction to itself, yet COPY needs that very client (it must run in the transaction):
 * code holding only the transaction asks the server for `pg_backend_pid()` and finds the client
 * here. Embedded clients are not listed: PGlite does not speak COPY over its socket.
 */
const serverClients = new Set<pg.Client>();
/** The URL each server client was opened with, for a connection of its own beside it. */
const serverUrls = new WeakMap<pg.Client, string>();

/** Each transaction's server client (null: none), asked once: a dunning run copies some 150 times. */
const clientOfTransaction = new WeakMap<Kysely<Database>, pg.Client | null>();

/**
 * The server client running `db` (a transaction: one connection throughout), or undefined on the
 * embedded engine. Asked of the server once per transaction.
 */
export async function serverClientOf(db: Kysely<Database>): Promise<pg.Client | undefined> {
  const known = clientOfTransaction.get(db);
  if (known !== undefined) return known ?? undefined;
  const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const pid = backend.rows[0]?.pid ?? -1;
  let found: pg.Client | undefined;
  for (const client of serverClients)
    if ((client as pg.Client & { processID: number | null }).processID === pid) found = client;
  // Only a transaction keeps its connection: a pool's next statement may run on another.
  if (db.isTransaction) clientOfTransaction.set(db, found ?? null);
  return found;
}

/**
 * A database of one connection to the server `client` belongs to, outside its pool. For a use
 * case that reads on a second connection while its transaction holds the first (a dunning run's
 * snapshot reads): taken from the same pool, runs waiting for their second connection could hold
 * every connection of it. The caller closes it.
 */
export async function openSideConnection(client: pg.Client): Promise<DatabaseHandle | undefined> {
  const url = serverUrls.get(client);
  return url === undefined ? undefined : openServer(url, 1);
}

async function openServer(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, types: typeParsers, max: maxConnections });
  pool.on('connect', (client) => {
    // Server only (see prepared.ts): the embedded engine runs the marked statements unnamed.
    prepareMarkedStatements(client);
    serverClients.add(client);
    serverUrls.set(client, url);
    client.once('end', () => serverClients.delete(client));
  });
  await pool.query('select 1');
  return wrap(pool, 'postgres', url.replace(/:[^:@/]*@/, ':***@'), async () => {});
}

async function openEmbedded(dataDir: string, image?: string): Promise<DatabaseHandle> {
  const releaseLock = dataDir === 'memory://' ? () => {} : lockDataDir(dataDir);
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir.
  const socketDir = mkdtempSync(join(tmpdir(), 'encours-'));
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
    workerData: { dataDir, socketPath: join(socketDir, '.s.PGSQL.5432'), image },
  });
  try {
    await waitForMessage(worker, 'ready');
  } catch (error) {
    releaseLock();
    await worker.terminate();
    throw error;
  }
  // The worker must not keep the process alive on its own once the pool is closed.
  worker.unref();
  const pool = new pg.Pool({
    host: socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    types: typeParsers,
  });
  const kind: DatabaseKind = dataDir === 'memory://' ? 'pglite-memory' : 'pglite';
  // Kysely's destroy() has already ended the pool when this runs.
  const handle = wrap(pool, kind, dataDir, async () => {
    worker.postMessage({ type: 'stop' });
    await waitForMessage(worker, 'stopped').catch(() => undefined);
    await worker.terminate();
    if (existsSync(socketDir)) rmSync(socketDir, { recursive: true, force: true });
    releaseLock();
  });
  handle.saveImage = async (file) => {
    const saved = waitForMessage(worker, 'saved');
    worker.postMessage({ type: 'save', file });
    await saved;
  };
  return handle;
}

/** A second process on the same embedded database; worded for a person by the runtime. */
export class DataDirBusyError extends Error {
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(`the embedded database ${dataDir} is in use by another Encours process (pid ${pid})`);
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/**
 * PGlite files must be opened by one process only; a second one would corrupt them. A pid file
 * makes a second process fail with a clear message instead (a stale file is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'encours.pid');
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DataDirBusyError(dataDir, pid);
    }
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function waitForMessage(worker: Worker, expected: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === expected) {
        cleanup();
        resolvePromise();
      } else if (message.type === 'error') {
        cleanup();
        reject(new Error(`embedded database failed (waiting for ${expected}): ${message.message}`));
      }
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`embedded database worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
