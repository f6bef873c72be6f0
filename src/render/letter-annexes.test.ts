/**
 * A letter with annexes (the legal file's package) starts them on the next page, and never leaves a
 * page blank between: however far down the letter ends, each page carries more than its footer.
 * Read back as text by poppler's pdftotext: skipped when it is absent.
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER, oneLine, pdfPageTexts } from '../../test/support/poppler.ts';
import type { LetterModel } from './letter-model.ts';
import { renderLettersHere } from './letters.ts';

const LEGAL = 'Document confidentiel transmis à notre mandataire pour le recouvrement de la créance.';

function fileLetter(extraLines: number, addressLines = 0): LetterModel {
  return {
    lang: 'fr',
    sender: {
      name: 'SA CB2C',
      addressLines: ['12 rue de la République', '69002 Lyon'],
      siren: '552100554',
      vatNumber: null,
      phone: null,
      email: null,
      iban: null,
      bic: null,
      signatoryName: 'Claire Moreau',
      signatoryTitle: 'Responsable crédit clients',
      city: 'Lyon',
    },
    recipient: {
      name: 'Cabinet Martin Avocats',
      addressLines: [
        ...Array.from({ length: addressLines }, (_, i) => `Bâtiment ${i + 1}`),
        '5 place Bellecour',
        '69002 Lyon',
      ],
      customerCode: 'C9',
    },
    date: '2026-06-30',
    reference: 'LF-1',
    registered: false,
    currency: 'EUR',
    items: [
      {
        documentRef: 'F2026-000638',
        issueDate: '2026-02-26',
        dueDate: '2026-03-28',
        amountMinor: 374_694,
        openMinor: 374_694,
        daysLate: 94,
        interestMinor: 11_724,
        indemnityMinor: 4_000,
        periods: [],
      },
    ],
    totals: {
      openMinor: 374_694,
      interestMinor: 11_724,
      indemnityMinor: 4_000,
      creditsMinor: 0,
      totalDueMinor: 390_418,
    },
    text: {
      subject: 'Transmission d’un dossier de recouvrement',
      salutation: 'Maître,',
      intro: Array.from({ length: 1 + extraLines }, (_, i) => `Précision n° ${i + 1} sur le dossier.`),
      demand: ['Nous restons à votre disposition pour tout renseignement complémentaire.'],
      closing: ['Veuillez agréer, Maître, l’expression de nos salutations distinguées.'],
      legal: [LEGAL],
    },
    annexes: [
      { type: 'heading', text: 'Annexe 1 — Relances adressées au débiteur' },
      { type: 'paragraph', text: 'Aucune relance n’a été adressée au débiteur.' },
    ],
  };
}

/** What a page holds besides its footer (the legal mention and « n / m »). */
const body = (page: string) =>
  oneLine(page)
    .replace(LEGAL, '')
    .replace(/\d+ ?\/ ?\d+\s*$/, '')
    .trim();

describe.skipIf(!HAS_POPPLER)('the annexes of a letter', () => {
  it('start on the page after the letter, with no blank page wherever the letter ends', async () => {
    const pageCounts = new Set<number>();
    // Longer and longer letters, by a paragraph (about 17 pt) and by an address line (about 10 pt):
    // the signature comes to every height at the foot of page 1, then goes onto page 2.
    for (let extraLines = 0; extraLines <= 20; extraLines += 1)
      for (let addressLines = 0; addressLines <= 2; addressLines += 1) {
        const pages = pdfPageTexts(await renderLettersHere([fileLetter(extraLines, addressLines)]));
        const seen = `${extraLines} lines and ${addressLines} address lines more`;
        pageCounts.add(pages.length);
        expect(pages.map(body).filter((text) => text === '').length, seen).toBe(0);
        const annex = pages.findIndex((page) => page.includes('Annexe 1'));
        expect(pages[annex - 1], seen).toContain('Claire Moreau');
      }
    // The sweep met both layouts: the letter on one page, then on two.
    expect([...pageCounts].sort()).toEqual([2, 3]);
  }, 180_000);
});
