/**
 * The legal file's package carries the dispute documents themselves: after its annexes, each PDF
 * page and each image attached to the disputes of the invoices handed over, under its piece label,
 * numbered as in the listing of annex 5. A file of another type, a damaged or an encrypted PDF, an
 * image of too many pixels, or one past the size bound stays listed with its reason, and the
 * package still renders. The size bound counts what a piece adds to the PDF (a PNG's pixels as
 * pdf-lib stores them) and only for the pieces that go in. The tests
 * that read the package as text need poppler's pdftotext and are skipped when it is absent (.ci/run
 * installs poppler-utils).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { openDispute } from '#app/dunning/disputes';
import { handOver, savePartner } from '#app/legal/handover';
import { packagePieces } from '#app/legal/handover-dispute-files';
import { buildHandoverPackage, renderHandoverPackage } from '#app/legal/handover-package';
import { insertAttachment, storeDisputeFile } from '#db/dunning/dispute-files';
import type { LetterModel } from '#render/letter-model';
import { renderLetter } from '#render/letters';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { noisyPng as noisyPngOf, pngOf } from '../support/png-images.ts';
import { HAS_POPPLER, oneLine, pdfPageTexts, plainSpaces } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

let database: TestDatabase;
let fileId = 0;
const dir = mkdtempSync(join(tmpdir(), 'encours-legal-pieces-'));
const ctx = (): AppContext => database.context('LPP', '2025-09-30');

/** A PDF of `pages` pages, each saying what it is (the delivery note the customer signed). */
async function deliveryNote(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++)
    doc.addPage().drawText(`BON DE LIVRAISON BL-0042 page ${n}`, { x: 60, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

/** A PDF whose trailer names an encryption dictionary: what a protected scan looks like to a reader. */
async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2 }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A plain-coloured RGB PNG. */
function png(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc8)]);
  return pngOf(width, height, 2, Buffer.concat(Array.from({ length: height }, () => row)));
}

const noisyPng = (width: number, height: number) => noisyPngOf(width, height, 11);

/** The smallest JPEG pdf-lib embeds: start of image, a frame of the size, end of image. */
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 60, 0, 80, 1, 1, 0x11, 0, 0xff, 0xd9]);

/** The second customer's documents, attached in this order (built before the tests). */
let p2Files: Record<'damaged' | 'note' | 'giant' | 'noisy' | 'jpeg', Buffer>;
let p2FileId = 0;

/** A file stored by another way in than an upload, which the table takes whatever its type. */
async function storeOther(
  dispute: { disputeId: number; documentId: number },
  name: string,
  content: Buffer,
  type: string,
) {
  const sha256 = createHash('sha256').update(content).digest('hex');
  await storeDisputeFile(ctx().db, 'LPP', 'test', { sha256, mediaType: type, content });
  await insertAttachment(ctx().db, 'LPP', 'test', {
    disputeId: dispute.disputeId,
    documentId: dispute.documentId,
    sha256,
    fileName: name,
    kind: 'other',
  });
}

async function attach(disputeId: number, fileName: string, content: Buffer, kind: string) {
  const path = join(dir, fileName);
  writeFileSync(path, content);
  await attachToDispute(ctx(), { disputeId, filePath: path, fileName, kind });
}

/** The package as text, page by page, each on one line (no-break spaces as spaces). */
const pagesText = (pdf: Buffer) => pdfPageTexts(pdf).map((page) => oneLine(page).trim());

const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LPP')
    .addCustomer('P1', { name: 'Contestataire SARL' })
    .addCustomer('P2', { name: 'Grands Formats SAS' });
  b.invoice('P1', '2025-04-01', '2025-05-01', eur(6_000), 'P1-1');
  b.invoice('P1', '2025-04-15', '2025-05-15', eur(2_500), 'P1-2');
  b.invoice('P2', '2025-04-01', '2025-05-01', eur(4_000), 'P2-1');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
  const first = await openDispute(ctx(), { documentRef: 'P1-1', reason: 'delivery', openedOn: '2025-05-10' });
  const second = await openDispute(ctx(), { documentRef: 'P1-2', reason: 'quality', openedOn: '2025-05-20' });
  await attach(first.disputeId, 'BL-signé-P1-1.pdf', await deliveryNote(2), 'proof_of_delivery');
  await attach(second.disputeId, 'colis-abimé.png', png(200, 150), 'photo');
  await attach(
    second.disputeId,
    'scan-abimé.pdf',
    Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>\nxref broken'),
    'other',
  );
  await attach(second.disputeId, 'courrier-protégé.pdf', await encryptedPdf(), 'complaint_letter');
  await attach(second.disputeId, 'photo.webp', Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'photo');
  // Uploads are checked to be PDF or images, but the table takes any type: a note stored by
  // another way in stays listed and is never given to the PDF reader.
  await storeOther(
    second,
    'note-appel.txt',
    Buffer.from('Le client conteste la livraison du 2 mai.\n'),
    'text/plain',
  );
  const partner = await savePartner(ctx(), CABINET_DURAND);
  fileId = (await handOver(ctx(), { customerCode: 'P1', partnerId: partner.partnerId })).fileId;
  p2Files = {
    damaged: Buffer.from(`%PDF-1.7\n${'x'.repeat(4000)}`),
    note: await deliveryNote(1),
    // Black, about 40 KB as stored; 6 500 × 6 500 pixels pdf-lib would decode to RGBA.
    giant: pngOf(6500, 6500, 0, Buffer.alloc(6501 * 6500)),
    noisy: noisyPng(400, 300),
    jpeg,
  };
  const third = await openDispute(ctx(), { documentRef: 'P2-1', reason: 'delivery', openedOn: '2025-05-10' });
  await attach(third.disputeId, 'scan-illisible.pdf', p2Files.damaged, 'other');
  await attach(third.disputeId, 'BL-P2-1.pdf', p2Files.note, 'proof_of_delivery');
  await attach(third.disputeId, 'plan-géant.png', p2Files.giant, 'photo');
  await attach(third.disputeId, 'photo-bruitée.png', p2Files.noisy, 'photo');
  await attach(third.disputeId, 'photo.jpg', p2Files.jpeg, 'photo');
  await storeOther(third, 'pièce', Buffer.from([0x4d, 0x5a, 0x90, 0]), 'application/octet-stream');
  p2FileId = (await handOver(ctx(), { customerCode: 'P2', partnerId: partner.partnerId })).fileId;
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the dispute documents in the legal file package', () => {
  it.skipIf(!HAS_POPPLER)(
    'appends the PDF’s pages and the image, each under its piece label, after the annexes',
    async () => {
      const { pdf, model } = await renderHandoverPackage(ctx(), { fileId });
      const letterPages = await pageCount(await renderLetter(model));
      // The delivery note's two pages and the photo's page follow the letter and its annexes.
      expect(await pageCount(pdf)).toBe(letterPages + 3);
      const pages = pagesText(pdf);
      const appended = pages.slice(letterPages, letterPages + 3);
      // The date is the day the file was attached (the database's clock, not the test's).
      expect(appended[0]).toMatch(
        /Pièce n° 1 — Bon de livraison signé — facture P1-1 — joint le \d\d\/\d\d\/\d{4}/,
      );
      expect(appended[0]).toContain('Page 1 / 2');
      expect(appended[0]).toContain('BON DE LIVRAISON BL-0042 page 1');
      expect(appended[1]).toContain('Pièce n° 1 — Bon de livraison signé — facture P1-1');
      expect(appended[1]).toContain('BON DE LIVRAISON BL-0042 page 2');
      expect(appended[2]).toContain('Pièce n° 2 — Photo — facture P1-2 — jointe le');
      const letter = pages.slice(0, letterPages).join(' ');
      expect(letter).toContain('Annexe 5 — Pièces des litiges');
      expect(letter).toContain('Les pièces n° 1 à 2 sont reproduites à la suite de cette annexe');
      expect(letter).toContain('reproduite, 2 pages');
      expect(letter).toContain('reproduite, 1 page');
      expect(letter).toContain('non joint au PDF : format TXT');
      expect(letter).toContain('non joint au PDF : format WEBP');
      expect(letter).toContain('non joint au PDF : fichier illisible ou endommagé');
      expect(letter).toContain('non joint au PDF : PDF protégé (chiffré)');
      expect(letter).toContain(
        'ainsi que les 6 documents de ses litiges (annexe 5), dont 2 reproduits à la suite',
      );
    },
  );

  it('numbers the listing as the pages are labelled: the rows left out carry no number', async () => {
    const { model } = await renderHandoverPackage(ctx(), { fileId });
    const table = model.annexes?.find((b) => b.type === 'table' && b.table.columns[0]?.header === 'N°');
    const rows = table?.type === 'table' ? table.table.rows : [];
    expect(rows.map((row) => [row[0], String(row[4]).replace(/ \(.*$/, ''), row[5]])).toEqual([
      ['1', 'BL-signé-P1-1.pdf', 'reproduite, 2 pages'],
      ['2', 'colis-abimé.png', 'reproduite, 1 page'],
      ['—', 'scan-abimé.pdf', 'non joint au PDF\u00a0: fichier illisible ou endommagé'],
      ['—', 'courrier-protégé.pdf', 'non joint au PDF\u00a0: PDF protégé (chiffré)'],
      ['—', 'photo.webp', 'non joint au PDF\u00a0: format WEBP'],
      ['—', 'note-appel.txt', 'non joint au PDF\u00a0: format TXT'],
    ]);
  });

  it.skipIf(!HAS_POPPLER)('labels the pieces in English for an English package', async () => {
    const { pdf, model } = await renderHandoverPackage(ctx(), { fileId, lang: 'en' });
    const letterPages = await pageCount(await renderLetter(model));
    const pages = pagesText(pdf);
    expect(pages[letterPages]).toContain('Exhibit 1 — Signed proof of delivery — invoice P1-1 — attached on');
    expect(pages[letterPages + 2]).toContain('Exhibit 2 — Photo — invoice P1-2 — attached on');
    expect(pages.slice(0, letterPages).join(' ')).toContain('not in the PDF: TXT format');
  });

  it.skipIf(!HAS_POPPLER)(
    'leaves out what passes the size bound, says so, and still appends the smaller pieces after it',
    async () => {
      const bound = packagePieces.maxBytes;
      packagePieces.maxBytes = 1000;
      try {
        const { pdf, model } = await renderHandoverPackage(ctx(), { fileId });
        const letterPages = await pageCount(await renderLetter(model));
        const text = pagesText(pdf);
        // The delivery note (1.1 KB) is left out; the photo (about 300 bytes) goes in as piece 1.
        expect(await pageCount(pdf)).toBe(letterPages + 1);
        expect(text.slice(0, letterPages).join(' ')).toContain(
          'non joint au PDF : au-delà de 0,001 Mo de pièces par dossier',
        );
        expect(text[letterPages]).toContain('Pièce n° 1 — Photo — facture P1-2');
      } finally {
        packagePieces.maxBytes = bound;
      }
    },
  );
});

describe('the bounds of what a package carries', () => {
  /** The second customer's listing: number, file name, reason (no-break spaces as spaces). */
  async function listing(model: LetterModel) {
    const table = model.annexes?.find(
      (b) => b.type === 'table' && b.table.columns[0]?.header.startsWith('N'),
    );
    const rows = table?.type === 'table' ? table.table.rows : [];
    return rows.map((row) => [row[0], String(row[4]).replace(/ \(.*$/, ''), plainSpaces(String(row[5]))]);
  }

  async function withBound<T>(maxBytes: number, run: () => Promise<T>): Promise<T> {
    const bound = packagePieces.maxBytes;
    packagePieces.maxBytes = maxBytes;
    try {
      return await run();
    } finally {
      packagePieces.maxBytes = bound;
    }
  }

  it('leaves out an image past 40 megapixels, read from its header, and names a format it does not know', async () => {
    const { pdf, model } = await renderHandoverPackage(ctx(), { fileId: p2FileId });
    expect(await listing(model)).toEqual([
      ['—', 'scan-illisible.pdf', 'non joint au PDF : fichier illisible ou endommagé'],
      ['1', 'BL-P2-1.pdf', 'reproduite, 1 page'],
      ['—', 'plan-géant.png', 'non joint au PDF : image trop grande (6 500 × 6 500 pixels)'],
      ['2', 'photo-bruitée.png', 'reproduite, 1 page'],
      ['3', 'photo.jpg', 'reproduite, 1 page'],
      ['—', 'pièce', 'non joint au PDF : format inconnu'],
    ]);
    expect(await pageCount(pdf)).toBe((await pageCount(await renderLetter(model))) + 3);
    const english = await listing(await buildHandoverPackage(ctx(), { fileId: p2FileId, lang: 'en' }));
    expect(english[2]?.[2]).toBe('not in the PDF: image too large (6,500 × 6,500 pixels)');
    expect(english[5]?.[2]).toBe('not in the PDF: unknown format');
  });

  it('spends the size bound only on the documents that go in', async () => {
    // The damaged PDF no longer takes its 4 KB from the bound: the delivery note still fits.
    const rows = await withBound(p2Files.damaged.length + 100, async () =>
      listing(await buildHandoverPackage(ctx(), { fileId: p2FileId })),
    );
    expect(rows.map((row) => row[0])).toEqual(['—', '1', '—', '—', '2', '—']);
    expect(rows[1]?.[2]).toBe('reproduite, 1 page');
    expect(rows[3]?.[2]).toMatch(/^non joint au PDF : au-delà de/);
  });

  it('counts a PNG as the PDF stores its pixels, not as the file is stored', async () => {
    // Room for every document as stored, not for the noisy photo's pixels deflated anew.
    const stored = Object.values(p2Files).reduce((sum, file) => sum + file.length, 0);
    const rows = await withBound(stored + 1000, async () =>
      listing(await buildHandoverPackage(ctx(), { fileId: p2FileId })),
    );
    expect(rows.map((row) => row[0])).toEqual(['—', '1', '—', '—', '2', '—']);
    expect(rows[3]).toEqual([
      '—',
      'photo-bruitée.png',
      expect.stringMatching(/^non joint au PDF : au-delà de/),
    ]);
  });
});
