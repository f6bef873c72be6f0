/** The HTTP API as the web application sees it: JSON in and out, problems as errors, CSRF on writes. */

export interface User {
  email: string;
  name: string;
  role: 'admin' | 'credit_manager' | 'collector' | 'salesperson' | 'director';
  salesperson: string | null;
}

export interface Me {
  companyId: string;
  user: User;
  csrfToken: string | null;
}

export interface CustomerSummary {
  code: string;
  name: string;
  customerType: string;
  salesperson: string | null;
  status: string;
  creditLimitMinor: number | null;
  balanceMinor: number;
  overdueMinor: number;
  currency: string;
}

export interface CustomerPage {
  asOf: string;
  total: number;
  items: CustomerSummary[];
}

export interface Contact {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
}

export interface OpenItem {
  documentId: number;
  kind: string;
  externalRef: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  currency: string;
  label: string | null;
  daysPastDue: number;
}

export interface CustomerEvent {
  kind: string;
  eventDate: string;
  documentRef: string | null;
  detail: string;
  createdBy: string | null;
}

export interface CustomerFile {
  asOf: string;
  customer: {
    code: string;
    name: string;
    siren: string | null;
    siret: string | null;
    vatNumber: string | null;
    customerType: string;
    salesperson: string | null;
    paymentTerms: string;
    currency: string;
    creditLimitMinor: number | null;
    billingEmail: string | null;
    contacts: Contact[];
    addressLine1: string | null;
    postalCode: string | null;
    city: string | null;
    country: string;
    status: string;
  };
  balanceMinor: number;
  overdueMinor: number;
  currency: string;
  openItems: OpenItem[];
  orders: { number: string; orderDate: string; amountMinor: number; status: string }[];
  events: CustomerEvent[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

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

export interface UserAccount extends User {
  disabled: boolean;
}

export interface ApiToken {
  id: number;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The message of a failed call, for an alert. */
export const problemText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
