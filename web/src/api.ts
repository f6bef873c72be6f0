/** The HTTP API as the web application sees it: JSON in and out, problems as errors, CSRF on writes. */

// The API's shapes are the static types of its response schemas (src/http/schemas): one contract, no copy.
// Type-only: nothing of the server reaches the bundle.
export type { AuditEntry } from '../../src/http/schemas/audit.ts';
export type { ApiToken, CreatedToken, Me, User } from '../../src/http/schemas/auth.ts';
export type {
  Contact,
  CustomerEvent,
  CustomerFile,
  CustomerPage,
  CustomerSummary,
  LastDunningStep,
  OpenItem,
  PaymentBehaviour,
  PortfolioSummary,
} from '../../src/http/schemas/customers.ts';
export type { Colleague, UserAccount } from '../../src/http/schemas/users.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function csrfToken(): string | null {
  const match = /(?:^|;\s*)encours_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** A call with the session cookie: a JSON body if any, the CSRF token on every write. */
function send(
  path: string,
  method: string,
  body: unknown,
  accept?: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extra, ...(accept ? { accept } : {}) };
  // The application's language, not the browser's: the server words its answers and errors in it.
  headers['accept-language'] = localStorage.getItem('encours.lang') === 'en' ? 'en' : 'fr';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * A new `Idempotency-Key`, to send again when the same request is retried so that the server acts
 * once: `crypto.randomUUID` in a secure context (HTTPS, localhost), else a version-4 UUID from
 * `getRandomValues`, which a page served over plain HTTP on the local network still has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A failed call's problem document (application/problem+json) as an error. */
const problemOf = (response: Response, payload: { code?: string; detail?: string } | null): ApiError =>
  new ApiError(response.status, payload?.code ?? 'error', payload?.detail ?? response.statusText);

/** `headers`: what a route reads besides the body, such as an `Idempotency-Key` (see `newIdempotencyKey`). */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  if (method !== 'GET') ahead.clear();
  const response = await send(path, method, init.body, 'application/json', init.headers);
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw problemOf(response, payload);
  return payload as T;
}

/**
 * Answers asked for before the component that reads them mounts (`prefetch`), by path: the first
 * page's data travels while its code is still loading, instead of after it. Each is read once
 * (`prefetched`, by `useApi`), and only for a while: a component mounting later, or a reload, asks
 * again; a write forgets them all, so nothing read after a change predates it.
 */
const ahead = new Map<string, { askedAt: number; answer: Promise<unknown> }>();
/** When a component last asked for a path itself: asking it ahead then would be a second request. */
const readAt = new Map<string, number>();
const AHEAD_MS = 15_000;
const recent = (at: number | undefined) => at !== undefined && performance.now() - at <= AHEAD_MS;

/** Asks for `path` now, for the `useApi` that will read it; settles when the answer is in. */
export function prefetch(path: string): Promise<unknown> {
  if (recent(readAt.get(path))) return Promise.resolve();
  const asked = ahead.get(path)?.answer ?? api(path);
  ahead.set(path, { askedAt: performance.now(), answer: asked });
  // Its reader sees a failure; an answer nobody reads must not be an unhandled rejection.
  return asked.catch(() => undefined);
}

/** The answer asked ahead for `path`, if still fresh; null: ask now. */
export function prefetched<T>(path: string): Promise<T> | null {
  const entry = ahead.get(path);
  ahead.delete(path);
  readAt.set(path, performance.now());
  return entry && recent(entry.askedAt) ? (entry.answer as Promise<T>) : null;
}

/**
 * A file of the API (a PDF to show in a frame, a report to save): GET, or POST when a JSON body
 * travels with it; a problem throws an `ApiError` as `api` does.
 */
export async function fetchFile(path: string, body?: unknown): Promise<Response> {
  const response = await send(path, body === undefined ? 'GET' : 'POST', body);
  if (!response.ok) throw problemOf(response, await response.json().catch(() => null));
  return response;
}

/**
 * Saves a file of the API under the name the server gives it. A plain link (`<a href download>`,
 * see ExportButtons) does for a GET; this is for the files a link cannot ask for, such as a POST.
 */
export async function download(path: string, body?: unknown): Promise<void> {
  const response = await fetchFile(path, body);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download =
    fileNameOf(response.headers.get('content-disposition')) ?? path.split('?')[0]?.split('/').at(-1) ?? '';
  link.click();
  URL.revokeObjectURL(url);
}

/** The name in a Content-Disposition: the exact UTF-8 `filename*` first, else the plain `filename`. */
function fileNameOf(disposition: string | null): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]*)"/i.exec(disposition ?? '')?.[1] ?? null;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The message of a failed call, for an alert. */
export const problemText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
