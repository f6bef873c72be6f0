/**
 * The PDF renderer, read back as text by poppler's pdftotext: skipped when it is absent
 * (.ci/run installs poppler-utils).
 */
import { describe, expect, it } from 'vitest';
import { HAS_POPPLER, pdfPageTexts, plainSpaces } from '../../test/support/poppler.ts';
import type { BusinessDocument } from './document.ts';
import { renderPdf } from './pdf.ts';

/** The text of each page as laid out, no-break spaces as spaces, blank pages left out. */
function pdfPages(pdf: Buffer): string[] {
  return pdfPageTexts(pdf, { layout: true })
    .map(plainSpaces)
    .filter((page) => page.trim() !== '');
}

const longDocument = (rows: number): BusinessDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple', siren: '123456789', addressLines: ['1 rue de la Paix, 75002 Paris'] },
  title: 'Balance âgée',
  subtitle: ['Au 04/12/2026'],
  orientation: 'landscape',
  printedOn: '2026-12-04',
  blocks: [
    {
      type: 'charts',
      charts: [
        {
          title: 'Encours par tranche',
          kind: 'bar',
          labels: ['Non échu', '1–30 j'],
          series: [{ name: 'Encours', values: [123_456_789, 2_500_000] }],
          valueKind: 'money',
          currency: 'EUR',
        },
      ],
    },
    {
      type: 'table',
      table: {
        currency: 'EUR',
        columns: [
          { header: 'Code', kind: 'text' },
          { header: 'Client avec un nom long', kind: 'text' },
          { header: 'Échéance', kind: 'date' },
          { header: 'Solde', kind: 'money' },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          `C${String(i).padStart(4, '0')}`,
          `Établissements Dupont & Fils n° ${i}`,
          '2026-12-04',
          123_456 + i,
        ]),
        totals: ['Total', '', null, 999_999_99],
      },
    },
  ],
});

describe.skipIf(!HAS_POPPLER)('the PDF renderer', () => {
  it('prints the company header, French amounts and dates, page numbers and repeats table headers', async () => {
    const pages = pdfPages(await renderPdf(longDocument(120)));
    expect(pages.length).toBeGreaterThan(2);
    const first = pages[0] as string;
    expect(first).toContain('SA Exemple');
    expect(first).toContain('SIREN 123456789');
    expect(first).toContain('1 234,56 €');
    expect(first).toContain('04/12/2026');
    expect(first).toContain(`Page 1 / ${pages.length}`);
    // The chart's axis is scaled in French compact money.
    expect(first).toMatch(/1,2 M €|1 M €/);
    const second = pages[1] as string;
    expect(second).toContain('Client avec un nom long');
    expect(second).toContain('Solde');
    expect(second).toContain(`Page 2 / ${pages.length}`);
    expect(pages.at(-1)).toContain('999 999,99 €');
    expect(pages.join('\n')).not.toMatch(/12345\d\b/);
  });

  it('keeps a heading, its chart and the table after them together, wherever they fall, never leaving a blank page', async () => {
    const months = Array.from({ length: 24 }, (_, i) => `m${i + 1}`);
    const introduced = (fillerRows: number): BusinessDocument => ({
      ...longDocument(0),
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
        { type: 'heading', text: 'Comportement de paiement' },
        {
          type: 'charts',
          charts: [
            {
              title: 'Retard moyen par mois',
              kind: 'line',
              labels: months,
              series: [{ name: 'Retard', values: months.map((_, i) => (i % 4 ? i : null)) }],
              valueKind: 'days',
            },
          ],
        },
        {
          type: 'table',
          table: {
            currency: 'EUR',
            columns: [{ header: 'Mois réglé', kind: 'text' }],
            rows: months.slice(0, 12).map((m) => [m]),
          },
        },
      ],
    });
    // From the chart fitting under the first table to the chart moved to the next page.
    for (let fillerRows = 16; fillerRows <= 36; fillerRows += 4) {
      const pages = pdfPageTexts(await renderPdf(introduced(fillerRows)), { layout: true }).map(plainSpaces);
      const blank = pages.findIndex((page) => !/F-\d|Comportement|Mois réglé/.test(page));
      expect(blank, `${fillerRows} rows: page ${blank + 1} is blank`).toBe(-1);
      const withHeading = pages.filter((page) => page.includes('Comportement de paiement'));
      expect(withHeading, `${fillerRows} rows`).toHaveLength(1);
      expect(withHeading[0]).toContain('Retard moyen par mois');
      expect(withHeading[0]).toContain('Mois réglé');
      expect(withHeading[0]).toMatch(/m1\s*\n/);
    }
  });

  it('prints a dense table many rows a page, each on one line', async () => {
    const doc = longDocument(200);
    const [, table] = doc.blocks;
    const pages = pdfPages(
      await renderPdf({
        ...doc,
        blocks: [{ ...(table as Extract<typeof table, { type: 'table' }>), dense: true }],
      }),
    );
    const rowsOf = (page: string) => page.split('\n').filter((line) => /^\s*C\d{4}\s/.test(line)).length;
    expect(rowsOf(pages[1] as string)).toBeGreaterThanOrEqual(30);
    // Every row on one line: its code, name, date and amount read on the same line.
    expect(pages[1]).toMatch(/C0\d{3}\s+Établissements Dupont & Fils n° \d+\s+04\/12\/2026\s+1 2\d\d,\d\d €/);
  });

  it('prints English when asked', async () => {
    const doc = { ...longDocument(3), lang: 'en' as const };
    const [page] = pdfPages(await renderPdf(doc));
    expect(page).toContain('€1,234.56');
    expect(page).toContain('Page 1 / 1');
  });
});

describe('a facts block', () => {
  it('renders with a single fact (pdfmake refuses a table without rows)', async () => {
    const document: BusinessDocument = {
      ...longDocument(0),
      blocks: [{ type: 'facts', items: [{ label: 'Client', value: 'C00031' }] }],
    };
    const pdf = await renderPdf(document);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
