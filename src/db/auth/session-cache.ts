/**
 * The session lookup of every /api request, remembered for a moment by the HTTP server on a
 * PostgreSQL server: under load it was one database round trip per request, as costly as the
 * order check's own read. A revoked session must stop working at once, so the cache is only used
 * while it hears of every change:
 * - migration 0032 makes any change to `sessions` or `users` (logout, password, role, disabling,
 *   a company deleted, an operator's own SQL, another process such as the CLI) send a
 *   notification on commit, and the server's listening connection forgets everything on it;
 * - a change made by this process forgets everything at once and stops the cache until its
 *   notification arrives (so also for a transaction that has not committed yet: requests read the
 *   database meanwhile), or for the lifetime below if it never does (a rollback sends none);
 * - a lookup whose database read may predate a change is not remembered (a generation counter);
 * - without a live listening connection there is no cache at all, and an entry is trusted for at
 *   most ENTRY_LIFETIME_MS (2 s) in any case: the bound if notifications were lost unnoticed.
 * The expiry of the session is checked against the caller's clock on every hit, as the query does.
 * The embedded engine (one connection, no listener) never caches.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../infra/schema.ts';

/** The channel of migration 0032's triggers. */
const CHANNEL = 'encours_auth';
/** The longest an entry is trusted, whatever the notifications say. */
export const ENTRY_LIFETIME_MS = 2_000;
/** Sessions remembered at most; the oldest goes first. */
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;

interface Entry<R> {
  row: R;
  expiresAtMs: number;
  storedAtMs: number;
}

/** A clock that only moves forward, for lifetimes (the callers' clock may be fixed in tests). */
const monotonicMs = () => performance.now();

class SessionCache {
  readonly #entries = new Map<string, Entry<unknown>>();
  readonly #lifetimeMs: number;
  #generation = 0;
  #listening = false;
  /** Set by a change of this process until its notification arrives. */
  #suspendedUntilMs = 0;

  constructor(lifetimeMs: number) {
    this.#lifetimeMs = lifetimeMs;
  }

  get usable(): boolean {
    return this.#listening && monotonicMs() >= this.#suspendedUntilMs;
  }

  get generation(): number {
    return this.#generation;
  }

  /** A remembered row still valid at `now` (the session's own expiry), or undefined. */
  get<R>(hash: string, now: Date): R | undefined {
    if (!this.usable) return undefined;
    const entry = this.#entries.get(hash);
    if (!entry) return undefined;
    if (monotonicMs() - entry.storedAtMs >= this.#lifetimeMs || entry.expiresAtMs <= now.getTime()) {
      this.#entries.delete(hash);
      return undefined;
    }
    return entry.row as R;
  }

  /** Remembers a row read when the generation was `generation`, unless anything changed since. */
  store(hash: string, row: unknown, expiresAt: Date, generation: number): void {
    if (!this.usable || generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(hash, { row, expiresAtMs: expiresAt.getTime(), storedAtMs: monotonicMs() });
  }

  /** Everything is forgotten; `suspend`: no caching until a notification (or the lifetime) ends it. */
  forget(suspend: boolean): void {
    this.#generation++;
    this.#entries.clear();
    if (suspend) this.#suspendedUntilMs = monotonicMs() + this.#lifetimeMs;
  }

  notified(): void {
    this.forget(false);
    this.#suspendedUntilMs = 0;
  }

  setListening(listening: boolean): void {
    this.forget(false);
    this.#listening = listening;
  }
}

/** The caches of this process by database handle (the server's `db`, never a transaction). */
const caches = new WeakMap<object, SessionCache>();
const live = new Set<SessionCache>();

export interface SessionCacheHandle {
  close(): Promise<void>;
}

/**
 * Starts remembering session lookups made through `db` (the pool's handle), listening on a
 * connection of its own made with the pool's settings. Resolves once the first listen is in place.
 * `lifetimeMs` is for tests (one that only notifications may end).
 */
export async function openSessionCache(
  db: Kysely<Database>,
  pool: pg.Pool,
  options: { lifetimeMs?: number } = {},
): Promise<SessionCacheHandle> {
  const cache = new SessionCache(options.lifetimeMs ?? ENTRY_LIFETIME_MS);
  caches.set(db, cache);
  live.add(cache);
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const lost = (which: pg.Client) => {
    if (client !== which) return;
    cache.setListening(false);
    client = null;
    which.end().catch(() => {});
    if (!closed) retry = setTimeout(() => void listen(), RECONNECT_MS).unref();
  };
  const listen = async () => {
    const candidate = new pg.Client((pool as unknown as { options: pg.ClientConfig }).options);
    client = candidate;
    candidate.on('error', () => lost(candidate));
    candidate.on('end', () => lost(candidate));
    candidate.on('notification', (message) => {
      if (message.channel === CHANNEL) cache.notified();
    });
    try {
      await candidate.connect();
      // An auxiliary connection: it never keeps the process alive (the server's socket does).
      (
        candidate as unknown as { connection?: { stream?: { unref?(): void } } }
      ).connection?.stream?.unref?.();
      await candidate.query(`listen ${CHANNEL}`);
      if (client === candidate && !closed) cache.setListening(true);
    } catch {
      lost(candidate);
    }
  };
  await listen();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      cache.setListening(false);
      if (caches.get(db) === cache) caches.delete(db);
      live.delete(cache);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}

/**
 * The row of a session through the cache of `db`, if it has one: `load` reads the database and
 * returns the row with its expiry, or null (never remembered: an unknown secret always costs a read).
 */
export async function cachedSession<R>(
  db: Kysely<Database>,
  hash: string,
  now: Date,
  load: () => Promise<{ row: R; expiresAt: Date } | null>,
): Promise<R | null> {
  const cache = caches.get(db);
  if (!cache) return (await load())?.row ?? null;
  const hit = cache.get<R>(hash, now);
  if (hit !== undefined) return hit;
  const generation = cache.generation;
  const loaded = await load();
  if (loaded) cache.store(hash, loaded.row, loaded.expiresAt, generation);
  return loaded?.row ?? null;
}

/** A change to sessions or users made by this process: every cache forgets, until it is told. */
export function forgetCachedSessions(): void {
  for (const cache of live) cache.forget(true);
}
