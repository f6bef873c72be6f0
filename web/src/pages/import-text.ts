/**
 * The few import notices and problems the screen words itself: the server's sentences advise the
 * command line (`--date-order mdy`, `--map`, `--ignore-column`), where a person on this screen has
 * the "Date order" choice and the "Unrecognised columns" card. Words them in the screen's language
 * from their code and params (`imports.notice.<code>`, `imports.problem.<code>`); any other code
 * keeps the server's sentence, already in the language of the upload.
 */
import { hasMessage } from '../../../src/text/catalogue.ts';
import type { useI18n } from '../i18n.tsx';

type Translate = ReturnType<typeof useI18n>['t'];

export function screenWording(
  t: Translate,
  area: 'notice' | 'problem',
  coded: { code?: string | undefined; params?: Readonly<Record<string, string | number>> | undefined },
  serverText: string,
): string {
  const key = `imports.${area}.${coded.code ?? ''}`;
  return coded.code !== undefined && hasMessage(key) ? t(key, { ...coded.params }) : serverText;
}
