/**
 * The problems of a proposed credit configuration (codes and params of the core's validators) in
 * the reader's words: « retard maximal (jours) : « quinze » n’est pas un nombre entier positif ou
 * nul ; … ». A role is named by its label; a code with no message still says its code.
 */
import type { Problem } from '#core/credit/reason';
import { hasLabel, hasMessage, type Lang, label, translator } from '#text/catalogue';

function problemText(lang: Lang, problem: Problem): string {
  const t = translator(lang);
  const params: Record<string, string | number> = { ...problem.params };
  const role = params['role'];
  if (typeof role === 'string' && hasLabel(lang, 'role', role)) params['role'] = label(lang, 'role', role);
  // A value the person typed is shown as typed: « quinze », not a number the format would spell.
  for (const [name, value] of Object.entries(params))
    if (typeof value !== 'number') params[name] = String(value);
  const key = `creditConfigProblem.${problem.code}`;
  return hasMessage(key) ? t(key, params) : t('creditConfigProblem.other', { code: problem.code });
}

/** Every problem, in order, as one list of the reader's language (« a ; b »). */
export const configProblemsWords =
  (problems: readonly Problem[]) =>
  (lang: Lang): string =>
    problems.map((problem) => problemText(lang, problem)).join(lang === 'fr' ? '\u00a0; ' : '; ');
