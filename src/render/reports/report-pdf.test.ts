/**
 * A written report is laid out once: its headings low on a page move to the next one as pdfmake
 * places them (pdf-headings.ts), not one per layout of the whole document after it is done, and
 * the pages are those the page-break rule alone gives; no page holds only the running header and
 * footer (a last table ending at the foot of a page). Read back by poppler's pdftotext, skipped
 * when it is absent (.ci/run installs it).
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER } from '../../../test/support/poppler.ts';
import {
  expectOneLayoutAsByRule,
  expectTablesKeptAsByRule,
  LINE,
  pagesAndLayouts,
} from '../heading-placement.fixture.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';
import { renderReportPdfHere } from './report-pdf.ts';

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

describe('a written report’s headings at the foot of a page', () => {
  it('go to the next page in one layout, the pages being those of the rule alone', async () => {
    // A line is 12 pt of 730.
    await expectOneLayoutAsByRule(renderReportPdfHere, (shift) => report(shift, false));
  }, 120_000);

  it('keep a short table whole with its heading, as the rule alone does', async () => {
    await expectTablesKeptAsByRule(renderReportPdfHere, (shift) => report(shift, true));
  }, 120_000);

  it.skipIf(!HAS_POPPLER)(
    'never leave a page holding only the header and footer',
    async () => {
      let pagesTotal = 0;
      // The last table's foot swept over the bottom of a page, finer than its 14 pt rows.
      for (let lines = 0; lines <= 14; lines += 1) {
        for (let rows = 1; rows <= 4; rows += 1) {
          const doc = endingWithTable(report(0, false), lines, rows);
          const { pages } = await pagesAndLayouts(renderReportPdfHere, doc, true);
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
