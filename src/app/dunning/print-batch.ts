/**
 * A run's print batch, in parts: its letters in print order (registered letters first), cut into
 * files of a bounded number of letters. One PDF of a large run's letters would near PostgreSQL's
 * 1 GB value limit and take hours to lay out at once; a part is a letter of its own, laid out when
 * first downloaded and kept, like the others (migration 0038).
 */
import type { Kysely } from 'kysely';
import { insertDeferredLetters } from '#db/dunning/action-batches';
import { selectRunDelivery } from '#db/dunning/run-delivery-queries';
import type { Database } from '#db/infra/schema';
import { type Lang, translator } from '#text/catalogue';
import { runBatchJob } from './letter-content.ts';
import { letterPath } from './plan-run.ts';

/** Letters per file: a PDF of a few megabytes, a few minutes of layout, a printer's tray or two. */
export const PRINT_BATCH_LETTERS = 1_000;

export interface BatchFileView {
  letterId: number;
  path: string;
  filename: string;
  /** 1-based, of `parts`. */
  part: number;
  parts: number;
  /** The part's first letter in the run's print order (0-based) and how many it holds. */
  firstLetter: number;
  letters: number;
}

/**
 * A part's file name in `lang` (stored in French, the company's; worded again in the language of
 * whoever downloads it). The parts' names sort in print order: the part number is padded to the
 * count's width.
 */
export function partFilename(asOf: string, part: number, parts: number, lang: Lang = 'fr'): string {
  const t = translator(lang);
  if (parts === 1) return t('dunning.letter.batchFilename', { date: asOf });
  const width = String(parts).length;
  return t('dunning.letter.batchPartFilename', {
    date: asOf,
    part: String(part).padStart(width, '0'),
    parts: String(parts),
  });
}

/** A stored part's file name in `lang`, from its run; null when the run does not list it. */
export async function storedPartFilename(
  db: Kysely<Database>,
  companyId: string,
  part: { runId: number; letterId: number },
  lang: Lang,
): Promise<string | null> {
  const run = await selectRunDelivery(db, companyId, part.runId);
  const index = run?.batchLetterIds.indexOf(part.letterId) ?? -1;
  return run && index >= 0 ? partFilename(run.asOf, index + 1, run.batchLetterIds.length, lang) : null;
}

/** Stores the parts of a run's print batch (none without letters), in print order. */
export async function storePrintBatch(
  db: Kysely<Database>,
  companyId: string,
  run: { runId: number; asOf: string; letters: number },
  lettersPerFile: number = PRINT_BATCH_LETTERS,
): Promise<BatchFileView[]> {
  if (!Number.isInteger(lettersPerFile) || lettersPerFile < 1)
    throw new Error(`a print batch file needs at least one letter (${lettersPerFile})`);
  const parts = Math.ceil(run.letters / lettersPerFile);
  const files = Array.from({ length: parts }, (_, index) => {
    const firstLetter = index * lettersPerFile;
    const letters = Math.min(lettersPerFile, run.letters - firstLetter);
    return {
      part: index + 1,
      parts,
      firstLetter,
      letters,
      filename: partFilename(run.asOf, index + 1, parts),
    };
  });
  const ids = await insertDeferredLetters(
    db,
    companyId,
    files.map((file) => ({
      filename: file.filename,
      renderJob: runBatchJob(run.runId, { offset: file.firstLetter, limit: file.letters }),
    })),
  );
  return files.map((file, index) => {
    const letterId = ids[index] as number;
    return { ...file, letterId, path: letterPath(letterId) as string };
  });
}
