/**
 * The dunning run's deferred PDFs timed on a sample of its letters (the layout engine's part,
 * which a run leaves to the print batch and the downloads), extrapolated to all of them.
 */
import { letterContent } from '#app/dunning/letter-content';
import { selectActions } from '#db/dunning/action-queries';
import { selectLetter } from '#db/dunning/letter-queries';
import { modelsOfJob } from '#render/letter-job';
import { type LetterModel, renderLetters } from '#render/letters';
import type { Company } from './dunning-digest.ts';

/**
 * The deferred PDFs: the first `sample` letters of the run laid out one by one as a download
 * would (in this thread, a single letter being below the pool's weight), and the same letters as
 * one print batch (in the PDF pool, as the batch of a run is); then the time for all the run's
 * letters and e-mail statements at the single-letter pace — an extrapolation, said as such.
 */
export async function timeDeferredLetters(company: Company, sample: number, run: unknown) {
  const { runId, letters, emails } = run as { runId: number; letters: number; emails: number };
  const page = await selectActions(company.db, 'SCALE', { runId }, { limit: sample * 3, offset: 0 });
  const ids = page.items.flatMap((a) => (a.letterId === null ? [] : [a.letterId])).slice(0, sample);
  const models: LetterModel[] = [];
  for (const id of ids) {
    const job = (await selectLetter(company.db, 'SCALE', id))?.renderJob;
    if (job) models.push(...modelsOfJob(job));
  }
  const batchStarted = performance.now();
  const batch = await renderLetters(models);
  const batchPerLetterMs = (performance.now() - batchStarted) / Math.max(1, models.length);
  const started = performance.now();
  let bytes = 0;
  for (const id of ids) bytes += (await letterContent(company.db, 'SCALE', id))?.content.length ?? 0;
  const perLetterMs = ids.length === 0 ? 0 : (performance.now() - started) / ids.length;
  return {
    sampled: ids.length,
    perLetterMs: Math.round(perLetterMs),
    meanKb: ids.length === 0 ? 0 : Math.round(bytes / ids.length / 1024),
    batchPerLetterMs: Math.round(batchPerLetterMs),
    batchKb: Math.round(batch.length / 1024),
    // E-mails to ask for money carry the same statement (a courtesy notice carries none): an upper bound.
    extrapolatedAllPdfSeconds: Math.round((perLetterMs * (letters + emails)) / 1000),
    extrapolatedPrintBatchSeconds: Math.round((batchPerLetterMs * letters) / 1000),
  };
}
