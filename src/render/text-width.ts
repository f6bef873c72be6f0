/**
 * Widths of text in the embedded font (Source Sans 3), estimated without laying it out: what
 * wraps chart labels between words and sizes dense table columns to their content. The advance
 * widths of printable ASCII were read from SourceSans3-Regular.ttf (hundredths of an em); an
 * accented letter counts as its plain letter, anything else as half an em.
 */

/** Advance widths of ' ' (32) to '~' (126), two digits each, in hundredths of an em. */
const ASCII_WIDTHS =
  '2029435050826125303042502531253550505050505050505050252550505043855459576253496265264858497365665766575354655279514854303530505054505546565029505425255026835554565635423454477245474330243050';
const OTHER_WIDTHS: Record<string, number> = {
  '\u202f': 0.12, // narrow no-break space, in French numbers
  '\u00a0': 0.2,
  '…': 0.95,
  '€': 0.5,
  '’': 0.25,
  '–': 0.48,
  '—': 0.96,
};
/** The semibold face used for headers and totals is a few per cent wider. */
const BOLD_FACTOR = 1.04;

function charEm(char: string): number {
  const other = OTHER_WIDTHS[char];
  if (other !== undefined) return other;
  const base = char.normalize('NFD').codePointAt(0) ?? 0;
  if (base < 32 || base > 126) return 0.5;
  const at = (base - 32) * 2;
  return Number(ASCII_WIDTHS.slice(at, at + 2)) / 100;
}

/** Estimated width of a text, in points, at a font size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const char of text) ems += charEm(char);
  return ems * fontSize * (bold ? BOLD_FACTOR : 1);
}

/**
 * Where a line may break: white space, but not the no-break spaces that keep a French « : » or
 * « ? » on its word's line and a number's groups together (pdfmake does not break there either).
 */
export const BREAKABLE_SPACES = /[^\S\u00a0\u202f]+/;

/** Width of the longest word: how narrow a wrapping text can be. */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
  return Math.max(0, ...text.split(BREAKABLE_SPACES).map((word) => textWidth(word, fontSize, bold)));
}
