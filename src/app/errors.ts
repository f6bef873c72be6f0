/**
 * One error type for expected failures, with a stable code. The shells map codes to an HTTP
 * status and a CLI exit code through the single table below.
 */
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

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function exitCodeOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_CODES[error.code].exitCode : UNEXPECTED_EXIT_CODE;
}

export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? ERROR_CODES[error.code].httpStatus : 500;
}
