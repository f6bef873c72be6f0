/**
 * Justified text for pdfmake that spreads its lines at spaces only.
 *
 * pdfmake cuts a text into pieces wherever Unicode lets a line break (UAX #14: after a space, but
 * also after the hyphen of « Saint-Étienne » or the slash of « et/ou »), and justifies a line by
 * widening the gap after every piece: « Saint- Étienne » then prints with a gap after its hyphen.
 * Each word, with the ordinary spaces that follow it, is given to pdfmake as one piece it may not
 * cut (`noWrap`), so lines break and stretch at those spaces alone; the no-break spaces (U+00A0,
 * U+202F) of French typography stay inside their word. A word that ends a line (`\n`) is left to
 * pdfmake, which ends the line there and does not justify it.
 */

/** After a run of breakable white space (not a no-break space, not a line end), or after a line end. */
const WORD_ENDS = /(?<=[^\S\r\n\u00a0\u202f])(?![^\S\r\n\u00a0\u202f])|(?<=\n)/;

export interface JustifiedPiece {
  text: string;
  noWrap?: boolean;
}

/** The pieces of a text to justify: its words with their trailing spaces, each one unbreakable. */
export function justifiedPieces(text: string): JustifiedPiece[] {
  return text
    .split(WORD_ENDS)
    .filter((word) => word !== '')
    .map((word) => (word.endsWith('\n') ? { text: word } : { text: word, noWrap: true }));
}

/** A justified paragraph's node: its pieces and its alignment, with the node's other properties. */
export function justified<T extends object>(text: string, node: T = {} as T) {
  return { ...node, text: justifiedPieces(text), alignment: 'justify' as const };
}
