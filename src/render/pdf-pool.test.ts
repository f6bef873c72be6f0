/**
 * The PDF pool: a large document is laid out in a worker thread, with the same result as in the
 * calling thread; a failing job fails alone and the pool keeps working. The tests that read the
 * PDFs made need poppler's pdftotext and are skipped when it is absent (.ci/run installs poppler-utils).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_POPPLER, pdfText } from '../../test/support/poppler.ts';
import type { BusinessDocument } from './document.ts';
import { renderPdfHere } from './pdf.ts';
import { closePdfWorkers, type PdfJob, pdfWeight, renderInWorker, rendersOffThread } from './pdf-pool.ts';

afterAll(async () => {
  await closePdfWorkers();
});

/** The PDF's text as laid out. */
const laidOut = (pdf: Buffer) => pdfText(pdf, { layout: true });

const agedBalance = (rows: number): BusinessDocument => ({
  lang: 'fr',
  company: { name: 'SA Exemple', siren: '123456789' },
  title: 'Balance âgée',
  subtitle: ['Au 30/06/2026'],
  orientation: 'landscape',
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
        rows: Array.from({ length: rows }, (_, i) => [`Client ${i}`, 100_000 + i]),
      },
    },
  ],
});

describe('the PDF worker pool', () => {
  it('sends large documents to a worker and keeps small ones in the calling thread', () => {
    const small: PdfJob = { kind: 'document', doc: agedBalance(5) };
    const large: PdfJob = { kind: 'document', doc: agedBalance(5_000) };
    expect(pdfWeight(large)).toBe(5_000);
    expect(rendersOffThread(small)).toBe(false);
    expect(rendersOffThread(large)).toBe(true);
  });

  it.skipIf(!HAS_POPPLER)('renders in a worker what the calling thread renders', async () => {
    const doc = agedBalance(30);
    const [inWorker, here] = await Promise.all([
      renderInWorker({ kind: 'document', doc }),
      renderPdfHere(doc),
    ]);
    expect(inWorker.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = laidOut(inWorker);
    expect(text).toContain('1 000,29');
    expect(text).toBe(laidOut(here));
  });

  it.skipIf(!HAS_POPPLER)('fails the job a worker cannot render, and goes on with the next', async () => {
    await expect(renderInWorker({ kind: 'nothing' } as unknown as PdfJob)).rejects.toThrow(/unknown PDF job/);
    const pdf = await renderInWorker({ kind: 'document', doc: agedBalance(2) });
    expect(laidOut(pdf)).toContain('Client 1');
  });
});
