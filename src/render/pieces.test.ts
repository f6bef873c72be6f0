/**
 * Dispute documents appended to a PDF: what can go in, each page's label band, the images' pages.
 * The tests that read the result back as text need poppler's pdftotext and are skipped when it is
 * absent (.ci/run installs poppler-utils).
 */
import { degrees, PDFDocument, PDFName, type PDFPage, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { noisyPng as noisyPngOf, pngOf } from '../../test/support/png-images.ts';
import { HAS_POPPLER, pdfText } from '../../test/support/poppler.ts';
import type { Orientation } from './jpeg-orientation.ts';
import { jpegOrientation } from './jpeg-orientation.ts';
import { BAND, placement } from './piece-pages.ts';
import { type LoadedPieces, loadPieces, MAX_IMAGE_PIXELS, type PieceCheck } from './pieces.ts';

/** The files read, in order, within `maxBytes` (no bound by default). */
const load = (files: { mediaType: string; content: Uint8Array }[], maxBytes = Number.POSITIVE_INFINITY) =>
  loadPieces(
    files.map((file) => ({
      mediaType: file.mediaType,
      sizeBytes: file.content.length,
      content: async () => file.content,
    })),
    maxBytes,
  );

/** The checks without the bytes each piece adds (they depend on pdf-lib's output). */
const outcomes = (loaded: LoadedPieces): (PieceCheck | { pages: number })[] =>
  loaded.checks.map((check) => ('pages' in check ? { pages: check.pages } : check));

/** A PDF of one page per text, each page turned by `turn` degrees when shown. */
async function pdfOf(texts: string[], turn = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) {
    const page = doc.addPage([600, 800]);
    page.setRotation(degrees(turn));
    // Written so that it reads upright once the page is turned.
    const at = {
      0: { x: 50, y: 700 },
      90: { x: 100, y: 50 },
      180: { x: 550, y: 100 },
      270: { x: 500, y: 750 },
    };
    page.drawText(text, { ...at[turn as 0 | 90 | 180 | 270], size: 14, font, rotate: degrees(turn) });
  }
  return doc.save();
}

/** The text of one page (counted from 1) as laid out. */
const textOf = (pdf: Uint8Array, page: number) => pdfText(pdf, { first: page, last: page, layout: true });

/** The smallest JPEG header pdf-lib reads (SOI, an EXIF orientation when given, SOF0 with the size, EOI). */
function jpegHeader(
  width: number,
  height: number,
  orientation?: number,
  order: 'II' | 'MM' = 'II',
): Uint8Array {
  const bytes: number[] = [0xff, 0xd8];
  if (orientation !== undefined) {
    const le = order === 'II';
    const u16 = (v: number) => (le ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
    const u32 = (v: number) => (le ? [v, 0, 0, 0] : [0, 0, 0, v]);
    const tiff = [...order.split('').map((c) => c.charCodeAt(0)), ...u16(42), ...u32(8)];
    const entry = [...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0];
    const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff, ...u16(1), ...entry, ...u32(0)];
    bytes.push(0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload);
  }
  bytes.push(0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3);
  bytes.push(1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9);
  return new Uint8Array(bytes);
}

const noisyPng = (width: number, height: number) => noisyPngOf(width, height, 7);

/** A one-page PDF whose page dictionary `edit` spoils. */
async function spoiledPdf(edit: (page: PDFPage, doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  edit(doc.addPage([595, 842]), doc);
  return doc.save();
}

const bytesOf = (check: PieceCheck | undefined) => (check && 'bytes' in check ? check.bytes : 0);

describe('jpegOrientation', () => {
  it('reads the EXIF orientation in either byte order, and 1 without it', () => {
    expect(jpegOrientation(jpegHeader(40, 20, 6))).toBe(6);
    expect(jpegOrientation(jpegHeader(40, 20, 8, 'MM'))).toBe(8);
    expect(jpegOrientation(jpegHeader(40, 20))).toBe(1);
    expect(jpegOrientation(jpegHeader(40, 20, 9))).toBe(1);
    expect(jpegOrientation(jpegHeader(40, 20, 6).subarray(0, 20))).toBe(1);
    expect(jpegOrientation(new Uint8Array([1, 2, 3]))).toBe(1);
  });
});

describe('loadPieces', () => {
  it('tells each file that cannot go into the PDF apart, and counts the pages of the others', async () => {
    const encrypted = await PDFDocument.create();
    encrypted.addPage();
    encrypted.context.trailerInfo.Encrypt = encrypted.context.register(
      encrypted.context.obj({ Filter: 'Standard' }),
    );
    const loaded = await load([
      { mediaType: 'application/pdf', content: await pdfOf(['one', 'two', 'three']) },
      { mediaType: 'image/webp', content: new Uint8Array([0x52, 0x49, 0x46, 0x46]) },
      { mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.7\nnothing else') },
      { mediaType: 'application/pdf', content: await encrypted.save({ useObjectStreams: false }) },
      {
        mediaType: 'image/png',
        content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      },
      { mediaType: 'image/jpeg', content: jpegHeader(40, 20) },
    ]);
    expect(outcomes(loaded)).toEqual([
      { pages: 3 },
      { problem: 'format' },
      { problem: 'unreadable' },
      { problem: 'encrypted' },
      { problem: 'unreadable' },
      { pages: 1 },
    ]);
  });

  it.skipIf(!HAS_POPPLER).each([0, 90, 180, 270])(
    'puts the label above what a page turned %i° shows, covering none of it',
    async (turn) => {
      const loaded = await load([{ mediaType: 'application/pdf', content: await pdfOf(['EVIDENCE'], turn) }]);
      const pdf = await loaded.appendTo(
        await pdfOf(['LETTER']),
        ['Pièce n° 1 — Bon de livraison signé'],
        'fr',
      );
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPageCount()).toBe(2);
      const page = doc.getPage(1);
      const sideways = turn === 90 || turn === 270;
      // The band is added to the side shown on top: the page's own 600 × 800 are all still there.
      const grown = { 0: [0, 0], 90: [-BAND, 0], 180: [0, -BAND], 270: [0, 0] }[turn as 0 | 90 | 180 | 270];
      expect(page.getCropBox()).toEqual({
        x: grown[0],
        y: grown[1],
        width: sideways ? 600 + BAND : 600,
        height: sideways ? 800 : 800 + BAND,
      });
      const lines = textOf(pdf, 2)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      expect(lines[0]).toBe('Pièce n° 1 — Bon de livraison signé');
      expect(lines[1]).toBe('EVIDENCE');
    },
  );

  it.skipIf(!HAS_POPPLER)(
    'numbers the pages of a piece of several, and keeps what comes before them first',
    async () => {
      const loaded = await load([{ mediaType: 'application/pdf', content: await pdfOf(['A', 'B']) }]);
      const pdf = await loaded.appendTo(await pdfOf(['LETTER']), ['Exhibit 1'], 'en');
      expect(textOf(pdf, 1)).toContain('LETTER');
      expect(textOf(pdf, 3)).toMatch(/Exhibit 1\s+Page 2 \/ 2/);
    },
  );

  it('gives an image a page in its shown orientation, a photo turned by EXIF included', async () => {
    const loaded = await load([
      { mediaType: 'image/jpeg', content: jpegHeader(400, 200) },
      { mediaType: 'image/jpeg', content: jpegHeader(400, 200, 6) },
    ]);
    const pdf = await PDFDocument.load(await loaded.appendTo(await pdfOf(['LETTER']), ['1', '2'], 'fr'));
    const size = (n: number) => pdf.getPage(n).getSize();
    expect(size(1).width).toBeGreaterThan(size(1).height);
    expect(size(2).width).toBeLessThan(size(2).height);
    expect(Math.round(size(2).height)).toBe(842);
  });

  it.skipIf(!HAS_POPPLER)(
    'prints a character its font lacks as « ? » rather than failing the package',
    async () => {
      const loaded = await load([{ mediaType: 'application/pdf', content: await pdfOf(['EVIDENCE']) }]);
      const pdf = await loaded.appendTo(await pdfOf(['LETTER']), ['Pièce n° 1 — facture 発票-7'], 'fr');
      expect(textOf(pdf, 2)).toContain('Pièce n° 1 — facture ??-7');
    },
  );
});

describe('loadPieces within its bounds', () => {
  it('leaves out a PNG past the pixel bound, from its header, without decoding it; a JPEG is not decoded, so not bounded', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    const loaded = await load([
      { mediaType: 'image/png', content: pngOf(side, side, 0, new Uint8Array((side + 1) * side)) },
      { mediaType: 'image/jpeg', content: jpegHeader(8000, 6000) },
      { mediaType: 'image/png', content: pngOf(200, 100, 0, new Uint8Array(201 * 100)) },
    ]);
    expect(outcomes(loaded)).toEqual([
      { problem: 'pixels', pixels: { width: side, height: side } },
      { pages: 1 },
      { pages: 1 },
    ]);
  });

  it('counts what a PNG adds to the PDF, not its stored size, and saves nothing of one left out', async () => {
    const noisy = noisyPng(400, 300);
    const alone = await load([{ mediaType: 'image/png', content: noisy }]);
    expect(bytesOf(alone.checks[0])).toBeGreaterThan(2 * noisy.length);
    const note = { mediaType: 'application/pdf', content: await pdfOf(['NOTE']) };
    const bounded = await load([{ mediaType: 'image/png', content: noisy }, note], 2 * noisy.length);
    expect(outcomes(bounded)).toEqual([{ problem: 'size' }, { pages: 1 }]);
    const pdf = await bounded.appendTo(await pdfOf(['LETTER']), ['Pièce n° 1'], 'fr');
    expect(pdf.length).toBeLessThan(noisy.length);
  });

  it('spends the bound only on the pieces that go in', async () => {
    const damaged = { mediaType: 'application/pdf', content: Buffer.from(`%PDF-1.7\n${'x'.repeat(3000)}`) };
    const note = { mediaType: 'application/pdf', content: await pdfOf(['NOTE']) };
    const noteBytes = bytesOf((await load([note])).checks[0]);
    const loaded = await load([damaged, note], Math.max(damaged.content.length, noteBytes) + 10);
    expect(outcomes(loaded)).toEqual([{ problem: 'unreadable' }, { pages: 1 }]);
  });

  it('reads a JPEG lying inside a larger buffer, as the database hands it over', async () => {
    const buffer = new Uint8Array(4096);
    const header = jpegHeader(400, 200);
    buffer.set(header, 1000);
    const loaded = await load([
      { mediaType: 'image/jpeg', content: buffer.subarray(1000, 1000 + header.length) },
    ]);
    expect(outcomes(loaded)).toEqual([{ pages: 1 }]);
  });

  it('fails a PDF whose page cannot carry the band, and the package still renders', async () => {
    const pdf = (content: Uint8Array) => ({ mediaType: 'application/pdf', content });
    const loaded = await load([
      pdf(await spoiledPdf((page) => page.node.delete(PDFName.of('MediaBox')))),
      pdf(
        await spoiledPdf((page, doc) => page.node.set(PDFName.of('MediaBox'), doc.context.obj([0, 0, 595]))),
      ),
      pdf(await spoiledPdf((page) => page.node.set(PDFName.of('Rotate'), PDFName.of('Ninety')))),
      pdf(await pdfOf(['EVIDENCE'])),
    ]);
    expect(outcomes(loaded)).toEqual([
      { problem: 'unreadable' },
      { problem: 'unreadable' },
      { problem: 'unreadable' },
      { pages: 1 },
    ]);
    const merged = await PDFDocument.load(
      await loaded.appendTo(await pdfOf(['LETTER']), ['Pièce n° 1'], 'fr'),
    );
    expect(merged.getPageCount()).toBe(2);
  });
});

describe('placement', () => {
  // Where the stored image's top-left and top-right corners are shown, by EXIF orientation.
  const shown: Record<Orientation, [string, string]> = {
    1: ['top-left', 'top-right'],
    2: ['top-right', 'top-left'],
    3: ['bottom-right', 'bottom-left'],
    4: ['bottom-left', 'bottom-right'],
    5: ['top-left', 'bottom-left'],
    6: ['top-right', 'bottom-right'],
    7: ['bottom-right', 'top-right'],
    8: ['bottom-left', 'top-left'],
  };
  it.each(Object.keys(shown).map(Number) as Orientation[])('turns orientation %i upright in its box', (o) => {
    const box = { x: 10, y: 20, width: o >= 5 ? 30 : 40, height: o >= 5 ? 40 : 30 };
    const p = placement(o, box, { width: 40, height: 30 });
    const radians = (p.rotate * Math.PI) / 180;
    // pdf-lib: translate to (x, y), rotate, then scale the unit square by (width, height).
    const at = (u: number, v: number) => {
      const [dx, dy] = [u * p.width, v * p.height];
      return [
        Math.round(p.x + dx * Math.cos(radians) - dy * Math.sin(radians)),
        Math.round(p.y + dx * Math.sin(radians) + dy * Math.cos(radians)),
      ];
    };
    const corner = (name: string) => [
      name.endsWith('left') ? box.x : box.x + box.width,
      name.startsWith('bottom') ? box.y : box.y + box.height,
    ];
    expect([at(0, 1), at(1, 1)]).toEqual(shown[o].map(corner));
    expect(at(1, 0)).toEqual([
      box.x + box.width + box.x - at(0, 1)[0]!,
      box.y + box.height + box.y - at(0, 1)[1]!,
    ]);
  });
});
