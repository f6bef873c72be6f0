/**
 * Dunning's own parameters of error wordings (see `Wording` in `app/errors.ts`; amounts, dates and
 * labels come from `#text/error-words`): field names, and the accepted codes of an input, each shown
 * as typed with its label so that the reader knows both what to type and what it means.
 */
import { type Lang, label, translator } from '#text/catalogue';
import { wordedChoices } from '#text/error-words';
import { DomainError, type WordingParam } from '../errors.ts';

/** A field of an input, named for the reader (`errors.dunning.field`). */
export const fieldWords =
  (field: string): ((lang: Lang) => string) =>
  (lang) =>
    translator(lang)('errors.dunning.field', { field });

/** The accepted codes, `email (E-mail), letter (Courrier)`; plain codes when they have no label. */
export function choiceWords(
  codes: readonly string[],
  labelOf?: string | ((lang: Lang, code: string) => string),
): WordingParam {
  if (labelOf === undefined) return codes.join(', ');
  return wordedChoices(
    codes,
    typeof labelOf === 'string' ? (lang, code) => label(lang, labelOf, code) : labelOf,
  );
}

/** The refusal of a value outside the accepted codes of a field. */
export function notOneOf(
  field: string,
  value: unknown,
  codes: readonly string[],
  labelOf?: string | ((lang: Lang, code: string) => string),
): DomainError {
  return new DomainError('invalid_input', {
    key: 'errors.dunning.notOneOf',
    params: { field: fieldWords(field), value: String(value), choices: choiceWords(codes, labelOf) },
  });
}

/** The refusal of a field that is not a date (YYYY-MM-DD). */
export function notADate(field: string, value: unknown): DomainError {
  return new DomainError('invalid_input', {
    key: 'errors.dunning.notADate',
    params: { field: fieldWords(field), value: String(value) },
  });
}
