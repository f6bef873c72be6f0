/**
 * A written report is laid out once: its headings low on a page move to the next one as pdfmake
 * places them (pdf-headings.ts), not one per layout of the whole document after it is done, and
 * the pages are those the page-break rule alone gives; no page holds only the running header and
 * footer (a last table ending at the foot of a page). Read back by poppler's pdftotext, skipped
 * when it is absent (.ci/run installs it).
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HAS_POPPLER, pdfPageTexts } from '../../../test/support/poppler.ts';
import { footBreaks } from '../pdf-headings.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';
import { renderReportPdfHere } from './report-pdf.ts';

const require = createRequire(import.meta.url);
const layoutBuilder = require('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { tryLayoutDocument(...args: unknown[]): unknown } };
};

const LINE = 'Le retard moyen de règlement des clients de cette catégorie dépasse les conditions accordées.';

/** A subsection: a heading, then paragraphs (and a short table when `tables`). */
const subsection = (i: number, lines: number, tables: boolean): ReportBlock[] => [
  { type: 'heading', text: `Constat ${i}` },
  ...(tables
    ? [
        {
          type: 'table' as const,
          table: {
            currency: 'EUR',
            columns: [
              { header: 'Client', kind: 'text' as const },
              { header: 'Encours', kind: 'money' as const },
            ],
            rows: Array.from({ length: 3 + ((i * 7) % 10) }, (_, r) => [`C${i}-${r}`, 100_000 * (r + 1)]),
          },
        },
      ]
    : []),
  ...Array.from({ length: lines }, () => ({ type: 'paragraph' as const, text: LINE })),
];

/** Four sections of subsections, pushed down the pages by `shift` lines of the summary. */
const report = (shift: number, tables: boolean): ReportDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple' },
  title: 'Compte rendu des dysfonctionnements',
  subtitle: 'Situation au 30 juin 2026',
  titleFacts: [{ label: 'Société', value: 'SA Exemple' }],
  contentsTitle: 'Sommaire',
  summaryTitle: 'Synthèse',
  summary: Array.from({ length: shift }, () => ({ type: 'paragraph' as const, text: 'Synthèse.' })),
  sections: Array.from({ length: 4 }, (_, s) => ({
    number: String(s + 1),
    title: `Section ${s + 1}`,
    blocks: Array.from({ length: 6 }, (_, i) => subsection(s * 6 + i, 1 + ((s * 6 + i) % 4), tables)).flat(),
  })),
  footerText: 'Document interne',
  pageLabel: 'Page {page} / {pages}',
});

/** The report's pages and the number of times pdfmake laid it out. */
async function render(doc: ReportDocument, decidedInLayout: boolean) {
  footBreaks.decidedInLayout = decidedInLayout;
  const layouts = vi.spyOn(layoutBuilder.default.prototype, 'tryLayoutDocument');
  try {
    const pdf = await renderReportPdfHere(doc);
    return { pages: HAS_POPPLER ? pdfPageTexts(pdf) : [], layouts: layouts.mock.calls.length };
  } finally {
    layouts.mockRestore();
  }
}

/** `doc` ending with a table of `rows` rows after `lines` small paragraphs (13 pt each). */
const endingWithTable = (doc: ReportDocument, lines: number, rows: number): ReportDocument => {
  const sections = doc.sections.slice(0, 1).map((section) => ({
    ...section,
    blocks: [
      ...section.blocks,
      ...Array.from({ length: lines }, () => ({ type: 'paragraph' as const, small: true, text: LINE })),
      {
        type: 'table' as const,
        table: {
          currency: 'EUR',
          columns: [{ header: 'Mesure', kind: 'text' as const }],
          rows: Array.from({ length: rows }, (_, r) => [`Mesure ${r}`]),
        },
      },
    ],
  }));
  return { ...doc, sections };
};

/** A page's text without its running header and footer. */
const bodyText = (doc: ReportDocument, page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => ![doc.company.name, doc.title, doc.footerText].includes(line))
    .filter((line) => !/^Page \d+ \/ \d+$/.test(line))
    .join('');

afterEach(() => {
  footBreaks.decidedInLayout = true;
});

describe('a written report’s headings at the foot of a page', () => {
  it('go to the next page in one layout, the pages being those of the rule alone', async () => {
    let movedByRule = 0;
    // Every position of the headings over the lowest fifth of a page (a line is 12 pt of 730).
    for (let shift = 0; shift <= 13; shift += 1) {
      const doc = report(shift, false);
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
      const doc = report(shift, true);
      const once = await render(doc, true);
      const byRule = await render(doc, false);
      expect(once.pages, `shift ${shift}`).toEqual(byRule.pages);
      expect(once.layouts, `shift ${shift}`).toBeLessThanOrEqual(byRule.layouts);
    }
  }, 120_000);

  it.skipIf(!HAS_POPPLER)(
    'never leave a page holding only the header and footer',
    async () => {
      let pagesTotal = 0;
      // The last table's foot swept over the bottom of a page, finer than its 14 pt rows.
      for (let lines = 0; lines <= 14; lines += 1) {
        for (let rows = 1; rows <= 4; rows += 1) {
          const doc = endingWithTable(report(0, false), lines, rows);
          const { pages } = await render(doc, true);
          pagesTotal += pages.length;
          pages.slice(1).forEach((page, i) => {
            expect(bodyText(doc, page), `lines ${lines}, rows ${rows}, page ${i + 2}`).not.toBe('');
          });
        }
      }
      expect(pagesTotal).toBeGreaterThan(0);
    },
    120_000,
  );
});
