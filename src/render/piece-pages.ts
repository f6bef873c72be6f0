/**
 * The pages of one piece (a document appended to a package: a dispute's signed proof of delivery,
 * a photo, a complaint letter), each under a band that names it. A PDF's own pages are kept as they
 * are, drawn on by no one: the band is added above the page (its boxes grow by the band's height),
 * so the evidence is never covered. An image gets an A4 page of its own, turned as its EXIF says.
 */
import { degrees, type PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { Orientation } from './jpeg-orientation.ts';

/** Height of the band in points: one line of label over a light fill. */
export const BAND = 22;
const A4 = { short: 595.28, long: 841.89 };
/** Margins around an image, as the letters' (about 1.3 cm). */
const IMAGE_MARGIN = 36;
const LABEL_SIZE = 8.5;
const SMALLEST_LABEL_SIZE = 6.5;
const PADDING = 10;
const INK = rgb(0.14, 0.23, 0.42);
const MUTED = rgb(0.4, 0.4, 0.4);
const FILL = rgb(0.93, 0.95, 0.97);

export interface BandText {
  /** « Pièce n° 3 — Bon de livraison signé — facture F2025-0012 — joint le 12/03/2026 ». */
  label: string;
  /** « Page 1 / 2 », or empty for a piece of one page. */
  counter: string;
}

export interface BandFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page's turn when shown (0, 90, 180 or 270 degrees clockwise). */
function turnOf(page: PDFPage): 0 | 90 | 180 | 270 {
  const angle = ((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360;
  return (angle % 360) as 0 | 90 | 180 | 270;
}

/**
 * Grows the page's crop box (and its media box with it) by the band on the side that is shown at
 * the top, and answers where a point of the shown page (u rightwards, v upwards) lies in the
 * page's own coordinates.
 */
function growTop(page: PDFPage, turn: 0 | 90 | 180 | 270) {
  const c = page.getCropBox();
  const grown: Box =
    turn === 0
      ? { ...c, height: c.height + BAND }
      : turn === 90
        ? { ...c, x: c.x - BAND, width: c.width + BAND }
        : turn === 180
          ? { ...c, y: c.y - BAND, height: c.height + BAND }
          : { ...c, width: c.width + BAND };
  const media = page.getMediaBox();
  const left = Math.min(media.x, grown.x);
  const bottom = Math.min(media.y, grown.y);
  const right = Math.max(media.x + media.width, grown.x + grown.width);
  const top = Math.max(media.y + media.height, grown.y + grown.height);
  page.setMediaBox(left, bottom, right - left, top - bottom);
  page.setCropBox(grown.x, grown.y, grown.width, grown.height);
  const sideways = turn === 90 || turn === 270;
  const shown = {
    width: sideways ? grown.height : grown.width,
    height: sideways ? grown.width : grown.height,
  };
  const at = (u: number, v: number): { x: number; y: number } =>
    turn === 0
      ? { x: grown.x + u, y: grown.y + v }
      : turn === 90
        ? { x: grown.x + grown.width - v, y: grown.y + u }
        : turn === 180
          ? { x: grown.x + grown.width - u, y: grown.y + grown.height - v }
          : { x: grown.x + v, y: grown.y + grown.height - u };
  return { shown, at };
}

/** Only what the font can print: a name in another script would otherwise stop the whole package. */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.normalize('NFC')].map((c) => (known.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
}

/** The label at the largest size from 8.5 down to 6.5 points that fits, else cut with an ellipsis. */
function fitted(font: PDFFont, text: string, width: number): { text: string; size: number } {
  for (let size = LABEL_SIZE; size >= SMALLEST_LABEL_SIZE; size -= 0.5)
    if (font.widthOfTextAtSize(text, size) <= width) return { text, size };
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, SMALLEST_LABEL_SIZE) > width)
    cut = cut.slice(0, -1);
  return { text: `${cut.trimEnd()}…`, size: SMALLEST_LABEL_SIZE };
}

/** Puts the band above what the page shows: light fill, the label left, the page counter right. */
export function stampPage(page: PDFPage, text: BandText, fonts: BandFonts): void {
  const turn = turnOf(page);
  const { shown, at } = growTop(page, turn);
  const rotate = degrees(turn);
  const bandBottom = shown.height - BAND;
  page.drawRectangle({ ...at(0, bandBottom), width: shown.width, height: BAND, rotate, color: FILL });
  const counter = printable(fonts.regular, text.counter);
  const counterWidth = counter ? fonts.regular.widthOfTextAtSize(counter, 7.5) : 0;
  const room = shown.width - 2 * PADDING - (counterWidth > 0 ? counterWidth + PADDING : 0);
  const label = fitted(fonts.bold, printable(fonts.bold, text.label), room);
  const baseline = bandBottom + (BAND - LABEL_SIZE) / 2 + 1.5;
  page.drawText(label.text, {
    ...at(PADDING, baseline),
    size: label.size,
    font: fonts.bold,
    color: INK,
    rotate,
  });
  if (counter)
    page.drawText(counter, {
      ...at(shown.width - PADDING - counterWidth, baseline),
      size: 7.5,
      font: fonts.regular,
      color: MUTED,
      rotate,
    });
}

/**
 * Where the image's own corner goes and which way its sides run, for each EXIF orientation, in
 * the box it is shown in: pdf-lib turns an image about its lower-left corner, and a negative side
 * mirrors it.
 */
export function placement(orientation: Orientation, box: Box, side: { width: number; height: number }) {
  const { x, y, width: w, height: h } = box;
  switch (orientation) {
    case 2:
      return { x: x + w, y, rotate: 0, width: -side.width, height: side.height };
    case 3:
      return { x: x + w, y: y + h, rotate: 180, ...side };
    case 4:
      return { x, y: y + h, rotate: 0, width: side.width, height: -side.height };
    case 5:
      return { x: x + w, y: y + h, rotate: -90, width: side.width, height: -side.height };
    case 6:
      return { x, y: y + h, rotate: -90, ...side };
    case 7:
      return { x, y, rotate: 90, width: side.width, height: -side.height };
    case 8:
      return { x: x + w, y, rotate: 90, ...side };
    default:
      return { x, y, rotate: 0, ...side };
  }
}

/**
 * A page for an image, A4 in the image's own orientation less the band (which `stampPage` adds
 * back): the image as large as the margins allow, never enlarged past one pixel a point (a small
 * image is not blown up into a blur), centred at the top.
 */
export function imagePage(out: PDFDocument, image: PDFImage, orientation: Orientation): PDFPage {
  const quarterTurn = orientation >= 5;
  const shown = {
    width: quarterTurn ? image.height : image.width,
    height: quarterTurn ? image.width : image.height,
  };
  const landscape = shown.width > shown.height;
  const pageWidth = landscape ? A4.long : A4.short;
  const pageHeight = (landscape ? A4.short : A4.long) - BAND;
  const page = out.addPage([pageWidth, pageHeight]);
  const scale = Math.min(
    (pageWidth - 2 * IMAGE_MARGIN) / shown.width,
    (pageHeight - 2 * IMAGE_MARGIN) / shown.height,
    1,
  );
  const box: Box = { x: 0, y: 0, width: shown.width * scale, height: shown.height * scale };
  box.x = (pageWidth - box.width) / 2;
  box.y = pageHeight - IMAGE_MARGIN - box.height;
  const side = { width: image.width * scale, height: image.height * scale };
  const place = placement(orientation, box, side);
  page.drawImage(image, { ...place, rotate: degrees(place.rotate) });
  return page;
}
