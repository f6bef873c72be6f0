/**
 * A stored letter's PDF. A run keeps what each letter says and lays it out when it is first read
 * (migration 0028): the letter downloaded, or a part of the print batch, made of a stretch of
 * the run's letters in print order. The bytes are then kept, so every later reader gets the same
 * file.
 */
import type { Kysely } from 'kysely';
import {
  type PrintRange,
  selectLetter,
  selectRunLetterJobs,
  storeLetterContent,
} from '#db/dunning/letter-queries';
import type { Database } from '#db/infra/schema';
import { modelsOfJob } from '#render/letter-job';
import { renderLetters, renderLettersJob } from '#render/letters';

/**
 * The render job of a part of a run's print batch: a stretch of the run's letters in print order,
 * resolved when it is printed. A job without a stretch (a run made before migration 0038) is
 * every letter of the run.
 */
export const runBatchJob = (runId: number, range: PrintRange) => ({ kind: 'run_batch', runId, ...range });

function printRangeOf(job: { offset?: unknown; limit?: unknown }): PrintRange | undefined {
  const { offset, limit } = job;
  return typeof offset === 'number' && typeof limit === 'number' ? { offset, limit } : undefined;
}

/** The run whose print batch a job lays out a part of; null for a letter of its own. */
export function batchRunOf(job: unknown): number | null {
  const batch = job as { kind?: unknown; runId?: unknown } | null;
  return batch?.kind === 'run_batch' && typeof batch.runId === 'number' ? batch.runId : null;
}

async function render(db: Kysely<Database>, companyId: string, job: unknown): Promise<Buffer> {
  const batch = job as { kind?: unknown; runId?: unknown; offset?: unknown; limit?: unknown } | null;
  if (batch?.kind !== 'run_batch' || typeof batch.runId !== 'number') return renderLettersJob(job);
  const jobs = await selectRunLetterJobs(db, companyId, batch.runId, printRangeOf(batch));
  return renderLetters(jobs.flatMap(modelsOfJob));
}

export async function letterContent(
  db: Kysely<Database>,
  companyId: string,
  letterId: number,
): Promise<{ filename: string; content: Buffer; batchRunId: number | null } | null> {
  const row = await selectLetter(db, companyId, letterId);
  if (!row) return null;
  const batchRunId = batchRunOf(row.renderJob);
  if (row.content) return { filename: row.filename, content: row.content, batchRunId };
  const pdf = await render(db, companyId, row.renderJob);
  return {
    filename: row.filename,
    content: await storeLetterContent(db, companyId, letterId, pdf),
    batchRunId,
  };
}
