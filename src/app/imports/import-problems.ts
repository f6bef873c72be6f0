/**
 * The problems of a rejected import, worded for the person who sent the file: the importers and
 * the import use cases collect codes and params (`#importers/problems`), this turns them into
 * the problem list and the sentence of the rejection, in the language of the request.
 */
import type { ImportError } from '#importers/parse-file';
import { isLang, type Lang } from '#text/catalogue';
import { importProblemMessage, importRejectionMessage } from '#text/import-problems';
import { DomainError } from '../errors.ts';

/** The languages an import answers in (the catalogue's). */
export type ImportLang = Lang;
export const isImportLang = isLang;

/** A problem with its message: what the HTTP answer, the CLI and the web app show. */
export interface WordedImportError extends ImportError {
  reason: string;
}

export function wordProblems(errors: readonly ImportError[], lang: ImportLang): WordedImportError[] {
  return errors.map((error) => ({ ...error, reason: importProblemMessage(lang, error.code, error.params) }));
}

/** The sentence of a rejected file (its problems are listed apart). */
export function describeRejection(
  fileName: string,
  problemCount: number,
  lineCount: number,
  lang: ImportLang,
): string {
  return importRejectionMessage(lang, fileName, problemCount, lineCount);
}

/** The error of a rejected file: nothing was written; every problem worded in `details.errors`. */
export function importRejected(
  fileName: string,
  errors: readonly ImportError[],
  lang: ImportLang,
): DomainError {
  const lines = new Set(errors.map((error) => error.line)).size;
  return new DomainError('import_rejected', describeRejection(fileName, errors.length, lines, lang), {
    errors: wordProblems(errors, lang),
  });
}
