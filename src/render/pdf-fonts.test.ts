/**
 * The font's faces are parsed once per thread and a word is shaped once: a second document reads
 * them, and lays out to the same bytes whatever the thread rendered before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BusinessDocument } from './document.ts';
import { renderPdfHere } from './pdf.ts';
import { shapedWords, sharedFaces } from './pdf-fonts.ts';
import { closePdfWorkers, renderInWorker } from './pdf-pool.ts';

afterAll(async () => {
  await closePdfWorkers();
});

const document = (title: string, names: readonly string[]): BusinessDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple', siren: '123456789' },
  title,
  subtitle: [`Au\u00a030/06/2026`],
  orientation: 'portrait',
  printedOn: '2026-06-30',
  blocks: [
    {
      type: 'table',
      table: {
        currency: 'EUR',
        columns: [
          { header: 'Client', kind: 'text' },
          { header: 'Solde', kind: 'money' },
        ],
        rows: names.map((name, i) => [name, 123_456 * (i + 1)]),
        totals: ['Total', 999_999_99],
      },
    },
  ],
});

/** The PDF without what changes at every rendering: its date and its identifier. */
const timeless = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .replace(/\(D:\d{14}[^)]*\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');

interface Counted {
  layout(...args: unknown[]): unknown;
  createSubset(): unknown;
}

describe('the PDF font', () => {
  it('is parsed once per thread and shapes a word once', async () => {
    const doc = document('Balance âgée', ['Établissements Martin', 'Dupont & Fils']);
    const first = await renderPdfHere(doc);
    const faces = [...sharedFaces().values()].map((face) => face.font as Counted);
    expect(faces.length).toBeGreaterThanOrEqual(2);
    const calls = { layout: 0, subsets: 0 };
    for (const face of faces) {
      const { layout, createSubset } = face;
      face.layout = (...args) => {
        calls.layout++;
        return layout.apply(face, args);
      };
      face.createSubset = () => {
        calls.subsets++;
        return createSubset.apply(face);
      };
    }
    const second = await renderPdfHere(doc);
    expect(calls.subsets).toBe(faces.length);
    expect(calls.layout).toBe(0);
    expect(timeless(second)).toBe(timeless(first));
  });

  it('keeps a bounded number of words: past it, the next document starts a new list', async () => {
    const kept = shapedWords.maxPerFace;
    shapedWords.maxPerFace = 20;
    try {
      const regularWords = () => {
        const words = [...sharedFaces().values()].map((face) => face.words ?? {});
        return new Set(words.flatMap((list) => Object.keys(list)));
      };
      const many = Array.from({ length: 30 }, (_, i) => `Établissement${i}`);
      await renderPdfHere(document('Liste', many));
      expect(regularWords().has('Établissement29')).toBe(true);
      await renderPdfHere(document('Liste', ['Garage du Centre']));
      expect(regularWords().has('Établissement29')).toBe(false);
      expect(regularWords().has('Garage ')).toBe(true);
    } finally {
      shapedWords.maxPerFace = kept;
    }
  });

  it('lays a document out the same whatever the thread rendered before', async () => {
    const later = document('Suivi des risques', ['Établissements Martin', 'Garage du Centre']);
    // Fresh workers: one renders the document first, the other after a document whose first
    // words hold no-break spaces (the glyph of the space too) in both faces.
    const alone = await renderInWorker({ kind: 'document', doc: later });
    await closePdfWorkers();
    const before = document('Total\u00a0général', [
      'Société\u00a0Générale\u00a0SA',
      'Café\u00a0du\u00a0Port',
    ]);
    await renderInWorker({ kind: 'document', doc: before });
    const after = await renderInWorker({ kind: 'document', doc: later });
    expect(timeless(after)).toBe(timeless(alone));
  });
});
