/**
 * Client of the BODACC open-data records API (OpenDataSoft v1, dataset `annonces-commerciales`):
 * the announcements naming a set of SIRENs, published since a date, page by page. The base URL,
 * timeout and retries are settings (the job's payload); `fetch` and the pause between attempts are
 * injected so no test touches the network or waits. The answers are public, but logs name only the
 * request's size and status, never the announcements.
 */
import type { Logger } from '../context.ts';

export const DEFAULT_BODACC_URL = 'https://bodacc-datadila.opendatasoft.com';
/** SIRENs per query: the query string stays short, and one answer small. */
export const SIRENS_PER_QUERY = 20;
const ROWS_PER_PAGE = 100;
/** A guard against an answer whose hit count never ends. */
const MAX_PAGES = 50;

export interface BodaccClientOptions {
  baseUrl?: string | undefined;
  timeoutMs?: number | undefined;
  /** Further attempts after a network error, a timeout, a 429 or a 5xx. */
  retries?: number | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  pause?: ((attempt: number) => Promise<void>) | undefined;
  log?: Logger | undefined;
}

export interface BodaccClient {
  /** Every record naming one of the SIRENs, published on or after `since` when given. */
  fetchRecords(sirens: readonly string[], since: string | null): Promise<{ records: unknown[] }>;
}

/** The register did not answer (an environment failure, not a business outcome). */
export class BodaccUnavailable extends Error {
  readonly status: number | null;
  constructor(status: number | null) {
    super(`BODACC records API unavailable${status === null ? '' : ` (HTTP ${status})`}`);
    this.name = 'BodaccUnavailable';
    this.status = status;
  }
}

const backOff = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 500 * 2 ** attempt));

/** `registre:(A OR B)`, and the publication date from `since` on. */
export function bodaccQuery(sirens: readonly string[], since: string | null): string {
  const registre = `registre:(${sirens.join(' OR ')})`;
  return since === null ? registre : `${registre} AND dateparution>=${since}`;
}

export function createBodaccClient(options: BodaccClientOptions = {}): BodaccClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BODACC_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const doFetch = options.fetch ?? globalThis.fetch;
  const pause = options.pause ?? backOff;

  async function page(query: string, start: number): Promise<{ nhits: number; records: unknown[] }> {
    const params = new URLSearchParams({
      dataset: 'annonces-commerciales',
      q: query,
      rows: String(ROWS_PER_PAGE),
      start: String(start),
      sort: 'dateparution',
    });
    for (let attempt = 0; ; attempt += 1) {
      let status: number | null = null;
      try {
        const response = await doFetch(`${baseUrl}/api/records/1.0/search/?${params}`, {
          headers: { accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        if (response.ok) {
          const body = (await response.json()) as { nhits?: unknown; records?: unknown };
          const records = Array.isArray(body.records) ? body.records : [];
          return { nhits: typeof body.nhits === 'number' ? body.nhits : records.length, records };
        }
        options.log?.warn('BODACC request refused', { status, start });
        if (status !== 429 && status < 500) throw new BodaccUnavailable(status);
      } catch (error) {
        if (error instanceof BodaccUnavailable) throw error;
        options.log?.warn('BODACC request failed', { error: (error as Error).name, start });
      }
      if (attempt >= retries) throw new BodaccUnavailable(status);
      await pause(attempt);
    }
  }

  return {
    async fetchRecords(sirens, since) {
      const records: unknown[] = [];
      for (let first = 0; first < sirens.length; first += SIRENS_PER_QUERY) {
        const query = bodaccQuery(sirens.slice(first, first + SIRENS_PER_QUERY), since);
        for (let index = 0, start = 0; index < MAX_PAGES; index += 1) {
          const answer = await page(query, start);
          records.push(...answer.records);
          start += answer.records.length;
          if (answer.records.length === 0 || start >= answer.nhits) break;
        }
      }
      options.log?.info('BODACC records fetched', { sirens: sirens.length, records: records.length });
      return { records };
    },
  };
}
