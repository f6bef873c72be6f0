/**
 * Client of the public "API Recherche d'entreprises" (`GET {baseUrl}/search?q=SIREN`). The base
 * URL, timeout and retries are settings; answers are cached in memory by query for the client's
 * life (the register changes slowly, and the API limits callers' rates). `fetch` and the pause
 * between attempts are injected so no test touches the network or waits. Logs name the query and
 * the status only: the answer holds directors' names.
 */
import type { Logger } from '../context.ts';

export interface CompanyDataClientOptions {
  baseUrl?: string | undefined;
  timeoutMs?: number | undefined;
  /** Further attempts after a network error, a timeout, a 429 or a 5xx. */
  retries?: number | undefined;
  /** Entries kept in the cache; the oldest goes first. */
  cacheSize?: number | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  pause?: ((attempt: number) => Promise<void>) | undefined;
  log?: Logger | undefined;
}

export interface CompanyDataClient {
  /** The search answer for a SIREN or SIRET, as the API returns it. */
  search(query: string): Promise<unknown>;
}

/** The register did not answer (an environment failure, not a business outcome). */
export class CompanyDataUnavailable extends Error {
  readonly status: number | null;
  constructor(query: string, status: number | null) {
    super(`company register unavailable for ${query}${status === null ? '' : ` (HTTP ${status})`}`);
    this.name = 'CompanyDataUnavailable';
    this.status = status;
  }
}

export const DEFAULT_COMPANY_DATA_URL = 'https://recherche-entreprises.api.gouv.fr';

const backOff = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 500 * 2 ** attempt));

export function createCompanyDataClient(options: CompanyDataClientOptions = {}): CompanyDataClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_COMPANY_DATA_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = options.retries ?? 2;
  const cacheSize = options.cacheSize ?? 1_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const pause = options.pause ?? backOff;
  const cache = new Map<string, unknown>();

  async function attempt(query: string): Promise<{ retry: boolean; body?: unknown; status?: number }> {
    try {
      const response = await doFetch(`${baseUrl}/search?q=${encodeURIComponent(query)}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return { retry: false, body: await response.json() };
      return { retry: response.status === 429 || response.status >= 500, status: response.status };
    } catch (error) {
      options.log?.warn('company data request failed', { query, error: (error as Error).name });
      return { retry: true };
    }
  }

  return {
    async search(query) {
      const key = query.replace(/\s/g, '');
      if (cache.has(key)) return cache.get(key);
      for (let tries = 0; ; tries += 1) {
        const outcome = await attempt(key);
        if (outcome.body !== undefined) {
          if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
          cache.set(key, outcome.body);
          return outcome.body;
        }
        options.log?.warn('company data request refused', { query: key, status: outcome.status ?? null });
        if (!outcome.retry || tries >= retries) {
          throw new CompanyDataUnavailable(key, outcome.status ?? null);
        }
        await pause(tries);
      }
    },
  };
}
