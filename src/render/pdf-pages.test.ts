/**
 * A business document (pdf.ts) is laid out once: its headings low on a page move to the next one as
 * pdfmake places them (pdf-headings.ts), as in the written reports, and the pages are those the
 * page-break rule alone gives; no page holds only the running header and footer (a last block ending
 * at the foot of a page). Pages read back by poppler's pdftotext, skipped when it is absent.
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HAS_POPPLER, pdfPageTexts } from '../../test/support/poppler.ts';
import type { Block, BusinessDocument } from './document.ts';
import { renderPdfHere } from './pdf.ts';
import { footBreaks } from './pdf-headings.ts';

const require = createRequire(import.meta.url);
const layoutBuilder = require('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { tryLayoutDocument(...args: unknown[]): unknown } };
};

const LINE = 'Le retard moyen de règlement des clients de cette catégorie dépasse les conditions accordées.';

const table = (name: string, rows: number): Block => ({
  type: 'table',
  table: {
    currency: 'EUR',
    columns: [
      { header: 'Pièce', kind: 'text' },
      { header: 'Solde', kind: 'money' },
    ],
    rows: Array.from({ length: rows }, (_, r) => [`${name}-${r}`, 100_000 * (r + 1)]),
  },
});

/** `shift` small lines, then headings each before a table (of one row, or of a few when `rows`). */
const document = (shift: number, rows: boolean): BusinessDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple' },
  title: 'Fiche client',
  subtitle: [],
  orientation: 'portrait',
  blocks: [
    ...Array.from({ length: shift }, () => ({ type: 'paragraph' as const, small: true, text: LINE })),
    ...Array.from({ length: 16 }, (_, i): Block[] => [
      { type: 'heading', text: `Rubrique ${i}` },
      table(`T${i}`, rows ? 3 + ((i * 7) % 10) : 1),
    ]).flat(),
  ],
});

/** The document's pages and the number of times pdfmake laid it out. */
async function render(doc: BusinessDocument, decidedInLayout: boolean) {
  footBreaks.decidedInLayout = decidedInLayout;
  const layouts = vi.spyOn(layoutBuilder.default.prototype, 'tryLayoutDocument');
  try {
    const pdf = await renderPdfHere(doc);
    return { pages: HAS_POPPLER ? pdfPageTexts(pdf) : [], layouts: layouts.mock.calls.length };
  } finally {
    layouts.mockRestore();
  }
}

/** `lines` small lines, then a last table of `rows` rows or `rows` paragraphs. */
const endingAt = (lines: number, rows: number, last: 'table' | 'paragraph'): BusinessDocument => ({
  ...document(0, false),
  printedOn: '2026-06-30',
  blocks: [
    ...Array.from({ length: lines }, () => ({ type: 'paragraph' as const, small: true, text: LINE })),
    ...(last === 'table'
      ? [table('M', rows)]
      : Array.from({ length: rows }, () => ({ type: 'paragraph' as const, text: LINE }))),
  ],
});

/** A page's text without its running header and footer. */
const bodyText = (page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !['SA Exemple', 'Fiche client'].includes(line))
    .filter((line) => !/^Page \d+ \/ \d+$/.test(line) && !line.startsWith('Édité le'))
    .join('');

afterEach(() => {
  footBreaks.decidedInLayout = true;
});

describe('a business document’s headings at the foot of a page', () => {
  it('go to the next page in one layout, the pages being those of the rule alone', async () => {
    let movedByRule = 0;
    // Every position of the headings over the lowest fifth of a page (a small line is 12 pt of 735).
    for (let shift = 0; shift <= 13; shift += 1) {
      const doc = document(shift, false);
      const once = await render(doc, true);
      const byRule = await render(doc, false);
      expect(once.layouts, `shift ${shift}`).toBe(1);
      expect(once.pages, `shift ${shift}`).toEqual(byRule.pages);
      movedByRule += byRule.layouts - 1;
    }
    // The rule alone laid each document out again for every heading it moved.
    expect(movedByRule).toBeGreaterThan(14);
  }, 120_000);

  it('keep a short table whole with its heading, as the rule alone does', async () => {
    for (let shift = 0; shift <= 13; shift += 1) {
      const doc = document(shift, true);
      const once = await render(doc, true);
      const byRule = await render(doc, false);
      expect(once.pages, `shift ${shift}`).toEqual(byRule.pages);
      expect(once.layouts, `shift ${shift}`).toBeLessThanOrEqual(byRule.layouts);
    }
  }, 120_000);
});

describe.skipIf(!HAS_POPPLER)('a business document’s last page', () => {
  it('never holds only the header and footer', async () => {
    let pagesTotal = 0;
    // The last block's foot swept over the bottom of a page, finer than its rows and lines.
    for (const last of ['table', 'paragraph'] as const) {
      for (let lines = 40; lines <= 43; lines += 1) {
        for (let rows = 1; rows <= 4; rows += 1) {
          const { pages } = await render(endingAt(lines, rows, last), true);
          pagesTotal += pages.length;
          pages.forEach((page, i) => {
            expect(bodyText(page), `${last}: lines ${lines}, rows ${rows}, page ${i + 1}`).not.toBe('');
          });
        }
      }
    }
    expect(pagesTotal).toBeGreaterThan(32);
  }, 120_000);
});
