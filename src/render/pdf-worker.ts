/**
 * A worker thread of the PDF pool (`pdf-pool.ts`): renders each document it is sent with the
 * same renderers as the calling thread and answers with the PDF's bytes.
 */
import { parentPort } from 'node:worker_threads';
import { renderLettersHere } from './letters.ts';
import { renderPdfHere } from './pdf.ts';
import type { PdfAnswer, PdfJob } from './pdf-pool.ts';
import { renderReportPdfHere } from './reports/report-pdf.ts';

async function render(job: PdfJob): Promise<Buffer> {
  if (job.kind === 'letters') return renderLettersHere(job.models);
  if (job.kind === 'document') return renderPdfHere(job.doc);
  if (job.kind === 'report') return renderReportPdfHere(job.doc);
  throw new Error(`unknown PDF job: ${(job as { kind: unknown }).kind}`);
}

parentPort?.on('message', async (job: PdfJob) => {
  let answer: PdfAnswer;
  try {
    const pdf = await render(job);
    // Node's buffers may sit in memory that cannot be transferred: the bytes are copied once into
    // an array of their own, which is then moved to the calling thread rather than copied again.
    const bytes = new Uint8Array(pdf);
    answer = { ok: true, pdf: bytes };
    parentPort?.postMessage(answer, [bytes.buffer]);
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    parentPort?.postMessage(answer);
  }
});
