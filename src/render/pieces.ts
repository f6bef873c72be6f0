/**
 * Documents appended to a PDF made by pdfmake (a legal file's package carries the documents of
 * its disputes after its annexes), merged with pdf-lib: pure JavaScript, reads and writes existing
 * PDFs, embeds PNG and JPEG. Each piece is read first, so its caller can say in the listing which
 * pieces are in the PDF and why the others are not — a file that is not a PDF or an image, a
 * corrupt or an encrypted PDF never stops the package — then the readable pieces are appended
 * after the document, each page under its label.
 */
import { PDFDocument, type PDFImage, type PDFPage, StandardFonts } from 'pdf-lib';
import { type Lang, translator } from '#text/catalogue';
import { jpegOrientation, type Orientation } from './jpeg-orientation.ts';
import { imagePage, stampPage } from './piece-pages.ts';

export interface PieceFile {
  /** From the file's first bytes: application/pdf, image/png and image/jpeg are appended. */
  mediaType: string;
  content: Uint8Array;
}

/** format: neither a PDF nor a PNG or JPEG image; unreadable: damaged, or no page; encrypted: a protected PDF. */
export type PieceProblem = 'format' | 'unreadable' | 'encrypted';

export type PieceCheck = { pages: number } | { problem: PieceProblem };

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

/** How a piece's bytes are read; the same document receives every piece, then the pages before them. */
async function readPiece(out: PDFDocument, file: PieceFile): Promise<ReadPiece | PieceProblem> {
  if (file.mediaType === 'application/pdf') {
    // An object pdf-lib cannot parse fails the piece rather than leaving a hole in a page of
    // evidence. An encrypted PDF is opened only to be told apart from a damaged one (pdf-lib's own
    // error class does not survive its ES5 build for an `instanceof`): pdf-lib cannot decrypt it.
    const source = await PDFDocument.load(file.content, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
    if (source.isEncrypted) return 'encrypted';
    if (source.getPageCount() === 0) return 'unreadable';
    return { pages: await out.copyPages(source, source.getPageIndices()) };
  }
  if (file.mediaType === 'image/png') return { image: await out.embedPng(file.content), orientation: 1 };
  if (file.mediaType === 'image/jpeg')
    return { image: await out.embedJpg(file.content), orientation: jpegOrientation(file.content) };
  return 'format';
}

export async function loadPieces(files: readonly PieceFile[]): Promise<LoadedPieces> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const readable: ReadPiece[] = [];
  const checks: PieceCheck[] = [];
  for (const file of files) {
    try {
      const piece = await readPiece(out, file);
      if (typeof piece === 'string') checks.push({ problem: piece });
      else {
        readable.push(piece);
        checks.push({ pages: 'pages' in piece ? piece.pages.length : 1 });
      }
    } catch {
      checks.push({ problem: 'unreadable' });
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
  const fonts = {
    regular: await out.embedFont(StandardFonts.Helvetica),
    bold: await out.embedFont(StandardFonts.HelveticaBold),
  };
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
