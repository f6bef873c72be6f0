/**
 * A business document (pdf.ts) is laid out once: its headings low on a page move to the next one as
 * pdfmake places them (pdf-headings.ts), as in the written reports, and so do the blocks that glue a
 * heading to what it introduces before a table (the anomalies export's findings); the pages are those
 * the page-break rule alone gives; no page holds only the running header and footer (a last block
 * ending at the foot of a page). Pages read back by poppler's pdftotext, skipped when it is absent.
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER } from '../../test/support/poppler.ts';
import type { Block, BusinessDocument } from './document.ts';
import {
  expectOneLayoutAsByRule,
  expectTablesKeptAsByRule,
  LINE,
  pagesAndLayouts,
} from './heading-placement.fixture.ts';
import { renderPdfHere } from './pdf.ts';

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

/** A part of a finding's statement, as the anomalies export words its evidence. */
const EVIDENCE = 'Clients concernés 3 · Encours 12 345,67 € · Part du portefeuille 4,2 %';

/**
 * `shift` small lines, then findings as the anomalies export prints them: a heading glued to its
 * statement of one to seven parts (one unbreakable block), then a table of one row, or of a few.
 */
const findings = (shift: number, rows: boolean): BusinessDocument => ({
  ...document(shift, false),
  title: 'Anomalies',
  blocks: [
    ...Array.from({ length: shift }, () => ({ type: 'paragraph' as const, small: true, text: LINE })),
    ...Array.from({ length: 16 }, (_, i): Block[] => [
      { type: 'heading', text: `Constat ${i}` },
      {
        type: 'paragraph',
        small: true,
        text: Array.from({ length: 1 + ((i * 5) % 7) }, () => EVIDENCE).join(' · '),
      },
      table(`F${i}`, rows ? 3 + ((i * 7) % 10) : 1),
    ]).flat(),
  ],
});

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

describe('a business document’s headings at the foot of a page', () => {
  it('go to the next page in one layout, the pages being those of the rule alone', async () => {
    // A small line is 12 pt of 735.
    await expectOneLayoutAsByRule(renderPdfHere, (shift) => document(shift, false));
  }, 120_000);

  it('keep a short table whole with its heading, as the rule alone does', async () => {
    await expectTablesKeptAsByRule(renderPdfHere, (shift) => document(shift, true));
  }, 120_000);
});

describe('a business document’s headings glued to what they introduce before a table', () => {
  it('go to the next page with it in one layout, the pages being those of the rule alone', async () => {
    await expectOneLayoutAsByRule(renderPdfHere, (shift) => findings(shift, false));
  }, 120_000);

  it('keep a short table whole with them as the rule alone does, in at most two layouts', async () => {
    const mostLayouts = await expectTablesKeptAsByRule(renderPdfHere, (shift) => findings(shift, true));
    expect(mostLayouts).toBeLessThanOrEqual(2);
  }, 120_000);
});

describe.skipIf(!HAS_POPPLER)('a business document’s last page', () => {
  it('never holds only the header and footer', async () => {
    let pagesTotal = 0;
    // The last block's foot swept over the bottom of a page, finer than its rows and lines.
    for (const last of ['table', 'paragraph'] as const) {
      for (let lines = 40; lines <= 43; lines += 1) {
        for (let rows = 1; rows <= 4; rows += 1) {
          const { pages } = await pagesAndLayouts(renderPdfHere, endingAt(lines, rows, last), true);
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
