/**
 * Documents appended to a PDF made by pdfmake (a legal file's package carries the documents of
 * its disputes after its annexes), merged with pdf-lib: pure JavaScript, reads and writes existing
 * PDFs, embeds PNG and JPEG. Each piece is read first, so its caller can say in the listing which
 * pieces are in the PDF and why the others are not — a file that is not a PDF or an image, a
 * corrupt or an encrypted PDF, an image of too many pixels, one past the size budget never stops
 * the package — then the readable pieces are appended after the document, each page under its label.
 */
import { PDFDocument, type PDFImage, type PDFPage, PDFRef, StandardFonts } from 'pdf-lib';
import { type Lang, translator } from '#text/catalogue';
import { jpegSize, type PixelSize, pngSize } from './image-size.ts';
import { jpegOrientation, type Orientation } from './jpeg-orientation.ts';
import { type BandFonts, imagePage, stampPage } from './piece-pages.ts';

/**
 * The most pixels a PNG may have: pdf-lib holds a PNG decoded (about 7 bytes a pixel at its peak),
 * so 40 megapixels — a full-page scan at 600 dpi — bounds what one image takes of the server's
 * memory to a few hundred megabytes. A JPEG goes into the PDF as it is, never decoded: its pixels
 * cost no memory here, so a phone's 48-megapixel photo is not refused.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

const APPENDED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export interface PieceFile {
  /** From the file's first bytes: application/pdf, image/png and image/jpeg are appended. */
  mediaType: string;
  /** As stored: a file larger than what is left of the budget is not even read. */
  sizeBytes: number;
  /** Its bytes, fetched only when it may go in. */
  content(): Promise<Uint8Array>;
}

/**
 * format: neither a PDF nor a PNG or JPEG image; unreadable: damaged, or no page; encrypted: a
 * protected PDF; size: past what is left of the budget; pixels: an image past MAX_IMAGE_PIXELS.
 */
export type PieceProblem = 'format' | 'unreadable' | 'encrypted' | 'size' | 'pixels';

/** `bytes`: what the piece adds to the PDF (a PNG is stored there decoded, then deflated anew). */
export type PieceCheck =
  | { pages: number; bytes: number }
  | { problem: Exclude<PieceProblem, 'pixels'> }
  | { problem: 'pixels'; pixels: PixelSize };

type PieceRefusal = Exclude<PieceCheck, { pages: number }>;

type ReadPiece = { pages: PDFPage[] } | { image: PDFImage; orientation: Orientation };

export interface LoadedPieces {
  /** One per file, in their order. */
  checks: PieceCheck[];
  /**
   * The document's own pages, then the readable pieces' in their order, each page under its
   * piece's label (`labels`: one per readable piece, in order). Once only: it fills this object.
   */
  appendTo(pdf: Uint8Array, labels: readonly string[], lang: Lang): Promise<Buffer>;
}

const bandFonts = async (doc: PDFDocument): Promise<BandFonts> => ({
  regular: await doc.embedFont(StandardFonts.Helvetica),
  bold: await doc.embedFont(StandardFonts.HelveticaBold),
});

async function readPdf(out: PDFDocument, content: Uint8Array): Promise<ReadPiece | PieceRefusal> {
  // An object pdf-lib cannot parse fails the piece rather than leaving a hole in a page of
  // evidence. An encrypted PDF is opened only to be told apart from a damaged one (pdf-lib's own
  // error class does not survive its ES5 build for an `instanceof`): pdf-lib cannot decrypt it.
  const source = await PDFDocument.load(content, {
    updateMetadata: false,
    throwOnInvalidObject: true,
    ignoreEncryption: true,
  });
  if (source.isEncrypted) return { problem: 'encrypted' };
  if (source.getPageCount() === 0) return { problem: 'unreadable' };
  const pages = await out.copyPages(source, source.getPageIndices());
  // The band is tried on the source's own pages, thrown away with it: a page pdf-lib cannot
  // stamp (no media box, a box of three numbers, a rotation that is not a number) fails its piece
  // here, not the whole package once the listing that numbers it is printed.
  const fonts = await bandFonts(source);
  for (const page of source.getPages())
    stampPage(page, { label: 'Trial band', counter: 'Page 1 / 2' }, fonts);
  return { pages };
}

/** How a piece's bytes are read; the same document receives every piece, then the pages before them. */
async function readPiece(
  out: PDFDocument,
  file: PieceFile,
  content: Uint8Array,
): Promise<ReadPiece | PieceRefusal> {
  if (file.mediaType === 'application/pdf') return readPdf(out, content);
  const png = file.mediaType === 'image/png';
  const pixels = png ? pngSize(content) : jpegSize(content);
  if (!pixels) return { problem: 'unreadable' };
  if (png && pixels.width * pixels.height > MAX_IMAGE_PIXELS) return { problem: 'pixels', pixels };
  // pdf-lib reads a JPEG through a view of its whole buffer, not of the bytes given: a Buffer
  // from the database or from a pool of small ones lies inside a larger one, so it gets a copy.
  const own = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
  const image = png
    ? await out.embedPng(content)
    : await out.embedJpg(own ? content : new Uint8Array(content));
  // Embedded now rather than when saved, so its bytes are counted and its decoded pixels let go.
  await image.embed();
  return { image, orientation: png ? 1 : jpegOrientation(content) };
}

/** The objects `out` was given after `mark`, as written: what a piece adds to the PDF. */
function bytesSince(out: PDFDocument, mark: number): number {
  let bytes = 0;
  for (let n = mark + 1; n <= out.context.largestObjectNumber; n++)
    bytes += out.context.lookup(PDFRef.of(n))?.sizeInBytes() ?? 0;
  return bytes;
}

/** Takes out what a piece left out added to `out`, so its bytes are not saved with the package. */
function dropSince(out: PDFDocument, mark: number): void {
  for (let n = mark + 1; n <= out.context.largestObjectNumber; n++) out.context.delete(PDFRef.of(n));
}

/** One piece read into `out` if it fits in `bytesLeft`, else why not. */
async function loadPiece(
  out: PDFDocument,
  file: PieceFile,
  bytesLeft: number,
): Promise<{ piece: ReadPiece; check: { pages: number; bytes: number } } | PieceRefusal> {
  if (!APPENDED_TYPES.has(file.mediaType)) return { problem: 'format' };
  if (file.sizeBytes > bytesLeft) return { problem: 'size' };
  const content = await file.content();
  const mark = out.context.largestObjectNumber;
  const piece = await readPiece(out, file, content).catch((): PieceRefusal => ({ problem: 'unreadable' }));
  const bytes = bytesSince(out, mark);
  if ('problem' in piece || bytes > bytesLeft) {
    dropSince(out, mark);
    return 'problem' in piece ? piece : { problem: 'size' };
  }
  return { piece, check: { pages: 'pages' in piece ? piece.pages.length : 1, bytes } };
}

/**
 * Reads the files in order, each while what the readable ones before it added to the PDF leaves
 * room for it within `maxBytes`: a damaged or refused file spends none of it.
 */
export async function loadPieces(files: readonly PieceFile[], maxBytes: number): Promise<LoadedPieces> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const readable: ReadPiece[] = [];
  const checks: PieceCheck[] = [];
  let bytesLeft = maxBytes;
  for (const file of files) {
    const loaded = await loadPiece(out, file, bytesLeft);
    if ('problem' in loaded) checks.push(loaded);
    else {
      readable.push(loaded.piece);
      checks.push(loaded.check);
      bytesLeft -= loaded.check.bytes;
    }
  }
  return { checks, appendTo: (pdf, labels, lang) => assemble(out, readable, pdf, labels, lang) };
}

async function assemble(
  out: PDFDocument,
  readable: readonly ReadPiece[],
  pdf: Uint8Array,
  labels: readonly string[],
  lang: Lang,
): Promise<Buffer> {
  const t = translator(lang);
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const page of await out.copyPages(document, document.getPageIndices())) out.addPage(page);
  const fonts = await bandFonts(out);
  readable.forEach((piece, index) => {
    const pages = 'pages' in piece ? piece.pages : [imagePage(out, piece.image, piece.orientation)];
    pages.forEach((page, n) => {
      if ('pages' in piece) out.addPage(page);
      const counter = pages.length > 1 ? t('export.page', { page: n + 1, pages: pages.length }) : '';
      stampPage(page, { label: labels[index] ?? '', counter }, fonts);
    });
  });
  out.setTitle(document.getTitle() ?? '');
  out.setCreator(document.getCreator() ?? '');
  out.setProducer(document.getProducer() ?? '');
  const created = document.getCreationDate();
  if (created) out.setCreationDate(created);
  return Buffer.from(await out.save());
}
