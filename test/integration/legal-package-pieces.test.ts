/**
 * The legal file's package carries the dispute documents themselves: after its annexes, each PDF
 * page and each image attached to the disputes of the invoices handed over, under its piece label,
 * numbered as in the listing of annex 5. A file of another type, a damaged or an encrypted PDF, or
 * one past the size bound stays listed with its reason, and the package still renders. The tests
 * that read the package as text need poppler's pdftotext and are skipped when it is absent (.ci/run
 * installs poppler-utils).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { openDispute } from '#app/dunning/disputes';
import { handOver, savePartner } from '#app/legal/handover';
import { packagePieces } from '#app/legal/handover-dispute-files';
import { renderHandoverPackage } from '#app/legal/handover-package';
import { insertAttachment, storeDisputeFile } from '#db/dunning/dispute-files';
import { renderLetter } from '#render/letters';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { HAS_POPPLER, oneLine, pdfPageTexts } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

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

/** A plain-coloured PNG (8-bit RGB), written chunk by chunk. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xc8)]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
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
  const b = new LedgerBuilder('LPP').addCustomer('P1', { name: 'Contestataire SARL' });
  b.invoice('P1', '2025-04-01', '2025-05-01', eur(6_000), 'P1-1');
  b.invoice('P1', '2025-04-15', '2025-05-15', eur(2_500), 'P1-2');
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
  const note = Buffer.from('Le client conteste la livraison du 2 mai.\n');
  const sha256 = (await import('node:crypto')).createHash('sha256').update(note).digest('hex');
  await storeDisputeFile(ctx().db, 'LPP', 'test', { sha256, mediaType: 'text/plain', content: note });
  await insertAttachment(ctx().db, 'LPP', 'test', {
    disputeId: second.disputeId,
    documentId: second.documentId,
    sha256,
    fileName: 'note-appel.txt',
    kind: 'other',
  });
  const partner = await savePartner(ctx(), {
    name: 'Cabinet Durand',
    kind: 'lawyer',
    email: 'contentieux@durand.example',
    addressLines: ['Maître Paul Durand', '3 place Bellecour', '69002 Lyon'],
    amicableCommissionBps: 1000,
    judicialCommissionBps: 1800,
    fileFeeMinor: 0,
    judicialFeeMinor: 0,
    currency: 'EUR',
  });
  fileId = (await handOver(ctx(), { customerCode: 'P1', partnerId: partner.partnerId })).fileId;
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
      ['—', 'scan-abimé.pdf', 'non joint au PDF : fichier illisible ou endommagé'],
      ['—', 'courrier-protégé.pdf', 'non joint au PDF : PDF protégé (chiffré)'],
      ['—', 'photo.webp', 'non joint au PDF : format WEBP'],
      ['—', 'note-appel.txt', 'non joint au PDF : format TXT'],
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
