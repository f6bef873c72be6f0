/**
 * Documents appended to a PDF made by pdfmake (a legal file's package carries the documents of
 * its disputes after its annexes), merged with pdf-lib: pure JavaScript, reads and writes existing
 * PDFs, embeds PNG and JPEG. Each piece is read first, so its caller can say in the listing which
 * pieces are in the PDF and why the others are not — a file that is not a PDF or an image, a
 * corrupt or an encrypted PDF, an image of too many pixels, one past the size budget never stops
 * the package — then the readable pieces are appended after the document, each page under its label.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFImage,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFStream,
  StandardFonts,
} from 'pdf-lib';
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
  /** What its bytes were found to be before (checkPiece): a file that cannot go in is not read. */
  known?: ContentCheck | undefined;
  /** Told what its bytes are found to be, when they are read. */
  remember?(check: ContentCheck, content: Uint8Array): void;
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

/**
 * What a file's bytes alone say of it, wherever it lies in the package: its pages and what it adds
 * to the PDF, or why it cannot go in. A pure function of the bytes (and of the media type, itself
 * read from them), so a caller may keep it by the file's SHA-256.
 */
export type ContentCheck = { pages: number; bytes: number } | ContentRefusal;

type ContentRefusal = Exclude<PieceRefusal, { problem: 'format' | 'size' }>;

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

async function readPdf(out: PDFDocument, content: Uint8Array): Promise<ReadPiece | ContentRefusal> {
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
  mediaType: string,
  content: Uint8Array,
): Promise<ReadPiece | ContentRefusal> {
  if (mediaType === 'application/pdf') return readPdf(out, content);
  const png = mediaType === 'image/png';
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

/**
 * The digits of the object numbers an object refers to: they tell where a piece lies in the PDF
 * (after how many objects), not what it holds, so they are not counted in what it adds.
 */
function refDigits(object: PDFObject | undefined): number {
  if (object instanceof PDFRef) return String(object.objectNumber).length;
  if (object instanceof PDFStream) return refDigits(object.dict);
  if (object instanceof PDFDict) return object.values().reduce((sum, value) => sum + refDigits(value), 0);
  if (object instanceof PDFArray) return object.asArray().reduce((sum, value) => sum + refDigits(value), 0);
  return 0;
}

/**
 * The objects `out` was given after `mark`, as written less their references' numbers: what a
 * piece adds to the PDF, the same wherever it lies, so that it can be known from its bytes alone.
 */
function bytesSince(out: PDFDocument, mark: number): number {
  let bytes = 0;
  for (let n = mark + 1; n <= out.context.largestObjectNumber; n++) {
    const object = out.context.lookup(PDFRef.of(n));
    bytes += (object?.sizeInBytes() ?? 0) - refDigits(object);
  }
  return bytes;
}

/** Takes out what a piece left out added to `out`, so its bytes are not saved with the package. */
function dropSince(out: PDFDocument, mark: number): void {
  for (let n = mark + 1; n <= out.context.largestObjectNumber; n++) out.context.delete(PDFRef.of(n));
}

/** A piece's bytes read into `out`: what they are, and what they added to it after `mark`. */
async function readInto(
  out: PDFDocument,
  mediaType: string,
  content: Uint8Array,
): Promise<{ mark: number; piece: ReadPiece | null; check: ContentCheck }> {
  const mark = out.context.largestObjectNumber;
  const piece = await readPiece(out, mediaType, content).catch(
    (): ContentRefusal => ({ problem: 'unreadable' }),
  );
  if ('problem' in piece) return { mark, piece: null, check: piece };
  const pages = 'pages' in piece ? piece.pages.length : 1;
  return { mark, piece, check: { pages, bytes: bytesSince(out, mark) } };
}

/** What a piece's bytes are, read into a document of its own and thrown away (PDF or PNG or JPEG). */
export async function checkPiece(mediaType: string, content: Uint8Array): Promise<ContentCheck> {
  return (await readInto(await PDFDocument.create({ updateMetadata: false }), mediaType, content)).check;
}

/** One file's bytes as `admitPieces` is told them; the package keeps the read piece, or drops it. */
export interface ReadContent<Kept> {
  check: ContentCheck;
  keep?: () => Kept;
  drop?: () => void;
}

/**
 * The one rule that numbers the pieces, for the package and for a page that shows the numbers
 * without building it. In order, a file goes in when it is a PDF, a PNG or a JPEG, its stored size
 * and then what its bytes add to the PDF fit in what the pieces gone in before it left of
 * `maxBytes`, and its bytes read well: a refused or damaged file spends none of it. `read` is asked
 * only of a file that may go in, with what is left of the bound.
 */
export async function admitPieces<Kept>(
  files: readonly { mediaType: string; sizeBytes: number }[],
  maxBytes: number,
  read: (index: number, bytesLeft: number) => Promise<ReadContent<Kept>>,
): Promise<{ checks: PieceCheck[]; kept: Kept[] }> {
  const checks: PieceCheck[] = [];
  const kept: Kept[] = [];
  let bytesLeft = maxBytes;
  for (const [index, file] of files.entries()) {
    if (!APPENDED_TYPES.has(file.mediaType)) checks.push({ problem: 'format' });
    else if (file.sizeBytes > bytesLeft) checks.push({ problem: 'size' });
    else {
      const content = await read(index, bytesLeft);
      const { check } = content;
      const fits = !('problem' in check) && check.bytes <= bytesLeft;
      if (fits && content.keep) kept.push(content.keep());
      if (!fits) content.drop?.();
      checks.push('problem' in check || fits ? check : { problem: 'size' });
      if (fits) bytesLeft -= check.bytes;
    }
  }
  return { checks, kept };
}

/**
 * Reads the files in order into the package's document, as `admitPieces` lets them in; a file
 * whose bytes are `known` not to go in is not read, the others' bytes are told to `remember`.
 */
export async function loadPieces(files: readonly PieceFile[], maxBytes: number): Promise<LoadedPieces> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const { checks, kept } = await admitPieces(
    files,
    maxBytes,
    async (index, bytesLeft): Promise<ReadContent<ReadPiece>> => {
      const file = files[index] as PieceFile;
      const known = file.known;
      if (known && ('problem' in known || known.bytes > bytesLeft)) return { check: known };
      const content = await file.content();
      const { mark, piece, check } = await readInto(out, file.mediaType, content);
      file.remember?.(check, content);
      const drop = () => dropSince(out, mark);
      return piece ? { check, keep: () => piece, drop } : { check, drop };
    },
  );
  return { checks, appendTo: (pdf, labels, lang) => assemble(out, kept, pdf, labels, lang) };
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
