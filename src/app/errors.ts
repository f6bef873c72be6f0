/**
 * One error type for expected failures, with a stable code. The shells map codes to an HTTP
 * status and a CLI exit code through the single table below.
 *
 * What the error says to a person comes from the catalogue: an error raised with a `Wording` (a
 * message key and its parameters) is put in words in the reader's language by the shell that shows
 * it (`errorText`: the API from the request's language, the CLI from `--lang`). Its `message` is the
 * English wording, for logs and for the tests' matchers.
 */
import { LANGS, type Lang, translator } from '#text/catalogue';
import { resolved, type WordedValue } from '#text/error-words';

export const ERROR_CODES = {
  invalid_input: { httpStatus: 400, exitCode: 2 },
  import_rejected: { httpStatus: 422, exitCode: 3 },
  forbidden: { httpStatus: 403, exitCode: 2 },
  not_found: { httpStatus: 404, exitCode: 4 },
  conflict: { httpStatus: 409, exitCode: 5 },
  ledger_rule: { httpStatus: 422, exitCode: 5 },
  database_unavailable: { httpStatus: 503, exitCode: 6 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Exit code for an unexpected error (a bug or an environment failure). */
export const UNEXPECTED_EXIT_CODE = 1;

/** A parameter of an error's wording: a value, or words that depend on the language (an amount, a date). */
export type WordingParam = WordedValue;

/** What an error says, as a catalogue key and its parameters. */
export interface Wording {
  readonly key: string;
  readonly params?: Readonly<Record<string, WordingParam>>;
}

/** A wording in the words of `lang`. */
export function wordingText(wording: Wording, lang: Lang): string {
  return translator(lang)(wording.key, resolved(lang, wording.params ?? {}));
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The catalogue's wording, when the error was raised with one (a plain string is shown as it is). */
  readonly wording: Wording | undefined;

  constructor(code: ErrorCode, message: string | Wording, details?: unknown) {
    super(typeof message === 'string' ? message : wordingText(message, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.wording = typeof message === 'string' ? undefined : message;
  }
}

/** An error that may carry a wording: a `DomainError`, or the HTTP shell's own refusals. */
export interface WordedError {
  readonly message: string;
  readonly wording?: Wording | undefined;
}

/** What an error says to a reader of `lang`: its wording in that language, or its message as given. */
export function errorText(error: WordedError, lang: Lang): string {
  return error.wording ? wordingText(error.wording, lang) : error.message;
}

/** The wording in every language of the catalogue (by language), or null for an error without one. */
export function errorWords(error: WordedError): Record<Lang, string> | null {
  const wording = error.wording;
  if (!wording) return null;
  return Object.fromEntries(LANGS.map((lang) => [lang, wordingText(wording, lang)])) as Record<Lang, string>;
}

export function exitCodeOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_CODES[error.code].exitCode : UNEXPECTED_EXIT_CODE;
}

export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_CODES[error.code].httpStatus : 500;
}
