/**
 * What protects the API as a whole, with maintained packages: security headers and a
 * Content-Security-Policy the built web application runs under (helmet's, computed once), a
 * request rate limit per address (rate-limit), a 503 instead of a crash when the process is
 * overloaded (under-pressure), and bad input refused before any use case sees it (NUL characters,
 * which PostgreSQL text cannot hold).
 */
import { getHeapStatistics } from 'node:v8';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestHookHandler,
  onSendHookHandler,
  preValidationHookHandler,
} from 'fastify';
import helmetMiddleware from 'helmet';
import { HttpProblem } from './api-types.ts';

export interface HardeningOptions {
  /** Requests per minute and address (ENCOURS_RATE_LIMIT; 0 turns the limit off). */
  requestsPerMinute?: number;
}

/** Sign-in attempts per minute and address, on top of the failure throttle of auth-throttle.ts. */
const LOGIN_REQUESTS_PER_MINUTE = 30;
const DEFAULT_REQUESTS_PER_MINUTE = 3000;

/**
 * The web application is Vite's build: scripts and styles are files of its own origin, but
 * Mantine and ECharts write style elements and attributes at run time ('unsafe-inline' for
 * styles only), images may be data: or blob: URLs (charts saved as pictures), and frames blob:
 * URLs (a letter's PDF preview).
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    // The letter preview shows the PDF the server rendered from a blob: URL in a frame.
    frameSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Powerful browser features the application never uses, switched off for it and anything it embeds. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/** Helmet's options (those this server passes) and its middleware, as `helmet()` returns it. */
interface HelmetOptions {
  contentSecurityPolicy: typeof CONTENT_SECURITY_POLICY;
  frameguard: { action: 'deny' };
  referrerPolicy: { policy: 'same-origin' };
}
type HeaderRecorder = { setHeader(name: string, value: string): void; removeHeader(name: string): void };
type HelmetMiddleware = (request: unknown, response: HeaderRecorder, next: (error?: unknown) => void) => void;

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
};

/**
 * The headers helmet sets, computed once. The @fastify/helmet plugin built helmet's middleware
 * anew on every request (parsing the policy, dashing every directive name), about 4 % of the
 * process's time per order check, for headers that depend on the options alone. So helmet's own
 * middleware runs once here against a recorder of its calls.
 */
function securityHeaders(): { set: [string, string][]; removed: string[] } {
  const helmet = helmetMiddleware as unknown as (options: HelmetOptions) => HelmetMiddleware;
  const set = new Map<string, string>();
  const removed: string[] = [];
  const recorder: HeaderRecorder = {
    setHeader: (name, value) => void set.set(name, value),
    removeHeader: (name) => {
      set.delete(name);
      removed.push(name);
    },
  };
  helmet(HELMET_OPTIONS)(undefined, recorder, (error) => {
    if (error) throw error;
  });
  return { set: [...set], removed };
}

type StoreCallback = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * The counters of the rate limit, in memory. The plugin's own store hands every caller the same
 * mutable counter object, which concurrent requests read only after all of them incremented it:
 * a burst of 40 requests against a limit of 30 was refused whole. This one answers a snapshot.
 */
class WindowStore {
  readonly #windows = new Map<string, { current: number; startMs: number }>();
  #calls = 0;

  incr(key: string, callback: StoreCallback, timeWindow: number): void {
    const now = Date.now();
    if (++this.#calls % 10_000 === 0) this.#prune(now, timeWindow);
    let window = this.#windows.get(key);
    if (!window || window.startMs + timeWindow <= now) {
      window = { current: 0, startMs: now };
      this.#windows.set(key, window);
    }
    window.current++;
    callback(null, { current: window.current, ttl: window.startMs + timeWindow - now });
  }

  read(key: string, callback: StoreCallback, timeWindow: number): void {
    const now = Date.now();
    const window = this.#windows.get(key);
    const alive = window && window.startMs + timeWindow > now;
    callback(
      null,
      alive
        ? { current: window.current, ttl: window.startMs + timeWindow - now }
        : { current: 0, ttl: timeWindow },
    );
  }

  child(): WindowStore {
    return new WindowStore();
  }

  #prune(now: number, timeWindow: number): void {
    for (const [key, window] of this.#windows)
      if (window.startMs + timeWindow <= now) this.#windows.delete(key);
  }
}

export function requestsPerMinuteFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['ENCOURS_RATE_LIMIT'];
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isInteger(value) && value >= 0 ? value : DEFAULT_REQUESTS_PER_MINUTE;
}

export async function registerHardening(app: FastifyInstance, options: HardeningOptions = {}): Promise<void> {
  // On the raw response, first thing, as the plugin did; callback hooks: no promise per request.
  const { set, removed } = securityHeaders();
  const applySecurityHeaders: onRequestHookHandler = (_request, reply, done) => {
    for (const name of removed) reply.raw.removeHeader(name);
    for (const [name, value] of set) reply.raw.setHeader(name, value);
    done();
  };
  app.addHook('onRequest', applySecurityHeaders);
  const addPermissionsPolicy: onSendHookHandler = (_request, reply, payload, done) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    done(null, payload);
  };
  app.addHook('onSend', addPermissionsPolicy);

  const requestsPerMinute = options.requestsPerMinute ?? requestsPerMinuteFromEnv();
  await app.register(rateLimit, {
    global: requestsPerMinute > 0,
    max: (request: FastifyRequest) => (isLogin(request) ? LOGIN_REQUESTS_PER_MINUTE : requestsPerMinute),
    timeWindow: 60_000,
    store: WindowStore,
    keyGenerator: (request) => `${isLogin(request) ? 'login' : 'all'}|${request.ip}`,
    errorResponseBuilder: (_request, context) => {
      // The wait in whole seconds, as the retry-after header says it.
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpProblem(
        429,
        'too_many_requests',
        { key: 'errors.http.tooManyRequests', params: { seconds } },
        { 'retry-after': String(seconds) },
      );
    },
  });

  await app.register(underPressure, {
    // The database runs in a worker or another process, so a long delay here means real trouble.
    // ENCOURS_MAX_EVENT_LOOP_DELAY_MS=0 turns the check off (the test suite does: a loaded CI
    // machine stalls the loop for seconds without anything being wrong with the server).
    maxEventLoopDelay: Number(process.env['ENCOURS_MAX_EVENT_LOOP_DELAY_MS'] ?? 5000),
    maxHeapUsedBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.9),
    retryAfter: 10,
    exposeStatusRoute: false,
    pressureHandler: (request, _reply, type) => {
      // The page shell and its assets are static files: refusing them would show the user a JSON
      // problem in place of the app. The app's own API calls get the 503 and say so in the page.
      if (!request.url.startsWith('/api/')) return;
      throw new HttpProblem(
        503,
        'overloaded',
        { key: 'errors.http.overloaded', params: { type } },
        { 'retry-after': '10' },
      );
    },
  });

  app.addHook('preValidation', refuseNul);
}

/** Input with a NUL refused, the body first; a callback hook: no promise nor array per request. */
const refuseNul: preValidationHookHandler = (request, _reply, done) => {
  const part = containsNul(request.body)
    ? 'body'
    : containsNul(request.query)
      ? 'query'
      : containsNul(request.params)
        ? 'path'
        : undefined;
  if (part === undefined) done();
  else done(new HttpProblem(400, 'invalid_input', { key: 'errors.http.nul', params: { part } }));
};

function isLogin(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.url.split('?')[0] === '/api/auth/login';
}

/** Any NUL in a string, key or value of a parsed body (walked to a bounded depth). */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(item, depth + 1)) return true;
  }
  return false;
}
