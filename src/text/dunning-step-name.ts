/**
 * A dunning step as a person reads it, everywhere it is named: « Relance 1 (e-mail) », « Relance 2
 * (courrier) », « Appel », « Mise en demeure (lettre recommandée avec AR) ». The run review of the
 * web app and the command line's `dunning plan|run` both name steps with it; it takes the reader's
 * `t` and `label`, so the web passes its hook's and the command line the catalogue's.
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Label = (domain: string, code: string) => string;

/** The trailing number of a step code (`reminder_2` → 2), null without one. */
export function stepNumber(stepCode: string): number | null {
  const match = /(\d+)$/.exec(stepCode);
  return match ? Number(match[1]) : null;
}

/** A label inside a sentence: « E-mail » → « e-mail », but « SMS » and « AR » stay as they are. */
const inSentence = (text: string) =>
  /^\p{Lu}\p{Ll}/u.test(text) || /^\p{Lu}-/u.test(text)
    ? text.charAt(0).toLocaleLowerCase() + text.slice(1)
    : text;

export function stepName(
  t: Translate,
  label: Label,
  action: { step: string; stepKind: string; channel: string },
): string {
  if (action.channel === 'call_task' && action.stepKind === 'reminder') return t('dunningReview.step.call');
  const kind = t(`dunningReview.kind.${action.stepKind}`);
  const channel = inSentence(label('dunningChannel', action.channel));
  const number = stepNumber(action.step);
  return number === null
    ? t('dunningReview.step.plain', { kind, channel })
    : t('dunningReview.step.numbered', { kind, number, channel });
}
