/**
 * The heading-placement tests' shared sweep, for the business documents (pdf-pages.test.ts) and the
 * written reports (reports/report-pdf.test.ts): a document is rendered with its headings decided as
 * pdfmake places them (pdf-headings.ts) and by the page-break rule alone, for every position of its
 * headings over the lowest fifth of a page, and the two must give the same pages. Pages read back by
 * poppler's pdftotext (none when it is absent: the layouts are still counted).
 */
import { createRequire } from 'node:module';
import { expect, vi } from 'vitest';
import { HAS_POPPLER, pdfPageTexts } from '../../test/support/poppler.ts';
import { footBreaks } from './pdf-headings.ts';

const require = createRequire(import.meta.url);
const layoutBuilder = require('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { tryLayoutDocument(...args: unknown[]): unknown } };
};

export const LINE =
  'Le retard moyen de règlement des clients de cette catégorie dépasse les conditions accordées.';

/** A renderer laying the document out in this thread (`renderPdfHere`, `renderReportPdfHere`). */
export type RenderHere<D> = (doc: D) => Promise<Buffer>;

/** The document's pages and the number of times pdfmake laid it out, with or without the layout's decisions. */
export async function pagesAndLayouts<D>(render: RenderHere<D>, doc: D, decidedInLayout: boolean) {
  footBreaks.decidedInLayout = decidedInLayout;
  const layouts = vi.spyOn(layoutBuilder.default.prototype, 'tryLayoutDocument');
  try {
    const pdf = await render(doc);
    return { pages: HAS_POPPLER ? pdfPageTexts(pdf) : [], layouts: layouts.mock.calls.length };
  } finally {
    layouts.mockRestore();
    footBreaks.decidedInLayout = true;
  }
}

/** Shifts of the headings by one line of 12 pt: every position over the lowest fifth of a page. */
const SHIFTS = Array.from({ length: 14 }, (_, shift) => shift);

/**
 * Headings low on a page go to the next one in one layout, the pages being those of the rule alone,
 * which laid each document out again for every heading it moved.
 */
export async function expectOneLayoutAsByRule<D>(render: RenderHere<D>, documentAt: (shift: number) => D) {
  let movedByRule = 0;
  for (const shift of SHIFTS) {
    const doc = documentAt(shift);
    const once = await pagesAndLayouts(render, doc, true);
    const byRule = await pagesAndLayouts(render, doc, false);
    expect(once.layouts, `shift ${shift}`).toBe(1);
    expect(once.pages, `shift ${shift}`).toEqual(byRule.pages);
    movedByRule += byRule.layouts - 1;
  }
  expect(movedByRule).toBeGreaterThan(14);
}

/**
 * A short table stays whole with its heading as the rule alone keeps it, in no more layouts; the
 * answer is the most layouts a document took.
 */
export async function expectTablesKeptAsByRule<D>(render: RenderHere<D>, documentAt: (shift: number) => D) {
  let mostLayouts = 0;
  for (const shift of SHIFTS) {
    const doc = documentAt(shift);
    const once = await pagesAndLayouts(render, doc, true);
    const byRule = await pagesAndLayouts(render, doc, false);
    expect(once.pages, `shift ${shift}`).toEqual(byRule.pages);
    expect(once.layouts, `shift ${shift}`).toBeLessThanOrEqual(byRule.layouts);
    mostLayouts = Math.max(mostLayouts, once.layouts);
  }
  return mostLayouts;
}
