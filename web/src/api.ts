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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, payload?.code ?? 'error', payload?.detail ?? response.statusText);
  }
  return payload as T;
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
