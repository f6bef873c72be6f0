/**
 * The checks kept by SHA-256 stand for reading the bytes again only if they do not depend on where
 * the piece lies in the package: read alone, a piece adds what it adds after other pieces.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPiece, loadPieces } from '#render/pieces';
import { greyPng as pngOf } from '../../../test/support/png-images.ts';
import {
  forgetPieceChecks,
  knownCheck,
  MAX_PIECE_CHECKS,
  pieceCheck,
  rememberCheck,
} from './piece-checks.ts';

async function pdfOf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([600, 800]).drawText(text, { x: 50, y: 700, size: 14, font });
  return doc.save();
}

const sha256Of = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

const file = (mediaType: string, content: Uint8Array) => ({
  mediaType,
  sizeBytes: content.length,
  content: async () => content,
});

afterEach(() => forgetPieceChecks());

describe('a piece check', () => {
  it('is the same read alone as read after other pieces, in the package', async () => {
    const before = await Promise.all(Array.from({ length: 12 }, (_, i) => pdfOf(`PIECE ${i}`)));
    const note = await pdfOf('NOTE');
    const photo = pngOf(120, 80, 7);
    const loaded = await loadPieces(
      [
        ...before.map((content) => file('application/pdf', content)),
        file('application/pdf', note),
        file('image/png', photo),
      ],
      Number.POSITIVE_INFINITY,
    );
    expect(loaded.checks.slice(-2)).toEqual([
      await checkPiece('application/pdf', note),
      await checkPiece('image/png', photo),
    ]);
    expect(await checkPiece('application/pdf', Buffer.from('%PDF-1.7\nxref broken'))).toEqual({
      problem: 'unreadable',
    });
  });

  it('is read once, then kept; the least recently used goes first past the bound', async () => {
    const note = await pdfOf('NOTE');
    const noteSha = sha256Of(note);
    let reads = 0;
    const content = async () => {
      reads += 1;
      return note;
    };
    const first = await pieceCheck(noteSha, 'application/pdf', content);
    expect(await pieceCheck(noteSha, 'application/pdf', content)).toEqual(first);
    expect(reads).toBe(1);
    const filler = (i: number) => Buffer.from(`filler ${i}`);
    for (let i = 0; i < MAX_PIECE_CHECKS; i++) {
      rememberCheck(sha256Of(filler(i)), 'application/pdf', { pages: 1, bytes: i }, filler(i));
      // Used all along, the first check stays while the fillers come in.
      if (i === MAX_PIECE_CHECKS - 2) expect(knownCheck(noteSha, 'application/pdf')).toEqual(first);
    }
    expect(knownCheck(sha256Of(filler(0)), 'application/pdf')).toBeUndefined();
    expect(knownCheck(sha256Of(filler(1)), 'application/pdf')).toEqual({ pages: 1, bytes: 1 });
    expect(knownCheck(noteSha, 'application/pdf')).toEqual(first);
  });

  it('is not kept when the bytes read are not the ones named, as a file deleted meanwhile', async () => {
    const note = await pdfOf('NOTE');
    let reads = 0;
    const missing = async () => {
      reads += 1;
      return new Uint8Array();
    };
    expect(await pieceCheck(sha256Of(note), 'application/pdf', missing)).toEqual({ problem: 'unreadable' });
    expect(knownCheck(sha256Of(note), 'application/pdf')).toBeUndefined();
    await pieceCheck(sha256Of(note), 'application/pdf', missing);
    expect(reads).toBe(2);
  });
});
