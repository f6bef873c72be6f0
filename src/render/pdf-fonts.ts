/**
 * pdfmake, configured once per thread for every PDF of the document port (business documents,
 * letters, written reports): the embedded font, no URL and no file but the font's.
 *
 * pdfmake opens the font anew for each document: a fresh fontkit font whose OpenType tables are
 * decoded again on its first words (30–100 ms a face), and every word shaped again (kerning,
 * ligatures: 40 % of the risk table's PDF). Each face is therefore parsed once per thread and its
 * shaped words kept across documents, as pdfkit keeps them within one: a word's glyphs depend on
 * the face alone. What a document owns stays its own (its subset, widths and character map).
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';

/** The parts of a fontkit font used here. */
interface FontkitFace {
  createSubset(): unknown;
  glyphForCodePoint(codePoint: number): unknown;
}

/** A face as pdfkit opens it for one document (its `EmbeddedFont`). */
interface DocumentFace {
  font: FontkitFace;
  subset: unknown;
  /** Shaped words by text; absent when the document keeps none. */
  layoutCache?: Record<string, unknown>;
}

/** pdfmake's pdfkit document, as far as opening a face goes. */
interface PdfmakeDocument {
  fonts: Record<string, Record<string, unknown> | undefined>;
  fontCache: Record<string, Record<string, DocumentFace> | undefined>;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): DocumentFace;
}

export const shapedWords = {
  /**
   * Words kept per face at most (a shaped word takes about 1.5 kB; the demo's risk table, aged
   * balance and dysfunctions report hold 3,200): beyond, the next document starts a new list.
   */
  maxPerFace: 10_000,
};

interface SharedFace {
  font: FontkitFace;
  /** pdfkit's cache of shaped words, by text, shared by the documents of this thread. */
  words: Record<string, unknown> | null;
}

const FONT_PATHS = new Set<string>(Object.values(FONT_FILES));
const faces = new Map<string, SharedFace>();

/**
 * A glyph keeps the characters it was first made from, and the PDF maps it back to them (copied
 * text): the space and the no-break space share a glyph, so do the hyphen and its variants. The
 * printable ASCII glyphs are made first, from their own character, so that this never depends on
 * which document came first.
 */
function firstGlyphs(font: FontkitFace): void {
  for (let codePoint = 0x20; codePoint <= 0x7e; codePoint++) font.glyphForCodePoint(codePoint);
}

/** Gives a document's newly opened face the thread's parsed face and shaped words. */
function share(path: unknown, face: DocumentFace): void {
  if (typeof path !== 'string' || !FONT_PATHS.has(path)) return;
  let shared = faces.get(path);
  if (shared) {
    face.font = shared.font;
    face.subset = shared.font.createSubset();
  } else {
    firstGlyphs(face.font);
    shared = { font: face.font, words: null };
    faces.set(path, shared);
  }
  if (!face.layoutCache) return;
  if (!shared.words || Object.keys(shared.words).length > shapedWords.maxPerFace)
    shared.words = face.layoutCache;
  else face.layoutCache = shared.words;
}

const require = createRequire(import.meta.url);
const documentClass = require('pdfmake/js/PDFDocument.js') as { default: { prototype: PdfmakeDocument } };
const prototype = documentClass.default.prototype;
const provideFont = prototype.provideFont;
prototype.provideFont = function provideSharedFont(this: PdfmakeDocument, family, bold, italics) {
  const type = this.getFontType(bold, italics);
  const opened = this.fontCache[family]?.[type] !== undefined;
  const face = provideFont.call(this, family, bold, italics);
  if (!opened) share(this.fonts[family]?.[type], face);
  return face;
};

pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
// A document never fetches anything: no URL, and no file but the embedded fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_PATHS.has(path));

/** The faces parsed in this thread and their shaped words, by file (tests). */
export function sharedFaces(): ReadonlyMap<string, { font: unknown; words: object | null }> {
  return faces;
}

export { pdfmake };
