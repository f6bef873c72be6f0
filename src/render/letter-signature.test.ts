import { describe, expect, it } from 'vitest';
import { type LetterSender, senderNamed, signatureLines } from './letter-model.ts';

const sender: LetterSender = {
  ...senderNamed('SA CB2C'),
  signatoryName: 'Claire Moreau',
  signatoryTitle: 'Directrice financière',
  signatoryTitleLang: 'fr',
  city: 'Lyon',
};

describe('the signature of a letter', () => {
  it('prints the title the company typed on letters in its language only', () => {
    expect(signatureLines(sender, 'fr')).toEqual(['Claire Moreau', 'Directrice financière', 'SA CB2C']);
    // An English letter does not carry a French title: the catalogue's, in English.
    expect(signatureLines(sender, 'en')).toEqual(['Claire Moreau', 'Credit Manager', 'SA CB2C']);
  });

  it('takes the catalogue’s title in the letter’s language when none is typed', () => {
    const untitled = { ...sender, signatoryTitle: null };
    expect(signatureLines(untitled, 'fr')).toEqual([
      'Claire Moreau',
      'Responsable crédit clients',
      'SA CB2C',
    ]);
    expect(signatureLines(untitled, 'en')).toEqual(['Claire Moreau', 'Credit Manager', 'SA CB2C']);
    // Nobody named: no title of the catalogue under the company's name alone.
    expect(signatureLines({ ...untitled, signatoryName: null }, 'en')).toEqual(['SA CB2C']);
  });

  it('reads a letter stored before the title had a language as it was', () => {
    const { signatoryTitleLang: _lang, ...stored } = sender;
    expect(signatureLines(stored, 'en')).toEqual(['Claire Moreau', 'Directrice financière', 'SA CB2C']);
  });
});
