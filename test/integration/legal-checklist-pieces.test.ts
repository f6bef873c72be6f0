/**
 * The injunction-to-pay checklist of a legal file knows the dispute documents its package carries:
 * the proof of delivery line names the pieces under which the package reproduces a signed delivery
 * note, the invoices whose note is attached but not reproduced (here a damaged PDF), and those that
 * still need one — in the package's annex 4 and in the file's detail, which reads the documents
 * without building the package. An invoice paid since the hand-over is no longer claimed. The
 * detail keeps what each document was found to be, so that a later view fetches none of them.
 * Reading the package as text needs poppler's pdftotext: that test is skipped without it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { openDispute } from '#app/dunning/disputes';
import { handOver, savePartner } from '#app/legal/handover';
import { getLegalFileDetail } from '#app/legal/handover-checklist';
import { buildHandoverPackage, renderHandoverPackage } from '#app/legal/handover-package';
import { forgetPieceChecks } from '#app/legal/piece-checks';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { HAS_POPPLER, oneLine, pdfPageTexts, plainSpaces } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

let database: TestDatabase;
let fileId = 0;
const dir = mkdtempSync(join(tmpdir(), 'encours-legal-checklist-'));
const ctx = (): AppContext => database.context('LCP', '2025-09-30');

/** A context whose database counts the queries that fetch documents' bytes (one file a query). */
function countingContentReads(): { ctx: AppContext; reads: () => number } {
  let reads = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      const text = node.kind === 'RawNode' ? node.sqlFragments.join('?') : '';
      if (/select sha256, content\s+from dispute_files/.test(text)) reads += 1;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const base = ctx();
  return { ctx: { ...base, db: base.db.withPlugin(plugin) }, reads: () => reads };
}

/** A one-page PDF saying what it is. */
async function deliveryNote(ref: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(`BON DE LIVRAISON ${ref}`, { x: 60, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

/** A dispute on the invoice, with one document attached to it. */
async function disputeWith(ref: string, fileName: string, content: Buffer, kind: string) {
  const dispute = await openDispute(ctx(), { documentRef: ref, reason: 'delivery', openedOn: '2025-07-10' });
  const path = join(dir, fileName);
  writeFileSync(path, content);
  await attachToDispute(ctx(), { disputeId: dispute.disputeId, filePath: path, fileName, kind });
}

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LCP').addCustomer('C1', { name: 'Livré Pas Payé SARL' });
  for (const [ref, issued] of [
    ['F2025-0012', '2025-04-02'],
    ['F2025-0033', '2025-04-20'],
    ['F2025-0040', '2025-05-05'],
    ['F2025-0046', '2025-05-12'],
    ['F2025-0051', '2025-05-20'],
    ['F2025-0058', '2025-05-28'],
  ] as const)
    b.invoice('C1', issued, '2025-06-30', eur(1_000), ref);
  // Paid in full after the hand-over: no longer claimed, so no proof is asked for it.
  b.payment('C1', '2025-08-20', [['F2025-0058', eur(1_000)]]);
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
  // Attached in this order, the readable ones take pieces 1 (note), 2 (photo) and 3 (note); the
  // damaged note takes none.
  await disputeWith('F2025-0012', 'BL-0012.pdf', await deliveryNote('F2025-0012'), 'proof_of_delivery');
  await disputeWith('F2025-0033', 'carton.pdf', await deliveryNote('photo'), 'photo');
  await disputeWith('F2025-0040', 'BL-0040.pdf', await deliveryNote('F2025-0040'), 'proof_of_delivery');
  await disputeWith('F2025-0046', 'BL-0046.pdf', Buffer.from('%PDF-1.7\nxref broken'), 'proof_of_delivery');
  const partner = await savePartner(ctx(), CABINET_DURAND);
  fileId = (await handOver(ctx(), { customerCode: 'C1', partnerId: partner.partnerId, date: '2025-07-31' }))
    .fileId;
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PROOF_FR =
  'fournie\u00a0: pièce n° 1 (F2025-0012), pièce n° 3 (F2025-0040)\u00a0; jointe au litige, à transmettre (F2025-0046)\u00a0; ' +
  'à fournir pour F2025-0033, F2025-0051';

/** The checklist's row of the proof of delivery, from the package's model. */
async function proofRow(lang: 'fr' | 'en') {
  const model = await buildHandoverPackage(ctx(), { fileId, lang });
  const heading = lang === 'fr' ? 'Pièce' : 'Document';
  const table = model.annexes?.find((b) => b.type === 'table' && b.table.columns[0]?.header === heading);
  return table?.type === 'table' ? table.table.rows[2] : undefined;
}

describe('the proof of delivery in the injunction checklist', () => {
  it('names the pieces the package reproduces, the note to forward and the invoices still without one', async () => {
    expect(await proofRow('fr')).toEqual(['Preuve de livraison (bon signé) ou d’exécution', PROOF_FR]);
    expect((await proofRow('en'))?.[1]).toBe(
      'provided: exhibit 1 (F2025-0012), exhibit 3 (F2025-0040); attached to the dispute, to be forwarded ' +
        '(F2025-0046); to provide for F2025-0033, F2025-0051',
    );
  });

  it('gives the file’s detail the same pieces, invoice by invoice, without building the package', async () => {
    const detail = await getLegalFileDetail(ctx(), { fileId });
    const proof = detail.checklist.pieces.find((p) => p.piece === 'proof_of_delivery');
    expect(proof).toEqual({
      piece: 'proof_of_delivery',
      status: 'to_provide',
      date: null,
      invoices: [
        { documentRef: 'F2025-0012', status: 'in_package', pieceNumber: 1 },
        { documentRef: 'F2025-0033', status: 'to_provide', pieceNumber: null },
        { documentRef: 'F2025-0040', status: 'in_package', pieceNumber: 3 },
        { documentRef: 'F2025-0046', status: 'on_record', pieceNumber: null },
        { documentRef: 'F2025-0051', status: 'to_provide', pieceNumber: null },
      ],
    });
    expect(detail.checklist.ready).toBe(false);
  });

  it('reads each document once: a later view of the detail fetches none, and numbers as the package', async () => {
    forgetPieceChecks();
    const first = countingContentReads();
    const detail = await getLegalFileDetail(first.ctx, { fileId });
    // Read up to the last proof of delivery: the four documents, the damaged one included.
    expect(first.reads()).toBe(4);
    const again = countingContentReads();
    expect((await getLegalFileDetail(again.ctx, { fileId })).checklist).toEqual(detail.checklist);
    expect(again.reads()).toBe(0);
    // The package still reads the documents it carries, and numbers them as the detail did.
    const build = countingContentReads();
    const model = await buildHandoverPackage(build.ctx, { fileId, lang: 'fr' });
    expect(build.reads()).toBe(3);
    expect(JSON.stringify(model.annexes)).toContain(PROOF_FR);
  });

  it('knows the documents once the package read them: the detail that follows fetches none', async () => {
    forgetPieceChecks();
    await buildHandoverPackage(ctx(), { fileId, lang: 'fr' });
    const after = countingContentReads();
    const detail = await getLegalFileDetail(after.ctx, { fileId });
    expect(after.reads()).toBe(0);
    expect(detail.checklist.pieces.find((p) => p.piece === 'proof_of_delivery')?.invoices).toEqual([
      { documentRef: 'F2025-0012', status: 'in_package', pieceNumber: 1 },
      { documentRef: 'F2025-0033', status: 'to_provide', pieceNumber: null },
      { documentRef: 'F2025-0040', status: 'in_package', pieceNumber: 3 },
      { documentRef: 'F2025-0046', status: 'on_record', pieceNumber: null },
      { documentRef: 'F2025-0051', status: 'to_provide', pieceNumber: null },
    ]);
  });

  it.skipIf(!HAS_POPPLER)('reads in the PDF as the pieces that follow are numbered', async () => {
    const { pdf } = await renderHandoverPackage(ctx(), { fileId });
    const pages = pdfPageTexts(pdf).map((page) => oneLine(plainSpaces(page)).trim());
    const annexes = pages.join(' ');
    expect(annexes).toContain(`Preuve de livraison (bon signé) ou d’exécution ${plainSpaces(PROOF_FR)}`);
    const labelled = (n: number) => pages.find((page) => page.includes(`Pièce n° ${n} — `));
    expect(labelled(1)).toContain('facture F2025-0012');
    expect(labelled(1)).toContain('BON DE LIVRAISON F2025-0012');
    expect(labelled(3)).toContain('facture F2025-0040');
    expect(labelled(3)).toContain('BON DE LIVRAISON F2025-0040');
  });
});
