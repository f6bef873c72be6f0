/**
 * File uploads for the Imports page. `fetch` cannot report upload progress, XMLHttpRequest can;
 * a rejected file (422 with `errors`) comes back as `ImportRejected` listing every bad row.
 */
import { ApiError, csrfToken } from './api.ts';
import type { Lang } from './i18n.tsx';

export const IMPORT_KINDS = ['customers', 'invoices', 'credit-notes', 'payments', 'orders', 'fec'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportSummary {
  entity: string;
  file: string;
  dryRun: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  allocations: number;
  unappliedPayments: number;
}

export interface CustomerDifference {
  code: string;
  name: string;
  fecBalanceMinor: number;
  sumOpenItemsMinor: number;
  differenceMinor: number;
}

export interface FecSummary {
  file: string;
  dryRun: boolean;
  currency: string;
  lines: number;
  entries: number;
  customers: number;
  documents: { invoices: number; creditNotes: number; payments: number; other: number };
  allocations: number;
  openItems: number;
  reconciliation: {
    asOf: string;
    controlBalanceMinor: number;
    sumOpenItemsMinor: number;
    customersWithDifference: CustomerDifference[];
  };
  changes: {
    customersInserted: number;
    documentsInserted: number;
    documentsUpdated: number;
    documentsUnchanged: number;
    allocationsInserted: number;
    allocationsReversed: number;
  };
  warnings: string[];
}

export interface RejectedRow {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  /** Stable problem code (spreadsheet imports) and the values of its message. */
  code?: string;
  params?: Record<string, string | number>;
  /** The message, in the language sent with the upload. */
  reason: string;
}

export class ImportRejected extends Error {
  readonly rows: RejectedRow[];

  constructor(detail: string, rows: RejectedRow[]) {
    super(detail);
    this.rows = rows;
  }
}

export function importPath(kind: ImportKind, dryRun: boolean): string {
  return `/api/imports/${kind}${dryRun ? '?dryRun=true' : ''}`;
}

/**
 * Posts `file` as the multipart field `file`, after a `lang` field so that the problems of a rejected
 * file come back in the user's language; `onProgress` gets the share of bytes sent (0 to 1).
 */
export function uploadFile<T>(
  path: string,
  file: File,
  lang: Lang,
  onProgress: (sentRatio: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const payload = xhr.response as { code?: string; detail?: string; errors?: RejectedRow[] } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else if (xhr.status === 422 && Array.isArray(payload?.errors))
        reject(new ImportRejected(payload.detail ?? '', payload.errors));
      else reject(new ApiError(xhr.status, payload?.code ?? 'error', payload?.detail ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    const form = new FormData();
    form.append('lang', lang);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
