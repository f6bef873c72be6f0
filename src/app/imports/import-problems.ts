/**
 * The problems of a rejected import, worded for the person who sent the file: the importers and
 * the import use cases collect codes and params (`#importers/problems`), this turns them into
 * the problem list and the sentence of the rejection, in the language of the request.
 */
import type { ImportError } from '#importers/parse-file';
import { isLang, type Lang, translator } from '#text/catalogue';
import { type ImportChannel, importProblemMessage, importRejectionMessage } from '#text/import-problems';
import { DomainError } from '../errors.ts';

/** The languages an import answers in (the catalogue's). */
export type ImportLang = Lang;
export const isImportLang = isLang;
/** The notices' codes, for the HTTP schema's description (the shells read the importers through the app). */
export { NOTICE_CODES } from '#importers/import-notices';
export type { ImportChannel };

/** A problem with its message: what the HTTP answer, the CLI and the web app show. */
export interface WordedImportError extends ImportError {
  reason: string;
}

/** Each problem with its reason in `lang`, its remedy in the words of `channel` (the command line's by default). */
export function wordProblems(
  errors: readonly ImportError[],
  lang: ImportLang,
  channel: ImportChannel = 'cli',
): WordedImportError[] {
  return errors.map((error) => ({
    ...error,
    reason: importProblemMessage(lang, error.code, error.params, channel),
  }));
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

/** The problems of one kind in one column (« Code client · client inconnu »), with the first of them. */
export interface ImportProblemGroup {
  code: string;
  column: string | null;
  count: number;
  /** The group's first problem, worded: what the group is about. */
  example: WordedImportError;
}

/** What a rejected file's error carries (`details`): its problems listed, counted and grouped. */
export interface ImportRejection {
  /** Every problem, or the first `listLimit` of them (a 100,000-row file is not drawn whole). */
  errors: WordedImportError[];
  /** Problems and lines of the whole file, beyond those listed. */
  problemCount: number;
  lineCount: number;
  /** Every problem by kind and column, the largest groups first. */
  groups: ImportProblemGroup[];
  /** The file's headers no field takes, to offer them for a field the file lacks. */
  unmappedColumns: string[];
}

export interface RejectionOptions {
  /** List only the first problems (the HTTP answer); every one by default (the CLI). */
  listLimit?: number | undefined;
  unmappedColumns?: readonly string[] | undefined;
  /** Who reads the remedies: the command line by default (its flags). */
  channel?: ImportChannel | undefined;
}

const isOmittedCount = (error: ImportError) => error.code === 'more_errors_omitted';

function groupsOf(
  errors: readonly ImportError[],
  lang: ImportLang,
  channel: ImportChannel,
): ImportProblemGroup[] {
  const groups = new Map<string, { first: ImportError; count: number }>();
  for (const error of errors) {
    if (isOmittedCount(error)) continue;
    const key = `${error.code}\u0000${error.column ?? ''}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: error, count: 1 });
  }
  // The largest first: what most of the file suffers from (ties in the order they first appear).
  return [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ first, count }) => ({
      code: first.code,
      column: first.column,
      count,
      example: wordProblems([first], lang, channel)[0] as WordedImportError,
    }));
}

/**
 * The error of a rejected file: nothing was written; its problems worded in `details.errors` (the
 * first `listLimit` only, when given), counted and grouped (ImportRejection), their remedies in
 * the words of `options.channel`. A parser's « N other errors » line counts as its N problems.
 */
export function importRejected(
  fileName: string,
  errors: readonly ImportError[],
  lang: ImportLang,
  options: RejectionOptions = {},
): DomainError {
  const problemCount = errors.reduce(
    (sum, error) => sum + (isOmittedCount(error) ? Number(error.params.count) || 0 : 1),
    0,
  );
  // Line 0 is the file as a whole (unreadable, of another format): no line of it to count.
  const lines = errors.flatMap((error) => (isOmittedCount(error) || error.line === 0 ? [] : [error.line]));
  const lineCount = new Set(lines).size;
  const listed = options.listLimit === undefined ? errors : errors.slice(0, options.listLimit);
  const channel = options.channel ?? 'cli';
  const details: ImportRejection = {
    errors: wordProblems(listed, lang, channel),
    problemCount,
    lineCount,
    groups: groupsOf(errors, lang, channel),
    unmappedColumns: [...(options.unmappedColumns ?? [])],
  };
  return new DomainError(
    'import_rejected',
    describeRejection(fileName, problemCount, lineCount, lang),
    details,
  );
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
