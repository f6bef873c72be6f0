/**
 * The history of the dunning runs carried out, newest first, a page at a time: each run's date,
 * who ran it, what it sent by channel, the tasks it raised and the amount it claims, with its
 * print batch. A run is the whole company's: a salesperson gets none (as a run's delivery).
 */
import { type RunHistoryRow, selectRunHistory } from '#db/dunning/run-history-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { portfolioOf } from './queries.ts';

/** The largest page of runs. */
export const MAX_RUN_PAGE = 100;

export interface RunHistoryItem extends Omit<RunHistoryRow, 'batchLetterIds' | 'createdAt'> {
  createdAt: string;
  /** The print batch's files in print order: letters to print and post, registered ones first. */
  batchFiles: { letterId: number; path: string; part: number; parts: number }[];
}

export async function listDunningRunHistory(
  ctx: AppContext,
  input: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<{ total: number; items: RunHistoryItem[] }> {
  const page = { limit: input.limit ?? 20, offset: input.offset ?? 0 };
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_RUN_PAGE)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.pageLimit',
      params: { max: MAX_RUN_PAGE },
    });
  if (!Number.isInteger(page.offset) || page.offset < 0)
    throw new DomainError('invalid_input', { key: 'errors.dunning.pageOffset' });
  if (portfolioOf(ctx) !== undefined) return { total: 0, items: [] };
  const { total, items } = await selectRunHistory(ctx.db, ctx.companyId, page);
  return {
    total,
    items: items.map(({ batchLetterIds, createdAt, ...row }) => ({
      ...row,
      createdAt: createdAt.toISOString(),
      batchFiles: batchLetterIds.map((letterId, index) => ({
        letterId,
        path: `/api/dunning/letters/${letterId}`,
        part: index + 1,
        parts: batchLetterIds.length,
      })),
    })),
  };
}
