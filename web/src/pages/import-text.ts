/**
 * The few import notices and problems the screen words itself, whose remedy is a choice of this
 * screen (the "Date order" choice, the "Unrecognised columns" card) rather than the command line's
 * `--date-order mdy`, `--map`, `--ignore-column`. The server words problems and notices with the
 * same keys for the page (its import route knows a session from an API token), in the language of
 * the upload: this words them again in the screen's language, which may have changed since, from
 * their code and params (`imports.notice.<code>`, `imports.problem.<code>`); any other code keeps
 * the server's sentence.
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
