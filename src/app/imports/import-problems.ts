/**
 * The problems of a rejected import, worded for the person who sent the file: the importers and
 * the import use cases collect codes and params (`#importers/problems`), this turns them into
 * the problem list and the sentence of the rejection, in the language of the request.
 */
import type { ImportError } from '#importers/parse-file';
import { isLang, type Lang, translator } from '#text/catalogue';
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

/**
 * PostgreSQL's codes of a write that met another transaction's: deadlock, serialization. Not a
 * unique-key error: under the upserts and the import turn, one left is a bug to see, not a retry.
 */
const CONCURRENT_WRITE_CODES: ReadonlySet<string> = new Set(['40P01', '40001']);

/**
 * A file whose transaction met another writer of the same records (a cash application, a FEC
 * import…: imports of one entity take turns, see takeImportTurn): nothing was written, and the
 * person may send it again. A conflict (409) with a sentence rather than an unexpected error.
 */
export function concurrentWriteConflict(
  error: unknown,
  fileName: string,
  lang: ImportLang,
): DomainError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !CONCURRENT_WRITE_CODES.has(code)) return null;
  return new DomainError('conflict', translator(lang)('imports.concurrentWrite', { file: fileName }), {
    reason: 'concurrent_write',
  });
}

/**
 * A file that waited longer than its limit for another import of the same entity to finish (see
 * takeImportTurn): nothing was written, and the person may send it again once that one is done.
 * The same conflict (409) as a concurrent write, with its own sentence and reason.
 */
export function importTurnTimedOut(fileName: string, lang: ImportLang): DomainError {
  return new DomainError('conflict', translator(lang)('imports.turnTimeout', { file: fileName }), {
    reason: 'import_turn_timeout',
  });
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

/** The problems of a file that could not be opened at all, each with its sentence and error code. */
const UNOPENED_FILE = {
  file_not_found: { key: 'imports.file.notFound', code: 'not_found' },
  file_is_directory: { key: 'imports.file.isDirectory', code: 'invalid_input' },
  file_permission_denied: { key: 'imports.file.permissionDenied', code: 'invalid_input' },
} as const;

/**
 * A file that could not be opened is one plain error ("Fichier introuvable : x.csv"), not a
 * rejected file with a problem on a line 0; null for any other outcome.
 */
export function fileNotOpened(
  errors: readonly ImportError[],
  fileName: string,
  lang: ImportLang,
): DomainError | null {
  const [only] = errors;
  if (errors.length !== 1 || only === undefined || !(only.code in UNOPENED_FILE)) return null;
  const { key, code } = UNOPENED_FILE[only.code as keyof typeof UNOPENED_FILE];
  return new DomainError(code, translator(lang)(key, { file: fileName }), { reason: only.code });
}
