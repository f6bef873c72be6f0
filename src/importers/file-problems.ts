/** Unreadable or malformed files become import errors; anything else is a bug and propagates. */
import { type Problem, problem } from './problems.ts';
import { TableFormatError } from './tabular.ts';

/** Line number of problems about the file as a whole. */
const WHOLE_FILE_LINE = 0;

export function isFileProblem(error: unknown): boolean {
  return (
    error instanceof TableFormatError || typeof (error as NodeJS.ErrnoException | null)?.code === 'string'
  );
}

export function lineOf(error: unknown): number {
  return error instanceof TableFormatError ? (error.line ?? WHOLE_FILE_LINE) : WHOLE_FILE_LINE;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof TableFormatError) return error.problem;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return problem('file_not_found');
  if (code === 'EISDIR') return problem('file_is_directory');
  if (code === 'EACCES') return problem('file_permission_denied');
  return problem('file_unreadable', { detail: (error as Error).message });
}
