/**
 * An error wording is a sentence a person reads: in English as in French it starts with a capital
 * letter, whichever branch of a select or plural it takes. A wording may start with a placeholder
 * (`{option}`, `{ref}`) or a quote or an option (`--limit`), which are no letters. The only
 * exceptions are the pieces other wordings put inside their own sentence.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { MESSAGE_FILES } from './messages/index.ts';

/** Words placed inside another wording (after a field's name, in a list after a colon…), not sentences. */
const PIECES = new Set([
  'errors.cash.allocation', // the reasons of « Lettrage refusé : {reasons} »
  'errors.credit.configKind', // a kind of configuration named in a sentence
  'errors.legal.partnerTerm', // the items of the lists of problems the legal errors give
  'errors.legal.policyTerm',
  'errors.legal.writeOffProblem',
  'errors.legal.factoringTerm',
  'errors.legal.provisionRate',
  'errors.promotions.problem', // the problems of « Promotion invalide : {problems} »
  'errors.connection.reason', // the reason of « Impossible d’ouvrir la base de données : {reason} »
  'errors.jobs.cronProblem', // the problem of « Expression cron « … » invalide : {problem} »
  // What a field was expected to be, after « Le champ x (corps de la requête) »
  ...['required', 'unexpected', 'type', 'typeName', 'values', 'format', 'range', 'length']
    .concat(['pattern', 'multipleOf', 'unique', 'other', 'notNegative', 'dateNotInCalendar'])
    .map((rule) => `errors.http.invalid.${rule}`),
]);

/** How each way of wording the message starts: its first text, in every branch it may take. */
function openings(elements: readonly MessageFormatElement[]): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) {
      const text = element.value.trimStart();
      if (text !== '') return [text];
    } else if (element.type === TYPE.select || element.type === TYPE.plural) {
      return Object.values(element.options).flatMap((option) => openings(option.value));
    } else return []; // a placeholder, a number, a date: no letter of ours
  }
  return [];
}

const lowerCaseOpenings = (message: string) =>
  openings(parse(message, { ignoreTag: true })).filter((text) => /^\p{Ll}/u.test(text));

const errorFiles = Object.entries(MESSAGE_FILES).filter(([name]) => name.startsWith('errors'));

describe('error wordings', () => {
  it('start with a capital letter in French and in English', () => {
    const lowerCase = errorFiles.flatMap(([, file]) =>
      (['fr', 'en'] as const).flatMap((lang) =>
        Object.entries(file[lang])
          .filter(([key, message]) => !PIECES.has(key) && lowerCaseOpenings(message).length > 0)
          .map(([key, message]) => `${lang} ${key}: ${message}`),
      ),
    );
    expect(lowerCase).toEqual([]);
  });

  it('finds a lower-case start in any branch, and passes a placeholder or a quote', () => {
    expect(lowerCaseOpenings('{n, plural, one {Une facture} other {# factures}} : {refs}')).toEqual([]);
    expect(lowerCaseOpenings('{kind, select, a {Refusé} other {refusé}}')).toEqual(['refusé']);
    expect(lowerCaseOpenings('« {value} » is not a date')).toEqual([]);
    expect(lowerCaseOpenings('unknown customer: {code}')).toEqual(['unknown customer: ']);
  });

  it('names only pieces that exist', () => {
    const keys = new Set(errorFiles.flatMap(([, file]) => Object.keys(file.fr)));
    expect([...PIECES].filter((key) => !keys.has(key))).toEqual([]);
  });
});
