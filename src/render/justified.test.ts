/**
 * Justified letter paragraphs stretch their lines at spaces only: a hyphenated name never prints
 * with a gap after its hyphen (« Saint- Étienne ») nor breaks there, and a long date, its words
 * joined by no-break spaces, never ends one line with « 14 mai » and starts the next with « 2026 ».
 * Read back by poppler's pdftotext, which writes a space wherever the glyphs stand apart: skipped
 * when it is absent (.ci/run installs poppler-utils).
 */

import { describe, expect, it } from 'vitest';
import { formatDate } from '#text/format';
import { HAS_POPPLER, oneLine, pdfText } from '../../test/support/poppler.ts';
import { justifiedPieces } from './justified.ts';
import type { LetterModel } from './letter-model.ts';
import { renderLettersHere } from './letters.ts';

describe('justifiedPieces', () => {
  it('cuts a text after its ordinary spaces only, each word one unbreakable piece', () => {
    expect(
      justifiedPieces('Tribunal de  Saint-Étienne, le 14\u00a0mai\u00a02026 et/ou 1\u202f000 €'),
    ).toEqual([
      { text: 'Tribunal ', noWrap: true },
      { text: 'de  ', noWrap: true },
      { text: 'Saint-Étienne, ', noWrap: true },
      { text: 'le ', noWrap: true },
      { text: '14\u00a0mai\u00a02026 ', noWrap: true },
      { text: 'et/ou ', noWrap: true },
      { text: '1\u202f000 ', noWrap: true },
      { text: '€', noWrap: true },
    ]);
  });

  it('leaves a word that ends a line to pdfmake, which ends the line there', () => {
    expect(justifiedPieces('Lyon,\nle 14 mai')).toEqual([
      { text: 'Lyon,\n' },
      { text: 'le ', noWrap: true },
      { text: '14 ', noWrap: true },
      { text: 'mai', noWrap: true },
    ]);
    expect(justifiedPieces('')).toEqual([]);
  });
});

const JUDGMENT = formatDate('fr', '2026-05-12', { long: true });
const PUBLICATION = formatDate('fr', '2026-05-14', { long: true });

/**
 * Paragraphs that differ by the length of their first word, so that across them « Saint-Étienne »
 * and the dates fall at every place of a line, its end included.
 */
const paragraphs = Array.from(
  { length: 48 },
  (_, k) =>
    `Dossier ${'0'.repeat(k + 1)}\u00a0: par jugement du ${JUDGMENT} rendu par le Tribunal de commerce de ` +
    `Saint-Étienne, une procédure de redressement judiciaire a été ouverte à l’égard de la société ` +
    `Traiteur Durand, jugement publié au BODACC le ${PUBLICATION} (annonce 1234).`,
);

const claim: LetterModel = {
  lang: 'fr',
  sender: {
    name: 'SA CB2C',
    addressLines: ['12 rue de la République', '69002 Lyon'],
    siren: '552100554',
    vatNumber: 'FR96552100554',
    phone: null,
    email: null,
    iban: null,
    bic: null,
    signatoryName: 'Claire Moreau',
    signatoryTitle: 'Credit manager',
    city: 'Lyon',
  },
  recipient: {
    name: 'Me François',
    addressLines: ['1 place Jean-Jaurès', '42000 Saint-Étienne'],
    customerCode: 'C7',
  },
  date: '2026-06-30',
  reference: 'DECL-C7',
  registered: true,
  currency: 'EUR',
  items: [],
  totals: { openMinor: 0, interestMinor: 0, indemnityMinor: 0, creditsMinor: 0, totalDueMinor: 0 },
  text: {
    subject: 'Déclaration de créance',
    salutation: 'Maître,',
    intro: paragraphs,
    demand: [],
    closing: [],
    legal: ['SA au capital de 1 500 000 € · RCS Saint-Étienne 552 100 554'],
  },
};

describe.skipIf(!HAS_POPPLER)('a justified letter paragraph', () => {
  it('prints « Saint-Étienne » whole and keeps a long date on one line', async () => {
    const text = pdfText(await renderLettersHere([claim]));
    expect(oneLine(text).match(/commerce de Saint-Étienne, une/g)).toHaveLength(paragraphs.length);
    expect(text).not.toMatch(/Saint-\s+Étienne/);
    expect(text).not.toMatch(/\b(12|14)\s*\n\s*mai|mai\s*\n\s*2026/);
  }, 60_000);
});
