/**
 * A short table never runs onto a page for its last row alone: its heading and it move to the next
 * page whole. Read back by poppler's pdftotext, skipped when it is absent (.ci/run installs it).
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER, pdfPageTexts, plainSpaces } from '../../test/support/poppler.ts';
import type { BusinessDocument } from './document.ts';
import { renderPdf } from './pdf.ts';

/** Filler rows, then a heading and nine events of two lines each, as the customer file prints them. */
const withEvents = (fillerRows: number): BusinessDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple' },
  title: 'Fiche client',
  subtitle: [],
  orientation: 'portrait',
  blocks: [
    {
      type: 'table',
      table: {
        currency: 'EUR',
        columns: [{ header: 'Pièce', kind: 'text' }],
        rows: Array.from({ length: fillerRows }, (_, i) => [`F-${i}`]),
      },
    },
    { type: 'heading', text: 'Derniers événements' },
    {
      type: 'table',
      table: {
        currency: 'EUR',
        columns: [
          { header: 'Date', kind: 'date', width: 0.8 },
          { header: 'Détail', kind: 'text', width: 3.6 },
        ],
        rows: Array.from({ length: 9 }, (_, i) => [
          '2026-06-30',
          `EV-${i} relance niveau 2 (seconde relance par courrier) : 3 pièces échues pour 2 334,45 €, la plus ancienne échue depuis 48 jours`,
        ]),
      },
    },
  ],
});

describe.skipIf(!HAS_POPPLER)('a short table at the foot of a page', () => {
  it('moves whole with its heading rather than leave its last row alone on the next page', async () => {
    const widowed: number[] = [];
    // Every position of the table from wholly on the first page to wholly on the second.
    for (let fillerRows = 16; fillerRows <= 28; fillerRows += 1) {
      const pages = pdfPageTexts(await renderPdf(withEvents(fillerRows))).map(plainSpaces);
      const events = pages.map((page) => (page.match(/EV-\d/g) ?? []).length);
      expect(
        events.reduce((a, b) => a + b, 0),
        `${fillerRows} rows`,
      ).toBe(9);
      if (events.some((n) => n === 1)) widowed.push(fillerRows);
      // The heading is on the page where the table starts.
      const start = events.findIndex((n) => n > 0);
      expect(pages[start], `${fillerRows} rows`).toContain('Derniers événements');
    }
    expect(widowed).toEqual([]);
  }, 60_000);
});
