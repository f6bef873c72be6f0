/**
 * The letter's layout: the closing and signature never stand alone at the top of a page (the
 * last paragraph before them moves with them), and the letterhead states the company's legal
 * mentions (legal form, share capital, RCS city with the SIREN, VAT number); in a print batch each
 * page carries its own letter's legal mentions and page number. Read back as text by poppler's
 * pdftotext: skipped when it is absent (.ci/run installs poppler-utils).
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER, oneLine, pdfPageTexts } from '../../test/support/poppler.ts';
import type { LetterModel, LetterSender } from './letter-model.ts';
import { renderLettersHere } from './letters.ts';

/** The text of each page on one line, no-break spaces read as spaces, blank pages left out. */
function pages(pdf: Buffer): string[] {
  return pdfPageTexts(pdf)
    .map(oneLine)
    .filter((page) => page.trim() !== '');
}

const sender: LetterSender = {
  name: 'SA CB2C',
  addressLines: ['12 rue de la République', '69002 Lyon'],
  siren: '552100554',
  vatNumber: 'FR96552100554',
  phone: '04 72 00 00 00',
  email: 'recouvrement@cb2c.example',
  iban: 'FR76 3000 4000 0100 0123 4567 890',
  bic: 'BNPAFRPPXXX',
  signatoryName: 'Claire Moreau',
  signatoryTitle: 'Credit manager',
  city: 'Lyon',
};

const LAST_DEMAND =
  'La présente lettre, adressée en recommandé avec accusé de réception, vaut mise en demeure.';
const CLOSING = 'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.';

/** A formal notice of one invoice whose introduction runs `extraLines` paragraphs longer. */
function notice(extraLines: number, overrides: Partial<LetterSender> = {}): LetterModel {
  return {
    lang: 'fr',
    sender: { ...sender, ...overrides },
    recipient: {
      name: 'Brunet Distribution',
      addressLines: ['9 rue de l’Industrie', '06000 NICE'],
      customerCode: 'C9',
    },
    date: '2026-06-30',
    reference: 'REL-20260630-C9',
    registered: true,
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
        periods: [{ from: '2026-03-29', to: '2026-06-30', days: 94, openMinor: 374_694, rateBps: 1_215 }],
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
      subject: 'Mise en demeure de payer',
      salutation: 'Madame, Monsieur,',
      intro: [
        'Malgré nos précédentes relances, la facture suivante demeure impayée.',
        ...Array.from(
          { length: extraLines },
          (_, i) => `Précision n° ${i + 1} sur notre relation commerciale.`,
        ),
      ],
      demand: [
        'Par la présente, nous vous mettons en demeure de nous régler la somme de 3 904,18 € dans un délai de huit jours à compter de la réception de cette lettre.',
        'Les pénalités de retard, exigibles de plein droit en application de l’article L441-10 du Code de commerce, continuent de courir jusqu’au complet paiement.',
        'À défaut de règlement intégral dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire.',
        LAST_DEMAND,
      ],
      closing: [CLOSING],
      legal: [
        'Pénalités de retard : taux de la BCE majoré de 10 points (art. L441-10 II du Code de commerce).',
      ],
    },
  };
}

describe.skipIf(!HAS_POPPLER)('the end of a letter', () => {
  it('keeps the last paragraph and the payment details with the closing and the signature', async () => {
    const seen = new Set<number>();
    // Longer and longer letters: the closing comes to the bottom of page 1, then past it.
    for (let extraLines = 0; extraLines <= 24; extraLines += 2) {
      const letter = pages(await renderLettersHere([notice(extraLines)]));
      seen.add(letter.length);
      const closingPage = letter.find((page) => page.includes(CLOSING)) ?? '';
      expect(closingPage, `${extraLines} lines more`).toContain(LAST_DEMAND);
      expect(closingPage).toContain('REL-20260630-C9.');
      expect(closingPage).toContain('Claire Moreau');
    }
    // The sweep reached both layouts, so the page break was met and not only avoided.
    expect([...seen].sort()).toEqual([1, 2]);
  }, 120_000);
});

describe.skipIf(!HAS_POPPLER)('the letterhead', () => {
  it('states the legal form, the share capital and the RCS city with the SIREN', async () => {
    const [first] = pages(
      await renderLettersHere([
        notice(0, { legalForm: 'SA', shareCapitalMinor: 150_000_000, rcsCity: 'Lyon' }),
      ]),
    );
    expect(first).toContain(
      'SA au capital de 1 500 000 € · RCS Lyon 552 100 554 · TVA intracommunautaire FR96552100554',
    );
    expect(first).not.toContain('SIREN 552100554');
  });

  it('keeps the cents of a capital that has some, and the SIREN alone without an RCS city', async () => {
    const [first] = pages(
      await renderLettersHere([
        notice(0, { legalForm: 'SARL', shareCapitalMinor: 3_700_050, rcsCity: null }),
      ]),
    );
    expect(first).toContain('SARL au capital de 37 000,50 € · SIREN 552100554');
  });

  it('prints what a letter stored before the legal mentions printed', async () => {
    const [first] = pages(await renderLettersHere([notice(0)]));
    expect(first).toContain('SIREN 552100554 · TVA intracommunautaire FR96552100554');
    expect(first).not.toMatch(/capital|RCS/);
  });
});

describe.skipIf(!HAS_POPPLER)('a print batch of several letters', () => {
  it('gives each page its own letter’s legal mentions and page number', async () => {
    const english = notice(24);
    english.lang = 'en';
    english.text.legal = ['Late-payment interest: ECB rate plus 10 percentage points.'];
    const batch = pages(await renderLettersHere([notice(0), english, notice(0)]));
    expect(batch).toHaveLength(4);
    const [first, second, third, fourth] = batch as [string, string, string, string];
    // The page number, when a letter has several pages, is the last thing on the page.
    const pageNumber = / (\d+) ?\/ ?(\d+)\s*$/;
    expect(first).toContain('Pénalités de retard');
    expect(first).not.toMatch(pageNumber);
    for (const page of [second, third]) {
      expect(page).toContain('Late-payment interest');
      expect(page).not.toContain('Pénalités de retard');
    }
    expect(second.match(pageNumber)?.slice(1)).toEqual(['1', '2']);
    expect(third.match(pageNumber)?.slice(1)).toEqual(['2', '2']);
    expect(fourth).toContain('Pénalités de retard');
    expect(fourth).not.toMatch(pageNumber);
  }, 60_000);
});
