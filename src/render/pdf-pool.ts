/**
 * PDF rendering off the event loop. pdfmake lays a document out synchronously — about a second
 * for a few pages on a busy machine, minutes for a 1,000-page aged balance — so a large document
 * rendered in the HTTP thread would stall every other request meanwhile. Documents from
 * `pdfThreads.fromWeight` on are rendered by a small pool of worker threads (`pdf-worker.ts`,
 * the same renderers); smaller ones stay in the calling thread, where they cost less than a
 * message to a worker that may still have to load pdfmake and the fonts. Measured in BENCHMARKS.md.
 *
 * A worker is started on first need, kept while there is work and for a minute after, and never
 * keeps the process alive when idle. One that fails takes its document down with it, never the pool.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BusinessDocument } from './document.ts';
import type { LetterModel } from './letters.ts';
import type { ReportDocument } from './reports/report-document.ts';

/** What a worker renders: the inputs of `renderPdf`, `renderLetters` or `renderReportPdf` (plain, cloneable data). */
export type PdfJob =
  | { kind: 'document'; doc: BusinessDocument }
  | { kind: 'letters'; models: readonly LetterModel[] }
  | { kind: 'report'; doc: ReportDocument };

export type PdfAnswer = { ok: true; pdf: Uint8Array } | { ok: false; error: Error };

export const pdfThreads = {
  /** Weight (table rows; a chart counts 20, a letter 25 plus its invoices) from which a worker renders. */
  fromWeight: 100,
  /** Workers at most: the spare cores, at least one, at most two (the embedded database has a thread too). */
  size: Math.max(1, Math.min(2, availableParallelism() - 1)),
  /** An idle worker is stopped after this long, giving its memory (fonts, layout engine) back. */
  idleMs: 60_000,
};

/** How much layout work a job is, roughly proportional to its pages. */
export function pdfWeight(job: PdfJob): number {
  if (job.kind === 'letters') return job.models.reduce((sum, model) => sum + 25 + model.items.length, 0);
  // A written report is a dozen pages or more (title, contents, summary, sections): never a small job.
  if (job.kind === 'report') return pdfThreads.fromWeight;
  return job.doc.blocks.reduce(
    (sum, block) =>
      sum +
      (block.type === 'table'
        ? block.table.rows.length
        : block.type === 'charts'
          ? 20 * block.charts.length
          : 1),
    0,
  );
}

export function rendersOffThread(job: PdfJob): boolean {
  return pdfWeight(job) >= pdfThreads.fromWeight;
}

interface Task {
  job: PdfJob;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  idleTimer: NodeJS.Timeout | null;
}

const slots = new Set<Slot>();
const queue: Task[] = [];

/** Renders `job` in a worker thread of the pool; the answer is the PDF's bytes. */
export function renderInWorker(job: PdfJob): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ job, resolve, reject });
    dispatch();
  });
}

function dispatch(): void {
  while (queue.length > 0) {
    let slot = [...slots].find((candidate) => candidate.task === null);
    if (!slot) {
      if (slots.size >= pdfThreads.size) return;
      slot = spawn();
    }
    start(slot, queue.shift() as Task);
  }
}

function start(slot: Slot, task: Task): void {
  if (slot.idleTimer) clearTimeout(slot.idleTimer);
  slot.idleTimer = null;
  slot.task = task;
  slot.worker.ref();
  slot.worker.postMessage(task.job);
}

function spawn(): Slot {
  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { name: 'encours-pdf' });
  const slot: Slot = { worker, task: null, idleTimer: null };
  slots.add(slot);
  worker.on('message', (answer: PdfAnswer) => {
    const task = slot.task;
    slot.task = null;
    idle(slot);
    if (task) {
      if (answer.ok)
        task.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
      else task.reject(answer.error);
    }
    dispatch();
  });
  // A crash (out of memory, a bug in a renderer's dependency) fails the document being rendered.
  worker.on('error', (error) => fail(slot, error));
  worker.on('exit', (code) => fail(slot, new Error(`the PDF worker stopped (exit code ${code})`)));
  return slot;
}

function idle(slot: Slot): void {
  slot.worker.unref();
  slot.idleTimer = setTimeout(() => {
    slots.delete(slot);
    void slot.worker.terminate();
  }, pdfThreads.idleMs);
  slot.idleTimer.unref();
}

function fail(slot: Slot, error: Error): void {
  if (slot.idleTimer) clearTimeout(slot.idleTimer);
  slots.delete(slot);
  const task = slot.task;
  slot.task = null;
  task?.reject(error);
  dispatch();
}

/** Stops every worker (tests, and a server shutting down); queued documents fail. */
export async function closePdfWorkers(): Promise<void> {
  for (const task of queue.splice(0)) task.reject(new Error('the PDF workers were stopped'));
  const stopping = [...slots].map((slot) => {
    slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    return slot.worker.terminate();
  });
  await Promise.all(stopping);
}
