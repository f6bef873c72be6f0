/**
 * Event-loop delay in the main thread while a large PDF is rendered: a document shaped like the
 * aged balance export (chart, proof line, one row per customer with five buckets, credits and
 * balance), laid out in the calling thread and then through the document port's worker pool.
 * `node bench/pdf.ts [--rows 35000]` (≈ 1,000 landscape pages) or `npm run bench -- --only pdf`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { BusinessDocument } from '#render/document';
import { renderPdfHere } from '#render/pdf';
import { closePdfWorkers, renderInWorker } from '#render/pdf-pool';

export interface PdfEventLoopFigures {
  renderMs: number;
  maxDelayMs: number;
  p99DelayMs: number;
  meanDelayMs: number;
}

const BUCKETS = ['Non échu', '1 à 30 j', '31 à 60 j', '61 à 90 j', 'Plus de 90 j'];

export function agedBalanceLike(rows: number): BusinessDocument {
  const row = (i: number) => {
    const buckets = BUCKETS.map((_, b) => ((i * 7919 + b * 104_729) % 900_000) * (b < 3 ? 1 : 0.25));
    const amounts = buckets.map(Math.round);
    const creditsMinor = -((i * 31) % 5000);
    return [
      `C${String(i).padStart(6, '0')}`,
      `Établissements Martin ${i} SARL`,
      ...amounts,
      creditsMinor,
      amounts.reduce((a, b) => a + b, creditsMinor),
    ];
  };
  return {
    lang: 'fr',
    company: { name: 'SA CB2C', siren: '552100554', addressLines: ['12 rue de la République', '69002 Lyon'] },
    title: 'Balance âgée',
    subtitle: ['Au 30/06/2026 · par échéance · par client'],
    orientation: 'landscape',
    printedOn: '2026-06-30',
    blocks: [
      {
        type: 'charts',
        charts: [
          {
            title: 'Encours par tranche',
            kind: 'bar',
            labels: BUCKETS,
            series: [{ name: 'Encours', values: BUCKETS.map((_, b) => 1_000_000 * (b + 1)) }],
            valueKind: 'money',
            currency: 'EUR',
          },
        ],
      },
      { type: 'paragraph', text: 'Les tranches égalent le solde du grand livre.', small: true },
      {
        type: 'table',
        table: {
          currency: 'EUR',
          columns: [
            { header: 'Code', kind: 'text', width: 0.9 },
            { header: 'Client', kind: 'text', width: 2.6 },
            ...BUCKETS.map((header) => ({ header, kind: 'money' as const })),
            { header: 'Avoirs', kind: 'money' },
            { header: 'Solde', kind: 'money' },
          ],
          rows: Array.from({ length: rows }, (_, i) => row(i)),
          totals: ['Total', '', 0, 0, 0, 0, 0, 0, 0],
        },
      },
    ],
  };
}

async function measure(render: () => Promise<Buffer>): Promise<PdfEventLoopFigures & { pages: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // The sampling timer needs a first tick to have a reference; a block before it goes unseen.
  await pause();
  const started = performance.now();
  const pdf = await render();
  const renderMs = performance.now() - started;
  // A loop blocked by a synchronous layout records its delay only when the sampling timer fires
  // again: let it fire before reading the histogram.
  await pause();
  histogram.disable();
  return {
    pages: pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0,
    renderMs: Math.round(renderMs),
    maxDelayMs: round(histogram.max / 1e6),
    p99DelayMs: round(histogram.percentile(99) / 1e6),
    meanDelayMs: round(histogram.mean / 1e6),
  };
}

/** The same document rendered in this thread, then by a worker (both warmed up first). */
export async function benchPdfEventLoop(rows = 35_000) {
  const doc = agedBalanceLike(rows);
  const small = agedBalanceLike(10);
  try {
    await renderPdfHere(small);
    await renderInWorker({ kind: 'document', doc: small });
    // The worker first: the calling thread's layout leaves a large heap whose collection would
    // show in the next measure.
    const inWorker = await measure(() => renderInWorker({ kind: 'document', doc }));
    const inThread = await measure(() => renderPdfHere(doc));
    // What posting the document costs the calling thread (a structured clone of every row).
    const started = performance.now();
    structuredClone(doc);
    const cloneMs = Math.round(performance.now() - started);
    return { rows, pages: inThread.pages, cloneMs, inThread, inWorker };
  } finally {
    await closePdfWorkers();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

if (import.meta.main) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '35000' } } });
  process.stdout.write(`${JSON.stringify(await benchPdfEventLoop(Number(values.rows)))}\n`);
}
