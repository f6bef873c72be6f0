/**
 * File uploads for the Imports page. `fetch` cannot report upload progress, XMLHttpRequest can;
 * a rejected file (422 with `errors`) comes back as `ImportRejected` listing every bad row.
 */
import type { RejectedProblem, RejectedRow } from '../../src/http/schemas/problem.ts';
import type { DateOrder } from '../../src/importers/date-order.ts';
import { ApiError, csrfToken } from './api.ts';
import type { Lang } from './i18n.tsx';

export const IMPORT_KINDS = ['customers', 'invoices', 'credit-notes', 'payments', 'orders', 'fec'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

// The answers of the import routes are the static types of the API's schemas (type-only).
export type { CustomerDifference, FecSummary, ImportSummary } from '../../src/http/schemas/imports.ts';
export type { RejectedRow } from '../../src/http/schemas/problem.ts';

/** The problems of a kind in a column, over the whole file (the API lists its first rows only). */
export type ProblemGroup = NonNullable<RejectedProblem['groups']>[number];

export class ImportRejected extends Error {
  /** The first bad rows (200 at most), in file order. */
  readonly rows: RejectedRow[];
  readonly problemCount: number;
  readonly lineCount: number;
  readonly groups: ProblemGroup[];
  /** Headers of the file no field takes. */
  readonly unmappedColumns: string[];

  constructor(detail: string, rows: RejectedRow[], summary: Partial<RejectedProblem> = {}) {
    super(detail);
    this.rows = rows;
    this.problemCount = summary.problemCount ?? rows.length;
    this.lineCount =
      summary.lineCount ?? new Set(rows.flatMap((row) => (row.line > 0 ? [row.line] : []))).size;
    this.groups = summary.groups ?? [];
    this.unmappedColumns = summary.unmappedColumns ?? [];
  }
}

/** What the person decided about the file's columns: skip those Encours does not know, read one as a field. */
export interface ColumnChoices {
  ignoreUnknown: boolean;
  /** Header → field name, or 'ignore'. */
  map: Readonly<Record<string, string>>;
}

export const NO_COLUMN_CHOICES: ColumnChoices = { ignoreUnknown: false, map: {} };

/** The day/month order a person can impose on a file's dates; 'auto' lets the server read it per column. */
export const DATE_ORDER_CHOICES = ['auto', 'dmy', 'mdy', 'ymd'] as const satisfies readonly (
  | 'auto'
  | DateOrder
)[];
export type DateOrderChoice = (typeof DATE_ORDER_CHOICES)[number];

/**
 * The upload route of `kind`; the date order and the column choices are sent only when the person
 * made some (spreadsheets).
 */
export function importPath(
  kind: ImportKind,
  dryRun: boolean,
  dateOrder: DateOrderChoice = 'auto',
  columns: ColumnChoices = NO_COLUMN_CHOICES,
): string {
  const query = new URLSearchParams();
  if (dryRun) query.set('dryRun', 'true');
  if (dateOrder !== 'auto' && kind !== 'fec') query.set('dateOrder', dateOrder);
  if (kind !== 'fec') {
    if (columns.ignoreUnknown) query.set('ignoreUnknownColumns', 'true');
    for (const [column, field] of Object.entries(columns.map)) query.append('map', `${column}=${field}`);
  }
  const search = query.toString();
  return `/api/imports/${kind}${search ? `?${search}` : ''}`;
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
      const payload = xhr.response as Partial<RejectedProblem> | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else if (xhr.status === 422 && Array.isArray(payload?.errors))
        reject(new ImportRejected(payload.detail ?? '', payload.errors, payload));
      else reject(new ApiError(xhr.status, payload?.code ?? 'error', payload?.detail ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    const form = new FormData();
    form.append('lang', lang);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
