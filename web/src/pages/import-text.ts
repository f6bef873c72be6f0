/**
 * The few import notices and problems the screen words itself, whose remedy is a choice of this
 * screen (the "Date order" choice, the "Unrecognised columns" card) rather than the command line's
 * `--date-order mdy`, `--map`, `--ignore-column`. The server words problems and notices with the
 * same keys for the page (its import route knows a session from an API token), in the language of
 * the upload: this words them again in the screen's language, which may have changed since, from
 * their code and params (`imports.notice.<code>`, `imports.problem.<code>`), as the server does
 * (src/text/import-problems.ts: header lists quoted, a missing column by its English header in
 * English, dates and amounts formatted); any other code keeps the server's sentence.
 */
import { hasMessage, type Lang } from '../../../src/text/catalogue.ts';
import {
  importProblemMessage,
  importWarningMessage,
  problemColumn,
} from '../../../src/text/import-problems.ts';

export function screenWording(
  lang: Lang,
  area: 'notice' | 'problem',
  coded: { code?: string | undefined; params?: Readonly<Record<string, string | number>> | undefined },
  serverText: string,
): string {
  const { code, params = {} } = coded;
  if (code === undefined || !hasMessage(`imports.${area}.${code}`)) return serverText;
  return area === 'problem'
    ? importProblemMessage(lang, code, params, 'web')
    : importWarningMessage(lang, code, params, 'web');
}

/**
 * The column of a problem as the screen names it: the file's own header, or for a column the file
 * lacks its usual header, the English one in English (“Amount”, as the problem's sentence says).
 */
export function screenColumn(
  lang: Lang,
  problem: { column: string | null; params?: Readonly<Record<string, string | number>> | undefined },
): string | null {
  return problemColumn(lang, problem);
}
